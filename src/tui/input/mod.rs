//! Input: the key tables (the explorer's [`keys`], the overlays' and presentation mode's
//! [`context_keys`]), keys and mouse turned into messages ([`keymap`]), and the
//! messages themselves ([`message`]).

pub mod context_keys;
pub mod keymap;
pub mod keys;
pub mod message;
