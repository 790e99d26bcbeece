//! The installed base of one segment by vintage (docs/model.md, section 2).

use crate::units::MillionUnits;

/// Surviving units by age: index `a` holds the vintage shipped `a` years before the current
/// year end.
#[derive(Debug, Clone, PartialEq)]
pub struct Cohort {
    stock: Vec<MillionUnits>,
}

impl Cohort {
    /// An installed base of `total` units spread over ages by `shares` (which sum to one).
    pub fn from_shares(total: MillionUnits, shares: &[f64]) -> Self {
        Self {
            stock: shares.iter().map(|s| total * s).collect(),
        }
    }

    /// Number of ages tracked.
    pub fn ages(&self) -> usize {
        self.stock.len()
    }

    /// Tracks at least `n` ages (new ones empty).
    pub fn ensure_ages(&mut self, n: usize) {
        if self.stock.len() < n {
            self.stock.resize(n, 0.0);
        }
    }

    /// Units in use.
    pub fn total(&self) -> MillionUnits {
        self.stock.iter().sum()
    }

    /// Moves every vintage one year older, retiring `hazards[a + 1]` of the vintage now at
    /// age `a`, and returns the units retired. Leaves age 0 empty for this year's shipments.
    /// `hazards` must cover every age tracked, with the last one equal to 1.
    pub fn age_one_year(&mut self, hazards: &[f64]) -> MillionUnits {
        let n = self.stock.len();
        debug_assert!(hazards.len() >= n);
        let mut retired = 0.0;
        for a in (0..n.saturating_sub(1)).rev() {
            let r = self.stock[a] * hazards[a + 1];
            retired += r;
            self.stock[a + 1] = self.stock[a] - r;
        }
        if let Some(first) = self.stock.first_mut() {
            *first = 0.0;
        }
        retired
    }

    /// Adds this year's shipments, of which `first_hazard` retire before the year ends;
    /// returns those retired.
    pub fn ship(&mut self, shipped: MillionUnits, first_hazard: f64) -> MillionUnits {
        let retired = shipped * first_hazard;
        if let Some(first) = self.stock.first_mut() {
            *first = shipped - retired;
        }
        retired
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ageing_conserves_units() {
        let mut c = Cohort::from_shares(100.0, &[0.5, 0.3, 0.2, 0.0]);
        let h = [0.1, 0.2, 0.5, 1.0];
        let before = c.total();
        let retired_old = c.age_one_year(&h);
        let retired_new = c.ship(10.0, h[0]);
        let after = c.total();
        assert!((before + 10.0 - retired_old - retired_new - after).abs() < 1e-12);
        // 50*0.2 + 30*0.5 + 20*1.0 retire from older vintages.
        assert!((retired_old - 45.0).abs() < 1e-12);
    }
}
