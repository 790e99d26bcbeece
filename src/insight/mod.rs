//! Insight from many projections: which parameter matters most for an output (tornado), how
//! sure the projection is (uncertainty bands) and what it would take to reach a target (goal
//! seek). Pure: the CLI and the explorer call these.

pub mod band_widths;
pub mod bands;
pub mod output;
pub mod past_errors;
pub mod quantiles;
pub mod seek;
pub mod tornado;

pub use band_widths::bands;
pub use bands::Bands;
pub use output::{Output, Quantity};
pub use quantiles::Quantiles;
pub use seek::{Seek, seek};
pub use tornado::{Bar, tornado};

use crate::model::Parameters;
use crate::setup::{Setup, SetupError};
use crate::units::Year;

/// Why an insight (tornado, goal seek, bands) was not computed.
#[derive(Debug, thiserror::Error)]
pub enum InsightError {
    /// The data, the scenario or the overrides were refused.
    #[error(transparent)]
    Setup(#[from] SetupError),
    /// The backtest behind it was refused.
    #[error(transparent)]
    Backtest(#[from] crate::backtest::BacktestError),
    /// No output has this id.
    #[error("no output \"{given}\"; expected one of: {}", known.join(", "))]
    UnknownOutput {
        /// What was asked for.
        given: String,
        /// Every output id.
        known: Vec<String>,
    },
    /// The year is not projected.
    #[error("{given} is not a projected year; expected a year from {first} to {last}")]
    OutputYear {
        /// Year asked for.
        given: Year,
        /// First projected year.
        first: Year,
        /// Horizon.
        last: Year,
    },
    /// No parameter has this id.
    #[error("no parameter \"{given}\"; closest: {}", closest.join(", "))]
    UnknownParameter {
        /// What was asked for.
        given: String,
        /// Nearest known ids.
        closest: Vec<String>,
    },
}

/// The output `id` in `year` (default: the first projected year, as in the explorer), checked against the
/// years `params` project.
pub fn output(
    setup: &Setup,
    params: &Parameters,
    id: &str,
    year: Option<Year>,
) -> Result<Output, InsightError> {
    let base = setup.base_year();
    let horizon = params.horizon;
    let year = year.unwrap_or(base + 1);
    if year <= base || year > horizon {
        return Err(InsightError::OutputYear {
            given: year,
            first: base + 1,
            last: horizon,
        });
    }
    Output::parse(id, year).ok_or_else(|| InsightError::UnknownOutput {
        given: id.to_owned(),
        known: Output::ids(),
    })
}

/// The catalog index of parameter `id`.
pub fn parameter(setup: &Setup, id: &str) -> Result<usize, InsightError> {
    setup
        .catalog
        .specs()
        .iter()
        .position(|s| s.id == id)
        .ok_or_else(|| InsightError::UnknownParameter {
            given: id.to_owned(),
            closest: setup
                .catalog
                .closest_ids(id)
                .into_iter()
                .map(str::to_owned)
                .collect(),
        })
}
