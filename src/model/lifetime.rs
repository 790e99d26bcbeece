//! Device lifetimes: a Weibull distribution of retirement ages with a given mean, applied as a
//! calendar-time hazard (docs/model.md, section 1).
//!
//! Devices ship mid-year. A vintage spends its first half-year in interval 0 (ages 0..0.5) and
//! then one whole year in each interval `j >= 1` (ages `j - 0.5 .. j + 0.5`). During a year with
//! mean lifetime `L`, a unit in interval `j` retires with probability
//! `1 - S_L(b_{j+1}) / S_L(b_j)`, with `S_L(a) = exp(-(a / lambda)^k)` and
//! `lambda = L / Gamma(1 + 1/k)`. Writing `B_j = b_j^k`, that is `1 - exp(-(B_{j+1} - B_j) c)`
//! with `c = lambda^-k`: one `exp` per age and year, the `powf`s are done once.

use crate::units::Years;

/// Survival below which a vintage is treated as gone; the last interval retires everything
/// left, so the installed base stays exactly conserved.
const NEGLIGIBLE_SURVIVAL: f64 = 1e-7;
/// No device class is kept longer than this many years.
pub const MAX_AGES: usize = 150;
/// Shortest mean lifetime the model accepts; shorter inputs are raised to it.
pub const MIN_MEAN: Years = 0.1;

/// The retirement-age distribution of one segment (its Weibull shape), with the per-age
/// constants precomputed.
#[derive(Debug, Clone)]
pub struct Lifetime {
    shape: f64,
    gamma_factor: f64,
    /// `B_{j+1} - B_j` for every interval `j`.
    deltas: Vec<f64>,
    /// `B_j` for interval starts.
    starts: Vec<f64>,
}

impl Lifetime {
    /// A lifetime with Weibull shape `shape` (> 0), with per-age constants precomputed for
    /// the first `ages` intervals (more are computed when asked for, more slowly).
    pub fn new(shape: f64, ages: usize) -> Self {
        let shape = shape.max(0.05);
        let starts: Vec<f64> = (0..=ages.clamp(1, MAX_AGES))
            .map(|j| start_power(j, shape))
            .collect();
        let deltas = starts.windows(2).map(|w| w[1] - w[0]).collect();
        Self {
            shape,
            gamma_factor: libm::tgamma(1.0 + 1.0 / shape),
            deltas,
            starts,
        }
    }

    /// `B_j`, precomputed or computed now.
    fn start(&self, j: usize) -> f64 {
        self.starts
            .get(j)
            .copied()
            .unwrap_or_else(|| start_power(j, self.shape))
    }

    /// Weibull shape.
    pub fn shape(&self) -> f64 {
        self.shape
    }

    /// `lambda^-k` for a mean lifetime.
    fn rate(&self, mean: Years) -> f64 {
        (self.gamma_factor / mean.max(MIN_MEAN)).powf(self.shape)
    }

    /// Probability that a unit survives to age `age` when the mean lifetime is `mean`.
    ///
    /// ```
    /// use memcycle::model::Lifetime;
    ///
    /// // Shape 1 is the exponential lifetime: a unit reaches the mean age with probability 1/e.
    /// let l = Lifetime::new(1.0, 40);
    /// assert!((l.survival(4.0, 4.0) - (-1.0f64).exp()).abs() < 1e-12);
    /// ```
    pub fn survival(&self, mean: Years, age: Years) -> f64 {
        (-(age.max(0.0).powf(self.shape)) * self.rate(mean)).exp()
    }

    /// Number of intervals a unit can live through at this mean lifetime before its survival
    /// is negligible.
    pub fn ages_needed(&self, mean: Years) -> usize {
        ages_reached(self.rate(mean), self.shape)
    }

    /// [`Lifetime::ages_needed`] without building a lifetime.
    pub fn ages_for(shape: f64, mean: Years) -> usize {
        let shape = shape.max(0.05);
        let rate = (libm::tgamma(1.0 + 1.0 / shape) / mean.max(MIN_MEAN)).powf(shape);
        ages_reached(rate, shape)
    }

    /// Fills `out` with the retirement probability of each interval during a year with mean
    /// lifetime `mean`; the last interval retires everything left.
    pub fn fill_hazards(&self, mean: Years, out: &mut [f64]) {
        let c = self.rate(mean);
        let n = out.len().min(self.deltas.len());
        for (h, d) in out[..n].iter_mut().zip(&self.deltas) {
            // 1 - exp(-x) rather than -expm1(-x): twice as fast, and x is never small enough
            // here for the difference to matter (relative error below 1e-12).
            *h = 1.0 - (-d * c).exp();
        }
        for (j, h) in out.iter_mut().enumerate().skip(n) {
            *h = -(-(self.start(j + 1) - self.start(j)) * c).exp_m1();
        }
        if let Some(last) = out.last_mut() {
            *last = 1.0;
        }
    }

