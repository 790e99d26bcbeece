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

/// Model history totals against industry bit totals. Stated tolerance: DRAM within 10% and NAND
/// within 25% in every year with an industry figure (NAND totals before 2017 are weakly sourced),
/// and mean absolute deviations under 6% (DRAM) and 15% (NAND).
#[test]
fn history_totals_land_near_industry_totals() {
    let d = &setup().data;
    let p = baseline();
    for (name, series, model, tol, mean_tol) in [
        (
            "DRAM",
            d.industry.dram_eb.as_ref(),
            &p.total_dram_eb,
            0.10,
            0.06,
        ),
        (
            "NAND",
            d.industry.nand_eb.as_ref(),
            &p.total_nand_eb,
            0.25,
            0.15,
        ),
    ] {
        let series = series.expect("industry totals in the built-in data");
        let mut deviations = Vec::new();
        for point in series.points.iter().filter(|pt| pt.year <= p.base_year) {
            let i = p.index(point.year).unwrap();
            let dev = model[i] / point.value - 1.0;
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

/// The default projection continues history: no segment's shipments move more than 8% from the
/// base year to the first projected year, unless its own recent trend is steeper (AI servers).
#[test]
fn first_projected_year_continues_history() {
    let s = setup();
    let p = baseline();
    let (b, f) = (
        p.index(p.base_year).unwrap(),
        p.index(p.base_year + 1).unwrap(),
    );
    for (i, seg) in p.segments.iter().enumerate().filter(|(_, s)| s.has_units) {
        let jump = seg.shipments_m[f] / seg.shipments_m[b] - 1.0;
        let trend = s.engine.history().shipments_trend(i) / 100.0;
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

/// Changing an observed figure after the base year changes nothing in a projection from it.
#[test]
fn later_data_does_not_leak_into_an_earlier_base_year() {
    let original = data::builtin().expect("built-in data");
    let mut altered = original.clone();
    for seg in &mut altered.segments {
        match &mut seg.body {
            SegmentBody::Devices(d) => {
                for series in [
                    &mut d.shipments,
                    &mut d.replacement_cycle,
                    &mut d.dram_gb,
                    &mut d.nand_gb,
                ] {
                    for point in series.points.iter_mut().filter(|p| p.year > 2019) {
                        point.value *= 1.5;
                    }
                }
            }
            SegmentBody::Residual(r) => {
                for point in r
                    .dram_eb
                    .points
                    .iter_mut()
                    .chain(r.nand_eb.points.iter_mut())
                    .filter(|p| p.year > 2019)
                {
                    point.value *= 1.5;
                }
            }
        }
    }
    let a = Setup::new(original, Some(2019)).expect("2019 setup");
    let b = Setup::new(altered, Some(2019)).expect("2019 setup on altered data");
    assert_eq!(
        a.catalog.baseline(),
        b.catalog.baseline(),
        "defaults derived from 2019 data only"
    );
    assert_eq!(
        a.project(a.catalog.baseline()),
        b.project(b.catalog.baseline())
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
