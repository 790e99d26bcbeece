//! Goal seek: the value of one parameter, within its plausible range, at which an output meets
//! a target, found by bracketing on a grid and then bisection, given to a hundredth of the
//! parameter's step.

use super::output::Output;
use crate::model::Parameters;
use crate::params::round_to_step;
use crate::setup::Setup;

/// Grid points over the plausible range searched for a sign change (the output need not be
/// monotonic in the parameter: the first crossing from the low end is taken).
const GRID: usize = 24;
/// Bisection steps after bracketing: the range shrinks 2^40 times, far below any slider step.
const BISECTIONS: usize = 40;

/// What goal seek found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Seek {
    /// The parameter value meeting the target, and the output there.
    Found {
        /// Parameter value.
        value: f64,
        /// Output at that value.
        output: f64,
    },
    /// No value in the plausible range reaches the target; the closest one and its output.
    Unreachable {
        /// Parameter value that comes closest.
        value: f64,
        /// Output at that value.
        output: f64,
    },
}

/// Whether `output` meets `target`: exactly for whole years (the turn), else within a
/// thousandth of the target (at least 0.001), well inside the decimals shown.
pub fn meets(output: f64, target: f64, quantity: super::output::Quantity) -> bool {
    if quantity == super::output::Quantity::Turn {
        output == target
    } else {
        (output - target).abs() <= 1e-3 * target.abs().max(1.0)
    }
}

/// Sets parameter `index` so that `output` equals `target`, the other parameters as in
/// `params`; `None` when the output is undefined across the range (e.g. no market data).
pub fn seek(
    setup: &Setup,
    params: &Parameters,
    index: usize,
    output: Output,
    target: f64,
) -> Option<Seek> {
    let spec = setup.catalog.specs().get(index)?;
    let quantity = output.quantity;
    let (lo, hi) = (spec.low.min(spec.high), spec.low.max(spec.high));
    let at = |v: f64| -> Option<f64> {
        let mut p = params.clone();
        setup.catalog.set(&mut p, index, v);
        output.value(&setup.project(&p))
    };
    let grid: Vec<(f64, f64)> = (0..=GRID)
        .map(|k| lo + (hi - lo) * k as f64 / GRID as f64)
        .filter_map(|v| at(v).map(|o| (v, o)))
        .collect();
    let miss = |o: f64| o - target;
    if let Some(pair) = grid
        .windows(2)
        .find(|w| miss(w[0].1) == 0.0 || miss(w[0].1).signum() != miss(w[1].1).signum())
    {
        let (mut a, mut b) = (pair[0], pair[1]);
        if miss(a.1) == 0.0 {
            return Some(Seek::Found {
                value: a.0,
                output: a.1,
            });
        }
        for _ in 0..BISECTIONS {
            let mid = (a.0 + b.0) / 2.0;
            let Some(o) = at(mid) else { break };
            if miss(o).signum() == miss(a.1).signum() {
                a = (mid, o);
            } else {
                b = (mid, o);
            }
        }
        let best = if miss(a.1).abs() <= miss(b.1).abs() {
            a
        } else {
            b
        };
        // The answer on a hundredth of the parameter's step: short enough to read and share
        // (4.497, not 4.497246391), close enough to meet the target to the decimals shown.
        let v = round_to_step(best.0, spec.step / 100.0);
        let (value, output) = at(v).map_or(best, |o| (v, o));
        // A crossing is not an answer when the output jumps over the target (a turn year
        // that goes from 2027 to 2034): then the closest value is all there is.
        if meets(output, target, quantity) {
            return Some(Seek::Found { value, output });
        }
        return Some(Seek::Unreachable { value, output });
    }
    grid.iter()
        .min_by(|x, y| miss(x.1).abs().total_cmp(&miss(y.1).abs()))
        .map(|(value, output)| Seek::Unreachable {
            value: *value,
            output: *output,
        })
}

#[cfg(test)]
mod tests {
    use super::meets;
    use crate::insight::output::Quantity;

    #[test]
    fn a_turn_year_must_match_and_a_figure_must_come_close() {
        assert!(meets(2030.0, 2030.0, Quantity::Turn));
        assert!(
            !meets(2034.0, 2030.0, Quantity::Turn),
            "jumped over the target"
        );
        assert!(!meets(2031.0, 2030.0, Quantity::Turn));
        assert!(meets(14.005, 14.0, Quantity::Growth));
        assert!(!meets(14.1, 14.0, Quantity::Growth));
        assert!(meets(0.0005, 0.0, Quantity::Sufficiency));
    }
}
