//! What the explorer keeps of the insight functions: the output the tornado and goal seek are
//! about, the tornado when shown, and the latest uncertainty bands with the settings they were
//! drawn for (bands for other settings are never drawn).

use crate::chart::input::BandSource;
use crate::insight::past_errors::ErrorModel;
use crate::insight::{Bands, Bar, Output, Quantity};
use crate::model::{Memory, Parameters};
use crate::units::Year;

/// The tornado as shown: its bars (largest swing first) and the highlighted one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TornadoView {
    /// Bars for the current settings, output and year.
    pub bars: Vec<Bar>,
    /// Highlighted bar.
    pub selected: usize,
    /// The output at the current settings.
    pub current: Option<f64>,
    /// The projection revision and output the bars were computed for.
    pub computed_for: Option<(u64, Output)>,
}

/// Which uncertainty bands are shown (`B` cycles them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BandMode {
    /// None.
    #[default]
    Off,
    /// From parameter draws (a worker thread).
    Draws,
    /// From the model's past errors (the rolling backtest).
    Errors,
}

impl BandMode {
    /// The next mode: off, draws, past errors, off.
    pub fn next(self) -> Self {
        match self {
            BandMode::Off => BandMode::Draws,
            BandMode::Draws => BandMode::Errors,
            BandMode::Errors => BandMode::Off,
        }
    }
}

/// The error models of the banded series for one base year.
pub type ErrorModels = Vec<((Memory, Quantity), ErrorModel)>;

/// Insight state of the explorer.
#[derive(Debug, Clone, PartialEq)]
pub struct Insight {
    /// The output (memory and quantity; the year is the selected year) of the tornado and goal
    /// seek; `o` cycles it.
    pub output: Output,
    /// The tornado, when shown (`T`).
    pub tornado: Option<TornadoView>,
    /// Which uncertainty bands are wanted (`B`).
    pub band_mode: BandMode,
    /// The latest bands from draws and the parameters they were drawn around.
    pub bands: Option<(Parameters, Bands)>,
    /// The past-error models and the base year they were fitted for.
    pub errors: Option<(Year, ErrorModels)>,
    /// In backtest mode, the defaults' rolling skill over every base year up to the one on
    /// screen (the backtest mode's "does the skill hold" line).
    pub rolling: Option<RollingHalves>,
}

impl Default for Insight {
    fn default() -> Self {
        Self {
            output: Output {
                memory: Memory::Dram,
                quantity: Quantity::Demand,
                year: 0,
            },
            tornado: None,
            band_mode: BandMode::Off,
            bands: None,
            errors: None,
            rolling: None,
        }
    }
}

impl Insight {
    /// Whether bands from draws are wanted.
    pub fn wants_draws(&self) -> bool {
        self.band_mode == BandMode::Draws
    }

    /// Where the chart's band comes from at `base_year` with `params`: the draws when they
    /// belong to `params`, else the past errors when that mode is on and fitted for
    /// `base_year`, else none.
    pub fn band_source(&self, base_year: Year, params: &Parameters) -> BandSource<'_> {
        if let Some(bands) = self.current_bands(params) {
            return BandSource::Draws(bands);
        }
        match &self.errors {
            Some((year, models)) if self.band_mode == BandMode::Errors && *year == base_year => {
                BandSource::PastErrors(models)
            }
            _ => BandSource::Off,
        }
    }

    /// The output in `year`.
    pub fn output_in(&self, year: Year) -> Output {
        Output {
            year,
            ..self.output
        }
    }

    /// The bands if they belong to `params` and are wanted.
    pub fn current_bands(&self, params: &Parameters) -> Option<&Bands> {
        self.bands
            .as_ref()
            .filter(|(p, _)| self.band_mode == BandMode::Draws && p == params)
            .map(|(_, b)| b)
    }
}

/// Years ahead the backtest mode's rolling skill scores, as `backtest --rolling` does by default.
pub const ROLLING_HORIZON: i32 = 3;

/// The defaults' bits skill from the earlier and the later half of the base years (what the
/// backtest header shows), worked out once per base year rather than on every redraw.
#[derive(Debug, Clone, PartialEq)]
pub struct RollingHalves {
    /// The two halves of the base years.
    pub halves: [std::ops::RangeInclusive<Year>; 2],
    /// Per memory (DRAM, NAND), the bits skill of each half (`None`: nothing scored).
    pub bits: [[Option<f64>; 2]; 2],
}

/// The defaults' rolling skill from every base year the data allows up to `setup`'s, when that
/// is a backtest (at least two base years, so that it has an earlier and a later half).
pub fn rolling_skill(setup: &crate::setup::Setup) -> Option<RollingHalves> {
    let data = &setup.data;
    let base = setup.base_year();
    let first = crate::setup::Setup::first_base_year(data);
    if base <= first || base >= data.last_observed_year() {
        return None;
    }
    let r = crate::backtest::rolling::run(data, first..=base, ROLLING_HORIZON, None, &[]).ok()?;
    let halves = r.halves()?;
    let bits = Memory::ALL.map(|m| {
        let series = format!("{}_eb", m.id());
        halves
            .clone()
            .map(|h| r.skill_over(&series, &h).map(|k| k.skill()))
    });
    Some(RollingHalves { halves, bits })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tornado answers the question the opening chart shows: DRAM demand in EB.
    #[test]
    fn the_tornado_opens_on_dram_demand() {
        let output = Insight::default().output;
        assert_eq!(
            (output.memory, output.quantity),
            (Memory::Dram, Quantity::Demand)
        );
    }
}
