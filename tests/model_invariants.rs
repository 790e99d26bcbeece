//! Invariants of the projection model, as unit and property tests, on the test fixture and on
//! the built-in data.

use memcycle::model::{Parameters, Projection};
use memcycle::params::{Catalog, ParamKey};
use memcycle::setup::Setup;
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn tiny() -> &'static Setup {
    static S: OnceLock<Setup> = OnceLock::new();
    S.get_or_init(|| {
        Setup::load(Some(Path::new("tests/fixtures/tiny")), None).expect("tiny fixture loads")
    })
}

fn builtin() -> &'static Setup {
    static S: OnceLock<Setup> = OnceLock::new();
    S.get_or_init(|| Setup::load(None, None).expect("built-in data loads"))
}

fn setups() -> [&'static Setup; 2] {
    [tiny(), builtin()]
}

/// Parameters drawn anywhere inside every range.
fn any_parameters(catalog: &Catalog) -> impl Strategy<Value = Parameters> + use<> {
    let specs = catalog.specs().to_vec();
    let baseline = catalog.baseline().clone();
    proptest::collection::vec(0.0f64..=1.0, specs.len()).prop_map(move |fractions| {
        let mut p = baseline.clone();
        for (s, f) in specs.iter().zip(fractions) {
            s.key.set(&mut p, s.min + (s.max - s.min) * f);
        }
        p
    })
}

fn assert_conserved(p: &Projection) {
    for s in p.segments.iter().filter(|s| s.has_units) {
        let Some(start) = s.start_year else { continue };
        for year in start + 1..=p.horizon {
            let i = p.index(year).unwrap();
            let expected = s.installed_base_m[i - 1] + s.shipments_m[i] - s.replacement_m[i];
            let scale = s.installed_base_m[i].abs().max(1.0);
            assert!(
                (s.installed_base_m[i] - expected).abs() <= 1e-9 * scale,
                "{} {year}: IB {} != {expected}",
                s.id,
                s.installed_base_m[i]
            );
            assert!(
                (s.growth_m[i] - (s.shipments_m[i] - s.replacement_m[i])).abs() <= 1e-12 * scale
            );
        }
    }
}

fn assert_non_negative(p: &Projection) {
    for s in &p.segments {
        for (name, v) in [
            ("shipments", &s.shipments_m),
            ("replacement", &s.replacement_m),
            ("installed base", &s.installed_base_m),
            ("dram gb", &s.dram_gb_per_unit),
            ("nand gb", &s.nand_gb_per_unit),
            ("dram eb", &s.dram_eb),
            ("nand eb", &s.nand_eb),
        ] {
            assert!(
                v.iter().all(|x| x.is_finite() && *x >= -1e-9),
                "{} {name}: {v:?}",
                s.id
            );
        }
    }
    assert!(
        p.total_dram_eb
            .iter()
            .chain(&p.total_nand_eb)
            .all(|x| x.is_finite() && *x >= 0.0)
    );
}

#[test]
fn baseline_conserves_installed_base_and_is_non_negative() {
    for setup in setups() {
        let p = setup.project(setup.catalog.baseline());
        assert_conserved(&p);
        assert_non_negative(&p);
    }
}

#[test]
fn history_reproduces_observed_shipments() {
    for setup in setups() {
        let p = setup.project(setup.catalog.baseline());
        for (seg, data) in p.segments.iter().zip(&setup.data.segments) {
            let Some(d) = data.devices() else { continue };
            for point in d.shipments.points.iter().filter(|x| x.year <= p.base_year) {
                let i = p.index(point.year).unwrap();
                assert_eq!(seg.shipments_m[i], point.value, "{} {}", seg.id, point.year);
            }
        }
    }
}

/// Recomputed from the published CSV rather than from the engine's arrays: per year, the
/// segment rows add up to the total row, and a device segment's bits are its shipments times
/// its content per unit (times the calibration at the base year), for DRAM and NAND alike.
#[test]
fn csv_totals_and_bits_follow_from_the_rows() {
    for setup in setups() {
        let p = setup.project(setup.catalog.baseline());
        let csv = memcycle::cli::project::to_csv(&p);
        let mut sums: std::collections::BTreeMap<(String, usize), f64> = Default::default();
        let mut totals: std::collections::BTreeMap<(String, usize), f64> = Default::default();
        let rows: Vec<&str> = csv
            .lines()
            .filter(|l| !l.starts_with('#'))
            .skip(1)
            .collect();
        let first_year = rows.first().and_then(|r| r.split(',').next()).unwrap_or("");
        let segments_per_year = rows
            .iter()
            .filter(|r| {
                r.starts_with(first_year) && !r.contains(",total,") && !r.contains(",industry,")
            })
            .count();
        for line in rows {
            let f: Vec<&str> = line.split(',').collect();
            let num = |i: usize| f[i].parse::<f64>().ok();
            let (year, segment) = (f[0].to_owned(), f[1]);
            if segment == "industry" {
                // The data's observed totals, not a part of the model's sum.
                continue;
            }
            for (memory, column, calibration) in
                [(0, 9, p.calibration.dram), (1, 10, p.calibration.nand)]
            {
                let bits = num(column).expect("bits in every row");
                if segment == "total" {
                    totals.insert((year.clone(), memory), bits);
                    continue;
                }
                *sums.entry((year.clone(), memory)).or_default() += bits;
                if let (Some(units), Some(gb)) = (num(3), num(7 + memory)) {
                    // M units x GB = PB; / 1000 = EB. Rounding: 3 decimals in each column.
                    let expected = units * gb / 1000.0 * calibration;
                    assert!(
                        (bits - expected).abs() <= 0.002 + expected * 0.01,
                        "{year} {segment} memory {memory}: {bits} vs {expected}"
                    );
                }
            }
        }
        assert!(segments_per_year >= 2, "the CSV has segment rows");
        assert_eq!(
            sums.len(),
            totals.len(),
            "a total row for every year and memory"
        );
        for (key, total) in &totals {
            let sum = sums[key];
            assert!(
                (sum - total).abs() <= 0.0005 * segments_per_year as f64 + 1e-9,
                "{key:?}: rows add to {sum}, total says {total}"
            );
        }
    }
}

