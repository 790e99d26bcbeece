//! The pure projection model: lifetimes, cohorts, demand. No I/O, no terminal, no clock.

mod cohort;
mod engine;
mod history;
mod lifetime;
mod parameters;
pub mod paths;
mod projection;

pub use cohort::Cohort;
pub use engine::{faded_growth, project, Engine};
pub use history::{History, BASE_GROWTH_YEARS, TREND_YEARS};
pub use lifetime::Lifetime;
pub use parameters::{Parameters, SegmentParams, DEFAULT_GROWTH_HALF_LIFE, DEFAULT_HORIZON_YEARS};
pub use projection::{Period, Projection, SegmentProjection};
