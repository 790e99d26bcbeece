//! One parameter as a slider shows it, and where its default comes from.

use super::key::ParamKey;
use crate::format::fixed;

/// One parameter: what a slider moves.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamSpec {
    /// Stable id (`smartphone.replacement_cycle`).
    pub id: String,
    /// Display label (`Replacement cycle`).
    pub label: String,
    /// Group it is shown under (the segment's label, or `Global`).
    pub group: String,
    /// Unit (`years`, `% per year`, `year`).
    pub unit: &'static str,
    /// Baseline value.
    pub default: f64,
    /// Lowest value.
    pub min: f64,
    /// Highest value.
    pub max: f64,
    /// Slider step.
    pub step: f64,
    /// Low end of the plausible range.
    pub low: f64,
    /// High end of the plausible range.
    pub high: f64,
    /// How the default was set.
    pub default_basis: DefaultBasis,
    /// Field it moves.
    pub key: ParamKey,
}

/// Where a default comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum DefaultBasis {
    /// Derived from the data up to the base year (trend continuation).
    Trend,
    /// Written in the data with a source id.
    Explicit(String),
    /// A modelling convention of memcycle (horizon, fade half-life).
    Convention,
}

/// Group name of the global parameters.
pub const GLOBAL_GROUP: &str = "Global";

impl ParamSpec {
    /// `v` as the explorer shows this parameter: as many decimals as the step needs, and a short
    /// unit (`4.4 y`, `13 %/y`, `2030`).
    pub fn show(&self, v: f64) -> String {
        let decimals = if self.step >= 1.0 {
            0
        } else if self.step >= 0.1 {
            1
        } else {
            2
        };
        let unit = match self.unit {
            "% per year" => "%/y",
            "years" => "y",
            "years per year" => "y/y",
            "year" => "",
            u => u,
        };
        let n = fixed(v, decimals);
        if unit.is_empty() {
            n
        } else {
            format!("{n} {unit}")
        }
    }
}
