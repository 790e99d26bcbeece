//! The parameter catalog: every slider, generated from the segments in the data, with its id,
//! label, unit, range and default.

use super::generate::{Wanted, parameters};
use super::key::ParamKey;
use super::spec::{DefaultBasis, ParamSpec};
use crate::data::{Dataset, ParamRange, Problem, closest};
use crate::model::{DEFAULT_HORIZON_YEARS, Engine, Parameters};
use crate::units::Year;

/// Every parameter of a data set at a base year, and the baseline values.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    specs: Vec<ParamSpec>,
    baseline: Parameters,
    base_year: Year,
}

impl Catalog {
    /// Builds the catalog of `data` for projections from the history's base year. Problems:
    /// ranges for unknown parameters or segments, parameters without a range, and derived
    /// defaults outside their range (which are clamped when `strict` is false).
    pub fn new(data: &Dataset, engine: &Engine, strict: bool) -> Result<Self, Vec<Problem>> {
        let base_year = engine.base_year();
        let mut problems = Vec::new();
        let trend = Parameters::trend(data, engine);
        let wanted = parameters(data);
        for (id, range) in &data.ranges {
            if !wanted.iter().any(|w| &w.id == id) {
                problems.push(unknown_range(data, id, range, &wanted));
            }
        }
        let mut baseline = trend.clone();
        baseline.horizon = base_year + DEFAULT_HORIZON_YEARS;
        let mut specs = Vec::with_capacity(wanted.len());
        for w in wanted {
            match spec(data, base_year, w, &mut baseline, strict) {
                Ok(spec) => specs.push(spec),
                Err(problem) => problems.push(problem),
            }
        }
        if problems.is_empty() {
            Ok(Self {
                specs,
                baseline,
                base_year,
            })
        } else {
            Err(problems)
        }
    }

    /// Defaults outside their own plausible range (`data`'s ranges, located there). Sliders,
    /// the tornado and the bands read the plausible range around the default, so `memcycle
    /// check` refuses such a default; projections clamp nothing and go on.
    pub fn defaults_outside_plausible(&self, data: &Dataset) -> Vec<Problem> {
        self.specs
            .iter()
            .filter(|s| !(s.low..=s.high).contains(&s.default))
            .filter_map(|s| {
                let range = data.ranges.get(&s.id)?;
                let how = match &range.default {
                    Some(_) => "given in the data".to_owned(),
                    None => format!("derived from the data up to {}", self.base_year),
                };
                Some(Problem {
                    file: range.origin.file.clone(),
                    line: range.origin.line,
                    column: range.origin.column,
                    message: format!(
                        "parameter \"{}\": its default {} ({how}) is outside its plausible range {}..{}; expected low and high that hold it",
                        s.id, s.default, s.low, s.high
                    ),
                })
            })
            .collect()
    }

    /// Every parameter, segment groups first (in data order), then global ones.
    pub fn specs(&self) -> &[ParamSpec] {
        &self.specs
    }

    /// Index of the parameter with this id.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.specs.iter().position(|s| s.id == id)
    }

    /// The parameters of `p` that differ from the baseline, as overrides.
    pub fn overrides_of(&self, p: &Parameters) -> Vec<super::Override> {
        self.specs
            .iter()
            .enumerate()
            .filter(|(i, s)| (self.get(p, *i) - s.default).abs() > s.step * 1e-6)
            .map(|(i, s)| super::Override {
                id: s.id.clone(),
                value: self.get(p, i),
            })
            .collect()
    }

    /// The baseline with `overrides` set, each clamped to its range; ids this catalog does not
    /// have are left out. For carrying settings to another base year.
    pub fn baseline_with_clamped(&self, overrides: &[super::Override]) -> Parameters {
        let mut p = self.baseline.clone();
        for o in overrides {
            if let Some(i) = self.index(&o.id) {
                self.set(&mut p, i, o.value);
            }
        }
        p
    }

    /// The parameter with this id.
    pub fn spec(&self, id: &str) -> Option<&ParamSpec> {
        self.index(id).map(|i| &self.specs[i])
    }

    /// Baseline values: every parameter at its default.
    pub fn baseline(&self) -> &Parameters {
        &self.baseline
    }

    /// Base year the defaults were derived for.
    pub fn base_year(&self) -> Year {
        self.base_year
    }

    /// Value of parameter `index` in `p`.
    pub fn get(&self, p: &Parameters, index: usize) -> f64 {
        self.specs[index].key.get(p)
    }

    /// Whether parameter `index` in `p` differs from its default (by more than a millionth of
    /// its step, so a slider moved there and back counts as unchanged).
    pub fn is_changed(&self, p: &Parameters, index: usize) -> bool {
        let s = &self.specs[index];
        (self.get(p, index) - s.default).abs() > s.step * 1e-6
    }

    /// Whether any parameter in `p` differs from its default.
    pub fn is_modified(&self, p: &Parameters) -> bool {
        (0..self.specs.len()).any(|i| self.is_changed(p, i))
    }

    /// Sets parameter `index` in `p`, clamped to its range; returns the value set.
    pub fn set(&self, p: &mut Parameters, index: usize, value: f64) -> f64 {
        let s = &self.specs[index];
        let v = if value.is_finite() {
            value.clamp(s.min, s.max)
        } else {
            s.default
        };
        // No binary noise (3.6 + 3 x 0.1 = 3.9000000000000004): a value saved and loaded again
        // must project exactly the same.
        let v = (v * 1e9).round() / 1e9;
        s.key.set(p, v);
        s.key.get(p)
    }

    /// Ids of the parameters closest to `id` (up to three), for "did you mean" messages.
    pub fn closest_ids(&self, id: &str) -> Vec<&str> {
        let mut scored: Vec<(usize, &str)> = self
            .specs
            .iter()
            .map(|s| (strsim::damerau_levenshtein(id, &s.id), s.id.as_str()))
            .collect();
        scored.sort();
        let best = scored.first().map_or(0, |b| b.0);
        scored
            .into_iter()
            .take_while(|(d, _)| *d <= best + 2)
            .take(3)
            .map(|(_, s)| s)
            .collect()
    }
}

