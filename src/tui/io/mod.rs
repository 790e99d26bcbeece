//! The explorer's edges: the terminal ([`terminal`]), files written (charts, handouts) and
//! watched, the worker thread that draws bands, and the session kept between runs.

pub(in crate::tui) mod bands_worker;
pub mod export;
pub mod last_session;
pub mod report;
pub mod terminal;
pub mod watch;