fn cycle_keys(c: &Catalog) -> Vec<(usize, usize)> {
    c.specs()
        .iter()
        .enumerate()
        .filter_map(|(idx, s)| match s.key {
            ParamKey::ReplacementCycle(seg) => Some((idx, seg)),
            _ => None,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_parameters_conserve_and_stay_non_negative(p in any_parameters(&tiny().catalog)) {
        let proj = tiny().project(&p);
        assert_conserved(&proj);
        assert_non_negative(&proj);
    }

    #[test]
    fn any_parameters_on_builtin_data_conserve(p in any_parameters(&builtin().catalog)) {
        let proj = builtin().project(&p);
        assert_conserved(&proj);
        assert_non_negative(&proj);
    }

    /// A longer replacement cycle lowers shipments in the first projected year (unless they
    /// are already zero) and strictly lowers cumulative shipments over the horizon.
    #[test]
    fn longer_cycles_ship_less(p in any_parameters(&tiny().catalog), which in 0usize..2, extra in 0.2f64..3.0) {
        let setup = tiny();
        let (idx, seg) = cycle_keys(&setup.catalog)[which];
        let spec = &setup.catalog.specs()[idx];
        let short = spec.key.get(&p).min(spec.max - extra).max(spec.min);
        let long = short + extra;
        prop_assume!(long <= spec.max);
        let mut a = p.clone();
        spec.key.set(&mut a, short);
        let mut b = p.clone();
        spec.key.set(&mut b, long);
        let (pa, pb) = (setup.project(&a), setup.project(&b));
        let first = pa.index(pa.base_year + 1).unwrap();
        let (sa, sb) = (&pa.segments[seg], &pb.segments[seg]);
        prop_assert!(sb.shipments_m[first] <= sa.shipments_m[first] + 1e-12);
        if sa.shipments_m[first] > 1e-9 {
            prop_assert!(sb.shipments_m[first] < sa.shipments_m[first]);
        }
        // Shipments cannot go below zero: when the installed base shrinks faster than units
        // retire, both cases ship nothing and the cycle has no lever left.
        if sa.shipments_m[first] > 1e-9 {
            let cum = |s: &memcycle::model::SegmentProjection| s.shipments_m[first..].iter().sum::<f64>();
            prop_assert!(cum(sb) < cum(sa), "cumulative {} vs {}", cum(sb), cum(sa));
        }
    }

    /// Raising any content (or residual demand) growth never lowers bit demand in any year.
    #[test]
    fn higher_content_growth_never_lowers_demand(p in any_parameters(&tiny().catalog), bump in 0.1f64..10.0) {
        let setup = tiny();
        for (idx, spec) in setup.catalog.specs().iter().enumerate() {
            if !matches!(spec.key, ParamKey::DramGrowth(_) | ParamKey::NandGrowth(_)) {
                continue;
            }
            let mut q = p.clone();
            let v = setup.catalog.get(&p, idx);
            setup.catalog.set(&mut q, idx, v + bump);
            let (lo, hi) = (setup.project(&p), setup.project(&q));
            for i in 0..lo.len() {
                prop_assert!(hi.total_dram_eb[i] >= lo.total_dram_eb[i] - 1e-12);
                prop_assert!(hi.total_nand_eb[i] >= lo.total_nand_eb[i] - 1e-12);
            }
        }
    }
}

#[test]
fn longer_cycles_ship_less_on_builtin_data() {
    let setup = builtin();
    for (idx, seg) in cycle_keys(&setup.catalog) {
        let spec = &setup.catalog.specs()[idx];
        let base = setup.catalog.baseline().clone();
        let mut longer = base.clone();
        setup.catalog.set(&mut longer, idx, spec.default + 1.0);
        let (pa, pb) = (setup.project(&base), setup.project(&longer));
        let first = pa.index(pa.base_year + 1).unwrap();
        let (sa, sb) = (&pa.segments[seg], &pb.segments[seg]);
        assert!(sb.shipments_m[first] < sa.shipments_m[first], "{}", spec.id);
        let cum =
            |s: &memcycle::model::SegmentProjection| s.shipments_m[first..].iter().sum::<f64>();
        assert!(cum(sb) < cum(sa), "{}", spec.id);
    }
}
