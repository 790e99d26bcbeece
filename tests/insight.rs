//! Tornado, uncertainty bands and goal seek against cases checked by hand or by their
//! definition.

use memcycle::insight::bands::{Settings, Widths, bands_with, ranges};
use memcycle::insight::{Output, Seek, seek, tornado};
use memcycle::setup::Setup;
use std::path::Path;

fn tiny() -> Setup {
    Setup::load(Some(Path::new("tests/fixtures/tiny")), None).expect("tiny data")
}

fn index(s: &Setup, id: &str) -> usize {
    s.catalog
        .specs()
        .iter()
        .position(|p| p.id == id)
        .expect("a parameter")
}

/// DRAM demand the year after the base year on the tiny data (no market, so no calibration).
/// The residual's DRAM grows at `other.dram_growth` undamped in the first year, so its bar is
/// `other DRAM at the base year x (high - low) / 100` wide, by hand; NAND-only parameters do not
/// move DRAM (zero swing, at the end); bars are sorted by swing.
#[test]
fn tornado_swings_match_a_hand_checked_case() {
    let s = tiny();
    let params = s.catalog.baseline().clone();
    let p = s.project(&params);
    let out = Output::parse("dram", p.base_year + 1).expect("an output");
    let bars = tornado(&s, &params, out);
    assert!(
        bars.windows(2).all(|w| w[0].swing >= w[1].swing),
        "{bars:?}"
    );
    let other = p.segment("other").expect("the residual");
    let base = p.index(p.base_year).expect("base year");
    let i = index(&s, "other.dram_growth");
    let spec = &s.catalog.specs()[i];
    let bar = bars.iter().find(|b| b.index == i).expect("a bar");
    let by_hand = other.dram_eb[base] * (spec.high - spec.low) / 100.0;
    assert!(
        (bar.swing - by_hand).abs() < 1e-9,
        "{} vs {by_hand}",
        bar.swing
    );
    assert_eq!((bar.low.0, bar.high.0), (spec.low, spec.high));
    for id in ["other.nand_growth", "phone.nand_content_growth"] {
        let b = bars.iter().find(|b| b.index == index(&s, id)).expect(id);
        assert_eq!(b.swing, 0.0, "{id}");
    }
    // The largest bar moves the output more than any other parameter at its range ends.
    assert!(bars[0].swing >= by_hand);
}

/// Goal seek finds a known root: the residual's DRAM growth that produced a given total.
#[test]
fn goal_seek_finds_a_known_root_and_refuses_an_unreachable_target() {
    let s = tiny();
    let params = s.catalog.baseline().clone();
    let i = index(&s, "other.dram_growth");
    let year = s.project(&params).base_year + 1;
    let out = Output::parse("dram", year).expect("an output");
    let mut at = params.clone();
    s.catalog.set(&mut at, i, 12.25);
    let target = out.value(&s.project(&at)).expect("a value");
    match seek(&s, &params, i, out, target) {
        Some(Seek::Found { value, output }) => {
            assert!((value - 12.25).abs() < 1e-6, "{value}");
            assert!((output - target).abs() < 1e-9);
        }
        other => panic!("{other:?}"),
    }
    let high = s.catalog.specs()[i].high;
    match seek(&s, &params, i, out, target * 10.0) {
        Some(Seek::Unreachable { value, .. }) => assert_eq!(value, high, "closest at the top"),
        other => panic!("{other:?}"),
    }
}

fn built_in() -> Setup {
    Setup::load(None, None).expect("built-in data")
}

/// P10 <= P25 <= P50 <= P75 <= P90 in every year of every band; equal seeds give equal bands,
/// another seed other bands.
#[test]
fn bands_are_ordered_and_deterministic() {
    let s = built_in();
    let params = s.catalog.baseline().clone();
    let settings = Settings {
        draws: 200,
        seed: 7,
        threads: 1,
    };
    let a = memcycle::insight::bands(&s, &params, settings, &|| false).expect("bands");
    assert_eq!(
        a.series.len(),
        8,
        "demand, SR, price and revenue of both memories"
    );
    for band in &a.series {
        for q in &band.quantiles {
            let q = q.to_array();
            let unpublished = q.iter().all(|v| v.is_nan());
            assert!(
                unpublished || q.windows(2).all(|w| w[0] <= w[1]),
                "{band:?}"
            );
        }
        // Every band starts on the line at the base year (where that year has a figure: the
        // base year's sufficiency is unpublished, NaN in every draw).
        let first = band.quantiles[0];
        assert!(
            first.to_array().iter().all(|v| v.is_nan()) || (first.p90 - first.p10).abs() < 1e-9,
            "{first:?}"
        );
    }
    // Compared as text: the unpublished base-year sufficiency is NaN, which is not equal to
    // itself.
    let b = memcycle::insight::bands(&s, &params, settings, &|| false).expect("bands");
    assert_eq!(format!("{a:?}"), format!("{b:?}"));
    let c = memcycle::insight::bands(
        &s,
        &params,
        Settings {
            seed: 8,
            ..settings
        },
        &|| false,
    );
    assert_ne!(format!("{:?}", Some(&a)), format!("{:?}", c.as_ref()));
    let p = a
        .p_shortage(memcycle::model::Memory::Dram, 2027)
        .expect("2027");
    assert!((0.0..=1.0).contains(&p));
}

