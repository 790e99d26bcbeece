//! Projection years: installed-base targets, retirements, shipments and demand (DESIGN 3.2,
//! 3.3), on top of a history computed once per data set and base year.

use super::history::{Content, History};
use super::market::{MarketProjection, project_memory};
use super::parameters::Parameters;
use super::projection::Projection;
use crate::data::Dataset;
use crate::units::{Year, Years, growth_factor};

/// A data set prepared for projections from one base year. Building it runs the history;
/// [`Engine::project`] then only computes the projection years, which is what a slider step
/// costs.
#[derive(Debug, Clone)]
pub struct Engine {
    history: History,
}

impl Engine {
    /// Prepares `data` for projections from `base_year`.
    pub fn new(data: &Dataset, base_year: Year) -> Self {
        Self {
            history: History::new(data, base_year),
        }
    }

    /// The base year this engine projects from.
    pub fn base_year(&self) -> Year {
        self.history.base_year
    }

    /// The history it projects from.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Projects to `params.horizon`. `params.base_year` is ignored: the engine's base year
    /// applies (see [`project`] to project from any base year).
    pub fn project(&self, params: &Parameters) -> Projection {
        let h = &self.history;
        let horizon = params.horizon.max(h.base_year);
        let len = (horizon - h.first_year + 1).max(0) as usize;
        let base_index = (h.base_year - h.first_year) as usize;
        let mut segments = Vec::with_capacity(h.segments.len());
        let years = (horizon - h.base_year).max(0) as usize;
        let fade = fade_weights(params.growth_half_life, years);
        for (seg, p) in h.segments.iter().zip(&params.segments) {
            let mut rows = seg.rows.extended(len);
            let dram_factor = cumulative_growth(
                p.dram_content_growth,
                seg.long_run_dram_growth,
                &fade,
                years,
            );
            let nand_factor = cumulative_growth(
                p.nand_content_growth,
                seg.long_run_nand_growth,
                &fade,
                years,
            );
            if let Some(state) = &seg.devices {
                let mut cohort = state.cohort.clone();
                let cycle = p.replacement_cycle;
                cohort.ensure_ages(state.lifetime.ages_needed(cycle));
                let hazards = state.lifetime.hazards(cycle, cohort.ages());
                let base = Content {
                    dram: rows.dram_gb_per_unit[base_index],
                    nand: rows.nand_gb_per_unit[base_index],
                    hbm: rows.hbm_gb_per_unit[base_index],
                };
                let mut installed = rows.installed_base_m[base_index];
                for (step, year) in (h.base_year + 1..=horizon).enumerate() {
                    let i = base_index + 1 + step;
                    let growth = faded(p.base_growth, state.long_run_growth, fade[step]);
                    let target = installed * growth_factor(growth).max(0.0);
                    let retired_old = cohort.age_one_year(&hazards);
                    let survivors = installed - retired_old;
                    let shipped = ((target - survivors) / (1.0 - hazards[0])).max(0.0);
                    let retired = retired_old + cohort.ship(shipped, hazards[0]);
                    installed = cohort.total();
                    debug_assert_eq!(year, h.base_year + 1 + step as Year);
                    // HBM follows its own first-year level, then the DRAM growth path.
                    let hbm = p
                        .hbm_gb_per_unit
                        .map_or(base.hbm * dram_factor[step], |first| {
                            first * dram_factor[step] / dram_factor[0].max(f64::MIN_POSITIVE)
                        });
                    let content = Content {
                        dram: (base.dram - base.hbm) * dram_factor[step] + hbm,
                        nand: base.nand * nand_factor[step],
                        hbm,
                    };
                    rows.set_device_year(i, shipped, retired, installed, content);
                }
            } else if rows.start_year.is_some() {
                let (dram, nand) = (rows.dram_eb[base_index], rows.nand_eb[base_index]);
                for step in 0..years {
                    let i = base_index + 1 + step;
                    rows.dram_eb[i] = dram * dram_factor[step];
                    rows.nand_eb[i] = nand * nand_factor[step];
                }
            }
            segments.push(rows);
        }
        let total = |pick: fn(&super::SegmentProjection) -> &Vec<f64>| -> Vec<f64> {
            (0..len)
                .map(|i| segments.iter().map(|s| pick(s)[i]).sum())
                .collect()
        };
        let (total_dram_eb, total_hbm_eb, total_nand_eb) = (
            total(|s| &s.dram_eb),
            total(|s| &s.hbm_eb),
            total(|s| &s.nand_eb),
        );
        let market = match (&h.market, &params.market) {
            (Some([dram, nand]), Some(m)) => Some(MarketProjection {
                dram: project_memory(
                    dram,
                    &m.dram,
                    m.capacity_delay,
                    m.hbm_trade_ratio,
                    &total_dram_eb,
                    &total_hbm_eb,
                ),
                nand: project_memory(
                    nand,
                    &m.nand,
                    m.capacity_delay,
                    1.0,
                    &total_nand_eb,
                    &vec![0.0; len],
                ),
            }),
            _ => None,
        };
        Projection {
            first_year: h.first_year,
            base_year: h.base_year,
            horizon,
            total_dram_eb,
            total_hbm_eb,
            total_nand_eb,
            segments,
            market,
        }
    }
}

