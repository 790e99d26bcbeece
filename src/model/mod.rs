//! The pure projection model: lifetimes, cohorts, demand. No I/O, no terminal, no clock.

mod cohort;
pub mod defaults;
mod engine;
mod history;
mod lifetime;
pub mod market;
mod market_history;
mod market_run;
mod parameters;
pub mod paths;
mod projection;
pub mod quarterly;

pub use cohort::Cohort;
pub use engine::{Engine, faded_growth, price_answer, project};
pub use history::{BASE_GROWTH_YEARS, History, TREND_YEARS};
pub use lifetime::Lifetime;
pub use market::{MarketParams, MarketProjection, Memory, MemoryParams, MemoryProjection, Regime};
pub use market_history::COST_TREND_HALF_LIFE;
pub use parameters::{
    DEFAULT_CONTENT_HALF_LIFE, DEFAULT_GROWTH_HALF_LIFE, DEFAULT_HORIZON_YEARS, Parameters,
    SegmentParams,
};
pub use projection::{Basis, Calibration, Period, Projection, SegmentProjection};