    /// Hazards for `n` intervals.
    pub fn hazards(&self, mean: Years, n: usize) -> Vec<f64> {
        let mut h = vec![0.0; n.clamp(1, MAX_AGES)];
        self.fill_hazards(mean, &mut h);
        h
    }

    /// Shares of a stationary installed base by age index at a year end: index `i` holds the
    /// vintage shipped `i` years before, which has survived intervals `0..=i`.
    pub fn stationary_shares(&self, mean: Years, n: usize) -> Vec<f64> {
        let c = self.rate(mean);
        let mut s: Vec<f64> = (0..n.clamp(1, MAX_AGES))
            .map(|i| (-self.start(i + 1) * c).exp())
            .collect();
        if let Some(last) = s.last_mut() {
            *last = 0.0;
        }
        let total: f64 = s.iter().sum();
        if total > 0.0 {
            s.iter_mut().for_each(|x| *x /= total);
        }
        s
    }

    /// Mean retirement age of the discrete distribution (interval midpoints weighted by the
    /// share retiring in each interval), to check the discretisation against `mean`.
    pub fn discrete_mean(&self, mean: Years) -> Years {
        let n = self.ages_needed(mean);
        let h = self.hazards(mean, n);
        let mut alive = 1.0;
        let mut total = 0.0;
        for (j, hj) in h.iter().enumerate() {
            let retired = alive * hj;
            let (a, b) = (if j == 0 { 0.0 } else { j as f64 - 0.5 }, j as f64 + 0.5);
            total += retired * (a + b) / 2.0;
            alive -= retired;
        }
        total
    }
}

/// Intervals until survival is negligible, for `lambda^-k = rate`.
fn ages_reached(rate: f64, shape: f64) -> usize {
    let reach = (-(NEGLIGIBLE_SURVIVAL.ln()) / rate).powf(1.0 / shape);
    // Capped before the cast: a tiny shape makes `reach` astronomically large.
    let intervals = (reach + 0.5).ceil().min(MAX_AGES as f64) as usize;
    (intervals + 1).clamp(2, MAX_AGES)
}

/// `b_j^k` for interval boundary `b_j` (0, 0.5, 1.5, 2.5, ...).
fn start_power(j: usize, shape: f64) -> f64 {
    if j == 0 {
        0.0
    } else {
        (j as f64 - 0.5).powf(shape)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn survival_starts_at_one_and_falls() {
        let l = Lifetime::new(2.0, 40);
        assert_eq!(l.survival(4.0, 0.0), 1.0);
        assert!(l.survival(4.0, 4.0) < l.survival(4.0, 2.0));
        // Exponential lifetime (shape 1): S(mean) = 1/e.
        let e = Lifetime::new(1.0, 40);
        assert!((e.survival(3.0, 3.0) - (-1.0f64).exp()).abs() < 1e-12);
    }

    /// The model steps in whole years (half a year for the shipment year), so the discrete
    /// distribution matches the mean to 2% from mean lives of 1.5 years and shapes of 1.5 up;
    /// shorter lives are coarser (5% at one year).
    #[test]
    fn discrete_mean_matches_the_parameter() {
        for shape in [1.5, 2.0, 2.5, 3.0, 4.0, 5.0] {
            let l = Lifetime::new(shape, 30);
            for mean in [1.5, 2.0, 2.5, 3.5, 5.0, 8.0, 12.0, 15.0] {
                let m = l.discrete_mean(mean);
                assert!(
                    (m / mean - 1.0).abs() < 0.02,
                    "shape {shape} mean {mean}: {m}"
                );
            }
        }
    }

    /// A shape of 0.01 (which validation allows: any positive number up to 1,000) used to
    /// overflow the count of ages.
    #[test]
    fn extreme_shapes_keep_the_age_count_in_range() {
        for shape in [0.01, 0.2, 999.0] {
            let n = Lifetime::ages_for(shape, 4.0);
            assert!((2..=MAX_AGES).contains(&n), "shape {shape}: {n}");
        }
    }

    #[test]
    fn longer_lives_lower_every_hazard() {
        let l = Lifetime::new(2.0, 40);
        let short = l.hazards(3.0, 40);
        let long = l.hazards(4.0, 40);
        for j in 0..39 {
            assert!(long[j] < short[j], "age {j}");
        }
        assert_eq!(long[39], 1.0);
    }

    #[test]
    fn stationary_shares_sum_to_one_and_decline() {
        let l = Lifetime::new(2.0, 40);
        let s = l.stationary_shares(4.0, l.ages_needed(4.0));
        assert!((s.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!(s.windows(2).all(|w| w[1] <= w[0]));
    }
}