/// Projects `data` with `params` from `params.base_year` to `params.horizon`.
pub fn project(data: &Dataset, params: &Parameters) -> Projection {
    Engine::new(data, params.base_year).project(params)
}

/// Weight of the starting rate `step` years after the first projected year: it halves every
/// `half_life` years (0 means rates are at their long-run values at once).
pub fn fade_weights(half_life: Years, years: usize) -> Vec<f64> {
    (0..years)
        .map(|step| fade_weight(half_life, step))
        .collect()
}

/// One entry of [`fade_weights`].
fn fade_weight(half_life: Years, step: usize) -> f64 {
    if half_life <= 0.0 {
        0.0
    } else {
        0.5f64.powf(step as f64 / half_life)
    }
}

/// A rate between `start` and `long_run`, `weight` of the way from the long-run value.
fn faded(start: f64, long_run: f64, weight: f64) -> f64 {
    long_run + (start - long_run) * weight
}

/// Cumulative growth factors for the projected years of a rate that starts at `start` and
/// fades towards `long_run` (% per year) with `weights` (see [`fade_weights`]): entry `k`
/// multiplies the base-year value to give year `base + k + 1`. Never negative.
pub fn cumulative_growth(start: f64, long_run: f64, weights: &[f64], years: usize) -> Vec<f64> {
    let mut level = 1.0f64;
    weights[..years.min(weights.len())]
        .iter()
        .map(|w| {
            level *= growth_factor(faded(start, long_run, *w)).max(0.0);
            level
        })
        .collect()
}

/// A growth rate `step` years after the first projected year: `start` fading towards
/// `long_run` with half-life `half_life` years.
pub fn faded_growth(start: f64, long_run: f64, half_life: Years, step: usize) -> f64 {
    faded(start, long_run, fade_weight(half_life, step))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_fades_by_half_each_half_life() {
        assert_eq!(faded_growth(10.0, 2.0, 3.0, 0), 10.0);
        assert!((faded_growth(10.0, 2.0, 3.0, 3) - 6.0).abs() < 1e-12);
        assert_eq!(faded_growth(10.0, 2.0, 0.0, 0), 2.0);
    }

    #[test]
    fn cumulative_growth_compounds_faded_rates() {
        let w = fade_weights(1.0, 2);
        let f = cumulative_growth(10.0, 0.0, &w, 2);
        assert!((f[0] - 1.10).abs() < 1e-12);
        assert!((f[1] - 1.10 * 1.05).abs() < 1e-12);
    }
}
