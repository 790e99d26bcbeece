//! What the explorer keeps of the insight functions: the output the tornado and goal seek are
//! about, the tornado when shown, and the latest uncertainty bands with the settings they were
//! drawn for (bands for other settings are never drawn).

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
}

/// Insight state of the explorer.
#[derive(Debug, Clone, PartialEq)]
pub struct Insight {
    /// The output (memory and quantity; the year is the selected year) of the tornado and goal
    /// seek; `o` cycles it.
    pub output: Output,
    /// The tornado, when shown (`T`).
    pub tornado: Option<TornadoView>,
    /// Whether uncertainty bands are wanted (`B`).
    pub show_bands: bool,
    /// The latest bands and the parameters they were drawn around.
    pub bands: Option<(Parameters, Bands)>,
}

impl Default for Insight {
    fn default() -> Self {
        Self {
            output: Output {
                memory: Memory::Dram,
                quantity: Quantity::Growth,
                year: 0,
            },
            tornado: None,
            show_bands: false,
            bands: None,
        }
    }
}

impl Insight {
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
            .filter(|(p, _)| self.show_bands && p == params)
            .map(|(_, b)| b)
    }
}
