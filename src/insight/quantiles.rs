//! The five quantiles every band reports, by name rather than by position in an array.

/// A distribution's P10, P25, P50, P75 and P90.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantiles {
    /// 10th percentile: the band's low edge.
    pub p10: f64,
    /// 25th percentile.
    pub p25: f64,
    /// The median.
    pub p50: f64,
    /// 75th percentile.
    pub p75: f64,
    /// 90th percentile: the band's high edge.
    pub p90: f64,
}

impl Quantiles {
    /// The probabilities of the five, in order.
    pub const LEVELS: [f64; 5] = [0.10, 0.25, 0.50, 0.75, 0.90];
    /// Their names, in order (CSV and JSON fields).
    pub const NAMES: [&'static str; 5] = ["p10", "p25", "p50", "p75", "p90"];

    /// From the five values in order P10 to P90.
    pub fn from_array([p10, p25, p50, p75, p90]: [f64; 5]) -> Self {
        Self {
            p10,
            p25,
            p50,
            p75,
            p90,
        }
    }

    /// The five values in order P10 to P90.
    pub fn to_array(self) -> [f64; 5] {
        [self.p10, self.p25, self.p50, self.p75, self.p90]
    }

    /// All five at one value (a band of no width).
    pub fn point(v: f64) -> Self {
        Self::from_array([v; 5])
    }

    /// Each value through `f`.
    pub fn map(self, f: impl FnMut(f64) -> f64) -> Self {
        Self::from_array(self.to_array().map(f))
    }

    /// Whether `v` lies within P10-P90.
    pub fn holds(&self, v: f64) -> bool {
        (self.p10..=self.p90).contains(&v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_in_order() {
        let q = Quantiles::from_array([1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!((q.p10, q.p50, q.p90), (1.0, 3.0, 5.0));
        assert_eq!(q.to_array(), [1.0, 2.0, 3.0, 4.0, 5.0]);
        assert!(q.holds(1.0) && q.holds(5.0) && !q.holds(5.1));
        assert_eq!(q.map(|v| v * 2.0).p75, 8.0);
    }
}
