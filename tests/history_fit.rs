//! The built-in data and the model against known history: facts the data must show, industry
//! bit totals the model's history must land near, a continuous first projected year, and no
//! leak of later data into a projection from an earlier base year.

use memcycle::data::{self, Dataset, SegmentBody};
use memcycle::model::Projection;
use memcycle::setup::Setup;
use std::sync::OnceLock;

fn setup() -> &'static Setup {
    static S: OnceLock<Setup> = OnceLock::new();
    S.get_or_init(|| Setup::load(None, None).expect("built-in data loads"))
}

fn baseline() -> Projection {
    setup().project(setup().catalog.baseline())
}

fn shipments(d: &Dataset, id: &str, year: i32) -> f64 {
    let seg = &d.segments[d.segment_index(id).expect("segment")];
    seg.devices()
        .and_then(|dv| dv.shipments.get(year))
        .expect("figure")
}

fn change(d: &Dataset, id: &str, from: i32, to: i32) -> f64 {
    shipments(d, id, to) / shipments(d, id, from) - 1.0
}

#[test]
fn smartphones_fell_about_11_percent_in_2022() {
    let c = change(&setup().data, "smartphone", 2021, 2022);
    assert!((-0.13..=-0.09).contains(&c), "{c}");
}

#[test]
fn pcs_rose_sharply_in_2020_21_and_fell_in_2022_23() {
    let d = &setup().data;
    assert!(change(d, "pc", 2019, 2020) > 0.10);
    assert!(change(d, "pc", 2020, 2021) > 0.10);
    assert!(change(d, "pc", 2021, 2022) < -0.10);
    assert!(change(d, "pc", 2022, 2023) < -0.10);
}

#[test]
fn hyperscalers_lengthened_server_lives_in_2022() {
    let d = &setup().data;
    let SegmentBody::Devices(server) = &d.segments[d.segment_index("server").unwrap()].body else {
        panic!("server is a device segment");
    };
    let at = |y| memcycle::model::paths::linear_at(&server.replacement_cycle.points, y);
    assert!(at(2022) > at(2021) + 0.3, "{} -> {}", at(2021), at(2022));
}

/// The device model's own history totals (before calibration to the base year) against industry
/// bit totals. Stated tolerance: DRAM within 10% and NAND within 25% in every year with an
/// industry figure (NAND totals before 2017 are weakly sourced), and mean absolute deviations
/// under 6% (DRAM) and 15% (NAND).
#[test]
fn history_totals_land_near_industry_totals() {
    let d = &setup().data;
    let p = baseline();
    for (name, series, model, calibration, tol, mean_tol) in [
        (
            "DRAM",
            d.industry.dram_eb.as_ref(),
            &p.total_dram_eb,
            p.calibration.dram,
            0.10,
            0.06,
        ),
        (
            "NAND",
            d.industry.nand_eb.as_ref(),
            &p.total_nand_eb,
            p.calibration.nand,
            0.25,
            0.15,
        ),
    ] {
        let series = series.expect("industry totals in the built-in data");
        let mut deviations = Vec::new();
        for point in series.points.iter().filter(|pt| pt.year <= p.base_year) {
            let i = p.index(point.year).unwrap();
            let dev = model[i] / calibration / point.value - 1.0;
            assert!(
                dev.abs() <= tol,
                "{name} {}: model {:.2} vs industry {:.2} ({:+.1}%)",
                point.year,
                model[i],
                point.value,
                dev * 100.0
            );
            deviations.push(dev.abs());
        }
        let mean = deviations.iter().sum::<f64>() / deviations.len() as f64;
        assert!(
            mean <= mean_tol,
            "{name} mean absolute deviation {:.1}%",
            mean * 100.0
        );
        assert!(deviations.len() >= 10);
    }
}

/// The device model continues history: with the memory-price feedback off, no segment's
/// shipments move more than 8% from the base year to the first projected year, unless its own
/// recent trend is steeper (AI servers). (Dear memory at the end of 2025 then cuts phones and
/// PCs further, as tests/market.rs checks.)
#[test]
fn first_projected_year_continues_history() {
    let s = setup();
    let mut quiet = s.catalog.baseline().clone();
    for seg in &mut quiet.segments {
        seg.unit_elasticity = 0.0;
        seg.content_elasticity = 0.0;
    }
    let p = s.project(&quiet);
    let (b, f) = (
        p.index(p.base_year).unwrap(),
        p.index(p.base_year + 1).unwrap(),
    );
    for seg in p.segments.iter().filter(|s| s.has_units) {
        let jump = seg.shipments_m[f] / seg.shipments_m[b] - 1.0;
        let id = &seg.id;
        let base = p.base_year;
        let trend =
            (shipments(&s.data, id, base) / shipments(&s.data, id, base - 3)).powf(1.0 / 3.0) - 1.0;
        let allowed = 0.08f64.max(trend.abs() + 0.02);
        assert!(
            jump.abs() <= allowed,
            "{}: {:+.1}% (trend {:+.1}%)",
            seg.id,
            jump * 100.0,
            trend * 100.0
        );
    }
}

