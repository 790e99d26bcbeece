//! Which slider matters: every parameter set to its plausible low and high with the others at
//! their current values, and the swing of one output between the two, largest first.

use super::output::Output;
use crate::model::Parameters;
use crate::setup::Setup;

/// One bar of the tornado.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Index of the parameter in the catalog.
    pub index: usize,
    /// The parameter's plausible low and the output there.
    pub low: (f64, f64),
    /// The parameter's plausible high and the output there.
    pub high: (f64, f64),
    /// |output at high - output at low|.
    pub swing: f64,
}

/// The tornado of `output` around `params`: one bar per parameter whose plausible range is not
/// a point and for which the output is defined at both ends, sorted by swing, largest first
/// (ties in catalog order). Costs two projections per parameter.
pub fn tornado(setup: &Setup, params: &Parameters, output: Output) -> Vec<Bar> {
    let catalog = &setup.catalog;
    let mut bars: Vec<Bar> = catalog
        .specs()
        .iter()
        .enumerate()
        .filter(|(_, s)| s.high > s.low)
        .filter_map(|(index, s)| {
            let at = |v: f64| {
                let mut p = params.clone();
                let set = catalog.set(&mut p, index, v);
                output.value(&setup.project(&p)).map(|o| (set, o))
            };
            let (low, high) = (at(s.low)?, at(s.high)?);
            Some(Bar {
                index,
                low,
                high,
                swing: (high.1 - low.1).abs(),
            })
        })
        .collect();
    bars.sort_by(|a, b| b.swing.total_cmp(&a.swing).then(a.index.cmp(&b.index)));
    bars
}
