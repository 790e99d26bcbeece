//! Input: the key table ([`keys`]), keys and mouse turned into messages ([`keymap`]), and the
//! messages themselves ([`message`]).

pub mod keymap;
pub mod keys;
pub mod message;