/// Every figure of `d` dated after `year`, in every series the model reads (device series,
/// HBM, cycle evidence, residual demand and every market series), multiplied by `factor`.
fn scale_after(d: &mut Dataset, year: i32, factor: f64) {
    let mut series: Vec<&mut data::Series> = Vec::new();
    for seg in &mut d.segments {
        match &mut seg.body {
            SegmentBody::Devices(dv) => {
                let dv = &mut **dv;
                series.extend([
                    &mut dv.shipments,
                    &mut dv.replacement_cycle,
                    &mut dv.dram_gb,
                    &mut dv.nand_gb,
                ]);
                series.extend(dv.hbm_gb.as_mut());
                series.extend(dv.replacement_cycle_change.as_mut());
            }
            SegmentBody::Residual(r) => series.extend([&mut r.dram_eb, &mut r.nand_eb]),
        }
    }
    if let Some(m) = &mut d.market {
        for mm in [&mut m.dram, &mut m.nand] {
            series.extend([
                &mut mm.bits,
                &mut mm.revenue,
                &mut mm.sufficiency,
                &mut mm.inventory_weeks,
            ]);
        }
    }
    for s in series {
        for point in s.points.iter_mut().filter(|p| p.year > year) {
            point.value *= factor;
        }
    }
    // Quarterly figures too: every quarter of a later year, every kind of figure.
    if let Some(m) = &mut d.market {
        for mm in [&mut m.dram, &mut m.nand] {
            for q in mm.quarters.iter_mut().filter(|q| q.year > year) {
                for f in [
                    &mut q.revenue,
                    &mut q.revenue_change,
                    &mut q.price_change,
                    &mut q.bits_change,
                    &mut q.inventory_weeks,
                ]
                .into_iter()
                .flatten()
                {
                    f.value *= factor;
                }
            }
        }
    }
}

/// Changing any figure after the base year changes nothing in a projection from it: not the
/// defaults, not the history, not the market.
#[test]
fn later_data_does_not_leak_into_an_earlier_base_year() {
    let original = data::builtin().expect("built-in data");
    for base in [2016, 2019, 2022] {
        let mut altered = original.clone();
        scale_after(&mut altered, base, 1.5);
        let a = Setup::new(original.clone(), Some(base)).expect("setup");
        let b = Setup::new(altered, Some(base)).expect("setup on altered data");
        assert_eq!(
            a.catalog.baseline(),
            b.catalog.baseline(),
            "defaults derived from data up to {base} only"
        );
        // Compared as text: unpublished history cells are NaN, which is never equal to itself.
        assert_eq!(
            format!("{:?}", a.project(a.catalog.baseline())),
            format!("{:?}", b.project(b.catalog.baseline())),
            "projection from {base}"
        );
    }
}

/// The leak test can fail: scaling a figure of the base year itself does change the projection.
#[test]
fn the_leak_test_sees_a_change_at_the_base_year() {
    let original = data::builtin().expect("built-in data");
    let mut altered = original.clone();
    scale_after(&mut altered, 2018, 1.5);
    let a = Setup::new(original, Some(2019)).expect("setup");
    let b = Setup::new(altered, Some(2019)).expect("setup on altered data");
    assert_ne!(
        format!("{:?}", a.project(a.catalog.baseline())),
        format!("{:?}", b.project(b.catalog.baseline()))
    );
}

#[test]
fn other_is_a_stated_share_of_the_totals() {
    let p = baseline();
    let other = p.segment("other").expect("residual segment");
    let i = p.index(2024).unwrap();
    let dram_share = other.dram_eb[i] / p.total_dram_eb[i];
    let nand_share = other.nand_eb[i] / p.total_nand_eb[i];
    // README: "other" is about a tenth of DRAM and a fifth of NAND bits in recent years.
    assert!((0.08..=0.14).contains(&dram_share), "{dram_share}");
    assert!((0.14..=0.26).contains(&nand_share), "{nand_share}");
}