/// Rounds a derived value to the slider's step grid (no more precision than a step).
pub fn round_to_step(v: f64, step: f64) -> f64 {
    if step <= 0.0 || !v.is_finite() {
        return v;
    }
    let r = (v / step).round() * step;
    // Snap away binary noise such as 2.3000000000000003.
    let decimals = (-step.log10()).ceil().max(0.0) as i32 + 1;
    let f = 10f64.powi(decimals);
    (r * f).round() / f
}

fn first_file(data: &Dataset) -> String {
    data.ranges
        .values()
        .next()
        .map_or_else(|| "devices.toml".to_owned(), |r| r.origin.file.clone())
}

fn unknown_range(data: &Dataset, id: &str, range: &ParamRange, wanted: &[Wanted]) -> Problem {
    let message = match id.split_once('.') {
        Some((seg, _)) if data.segment_index(seg).is_none() => format!(
            "parameter \"{id}\" names unknown segment \"{seg}\"{}; expected one of: {}",
            closest(seg, data.segments.iter().map(|s| s.id.as_str())),
            data.segments
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => format!(
            "unknown parameter \"{id}\"{}; expected a parameter id such as \"{}\"",
            closest(id, wanted.iter().map(|w| w.id.as_str())),
            wanted.first().map_or("", |w| w.id.as_str())
        ),
    };
    Problem {
        file: range.origin.file.clone(),
        line: range.origin.line,
        column: range.origin.column,
        message,
    }
}

/// The slider of parameter `w` from its range in `data` at `base_year`: its default (explicit,
/// or derived and rounded to the step) set in `baseline`; a problem when the data has no range
/// for it, or (with `strict`) a derived default outside its range.
fn spec(
    data: &Dataset,
    base_year: Year,
    w: Wanted,
    baseline: &mut Parameters,
    strict: bool,
) -> Result<ParamSpec, Problem> {
    let Wanted {
        id,
        label,
        group,
        unit,
        key,
        basis,
    } = w;
    let Some(range) = data.ranges.get(&id) else {
        return Err(Problem {
            file: first_file(data),
            line: 0,
            column: 0,
            message: format!(
                "no range for parameter \"{id}\"; expected a table [params.\"{id}\"] with min, max, step, low and high"
            ),
        });
    };
    let mut min = range.min;
    if matches!(key, ParamKey::Horizon | ParamKey::CutStart(_)) {
        min = min.max(f64::from(base_year + 1));
    }
    // The horizon's plausible range is written for the data's own base year; from
    // another base year it moves with it, as the default (base + 10) does.
    let shift = if key == ParamKey::Horizon {
        f64::from(base_year - data.last_observed_year())
    } else {
        0.0
    };
    let (default, default_basis) = match (&range.default, &range.source) {
        (Some(d), Some(src)) => (*d, DefaultBasis::Explicit(src.clone())),
        (Some(d), None) => (*d, DefaultBasis::Explicit(String::new())),
        (None, _) => (round_to_step(key.get(baseline), range.step), basis),
    };
    if !(min..=range.max).contains(&default) && strict {
        return Err(Problem {
            file: range.origin.file.clone(),
            line: range.origin.line,
            column: range.origin.column,
            message: format!(
                "parameter \"{id}\": its default {default} (derived from the data up to {base_year}) is outside the range {}..{}; expected a range that holds it, or an explicit default",
                range.min, range.max
            ),
        });
    }
    let max = range.max.max(min);
    let default = default.clamp(min, max);
    key.set(baseline, default);
    Ok(ParamSpec {
        id,
        label: label.to_owned(),
        group,
        unit,
        default,
        min,
        max,
        step: range.step,
        low: (range.low + shift).clamp(min, max),
        high: (range.high + shift).clamp(min, max),
        default_basis,
        key,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_to_step_snaps_binary_noise() {
        assert_eq!(round_to_step(2.2999, 0.1), 2.3);
        assert_eq!(round_to_step(11.37, 0.5), 11.5);
        assert_eq!(round_to_step(-0.26, 0.5), -0.5);
        assert_eq!(round_to_step(2031.4, 1.0), 2031.0);
    }
}
