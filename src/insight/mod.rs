//! Insight from many projections: which parameter matters most for an output (tornado), how
//! sure the projection is (uncertainty bands) and what it would take to reach a target (goal
//! seek). Pure: the CLI and the explorer call these.

pub mod bands;
pub mod output;
pub mod seek;
pub mod tornado;

pub use bands::{Bands, bands};
pub use output::{Output, Quantity};
pub use seek::{Seek, seek};
pub use tornado::{Bar, tornado};
