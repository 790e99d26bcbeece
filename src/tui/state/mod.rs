//! What the explorer holds: the app's state ([`app::App`]), its parts, the reads the view
//! and tests use, and the kinds of view and insight state.

pub mod app;
pub mod insight;
pub(in crate::tui) mod parts;
pub(in crate::tui) mod read;
pub(in crate::tui) mod view_kinds;