/// With every range a point, each band is the projection's line.
#[test]
fn bands_collapse_to_the_line_when_ranges_are_points() {
    let s = built_in();
    let params = s.catalog.baseline().clone();
    let points: Vec<_> = ranges(&s, &params)
        .into_iter()
        .map(|(_, mode, _)| (mode, mode, mode))
        .collect();
    let settings = Settings {
        draws: 20,
        seed: 1,
        threads: 1,
    };
    let b = bands_with(&s, &params, &points, Widths::RAW, settings, &|| false).expect("bands");
    let p = s.project(&params);
    let dram = b
        .band(
            memcycle::model::Memory::Dram,
            memcycle::insight::Quantity::Demand,
        )
        .expect("DRAM band");
    for (k, q) in dram.quantiles.iter().enumerate() {
        let line = p.reported_eb(
            memcycle::model::Memory::Dram,
            p.index(p.base_year).unwrap() + k,
        );
        assert!(
            q.to_array().iter().all(|v| (v - line).abs() < 1e-9),
            "{k}: {q:?} vs {line}"
        );
    }
}

/// A newer request cancels a run: the function stops and says so.
#[test]
fn a_cancelled_run_returns_nothing() {
    let s = built_in();
    let params = s.catalog.baseline().clone();
    assert!(memcycle::insight::bands(&s, &params, Settings::default(), &|| true).is_none());
}

/// `tornado` and `seek` ask about the year the explorer opens on (the first projected year),
/// so the command line and the screen answer the same question by default (the explorer's
/// side: `insight_state`'s unit test).
#[test]
fn the_default_output_year_is_the_explorers_opening_year() {
    let setup = built_in();
    let params = setup.catalog.baseline().clone();
    let out = memcycle::insight::output(&setup, &params, "dram", None).expect("dram");
    assert_eq!(out.year, setup.base_year() + 1);
}

/// Bands are centred on the line: at every base year 2016-2025 the first projected year's P50
/// of DRAM and NAND demand is the projection, and in every projected year the projection lies
/// inside its own P25-P75 (the line used to fall below its own P10 from 2027 on).
#[test]
fn bands_are_centred_on_the_projection_at_every_base_year() {
    use memcycle::insight::Quantity;
    use memcycle::model::Memory;
    let data = memcycle::data::builtin().expect("built-in data");
    let settings = Settings {
        draws: 100,
        seed: 3,
        threads: 1,
    };
    for base in 2016..=2025 {
        let s = Setup::new(data.clone(), Some(base)).expect("setup");
        let params = s.catalog.baseline().clone();
        let b = memcycle::insight::bands(&s, &params, settings, &|| false).expect("bands");
        let p = s.project(&params);
        for memory in Memory::ALL {
            let band = b.band(memory, Quantity::Demand).expect("demand band");
            let line = memcycle::insight::past_errors::line(&p, memory, Quantity::Demand);
            let first = band.quantiles[1].p50;
            assert!(
                (first / line[1] - 1.0).abs() < 0.05,
                "{base} {memory:?}: P50 {first} vs line {}",
                line[1]
            );
            for (k, q) in band.quantiles.iter().enumerate().skip(1) {
                assert!(
                    q.p25 <= line[k] * (1.0 + 1e-9) && line[k] <= q.p75 * (1.0 + 1e-9),
                    "{base} {memory:?} year {k}: line {} outside P25-P75 {q:?}",
                    line[k]
                );
            }
        }
    }
}

/// Both kinds of band hold 65-92% of what happened over base years 2016-2022, 1-5 years
/// ahead, for DRAM and NAND bits and revenue (issue 19's bar; a P10-P90 band promises 80%).
/// The draws' widths are fitted at each base year on the years before it only.
#[test]
fn bands_hold_what_happened_over_2016_2022() {
    let data = memcycle::data::builtin().expect("built-in data");
    let rolling =
        memcycle::backtest::rolling::run(&data, 2016..=2022, 5, None, &[]).expect("rolling");
    let c = memcycle::insight::past_errors::coverage(&data, &rolling, 1000).expect("coverage");
    assert_eq!(c.len(), 4);
    let share = |(inside, of): (usize, usize)| inside as f64 / of as f64;
    let failing: Vec<String> = c
        .iter()
        .flat_map(|r| {
            [("draws", r.draws), ("past errors", r.errors)].map(|k| (r.series.clone(), k))
        })
        .filter(|(_, (_, n))| !(0.65..=0.92).contains(&share(*n)))
        .map(|(s, (kind, n))| format!("{s} {kind}: {}/{}", n.0, n.1))
        .collect();
    assert!(failing.is_empty(), "{failing:?}");
}
