//! Invariants of the market model (supply, inventory, price) on the built-in data.
//!
//! Capacity answers price after `capacity_delay` years and utilisation answers the stock a year
//! later; those feedbacks are what make a cycle:
//! more supply today lowers prices, which lowers investment, which raises prices later. So the
//! "more supply never raises price" family holds for every year before the feedback can act,
//! and for the whole horizon once the capacity response is switched off. Both are tested.
//! Capacity also follows demand (its planned growth fades from the supply growth towards the
//! growth of demand), so more HBM demand calls up more fabs from the second projected year on:
//! "HBM never raises conventional supply" holds for the first projected year.

use memcycle::data::{self, Dataset};
use memcycle::model::{Memory, Parameters, Projection};
use memcycle::setup::Setup;
use proptest::prelude::*;
use std::sync::OnceLock;

fn data_with_response(response: Option<f64>) -> Dataset {
    let mut d = data::builtin().expect("built-in data");
    if let (Some(r), Some(m)) = (response, d.market.as_mut()) {
        for mm in [&mut m.dram, &mut m.nand] {
            mm.capacity_response.value = r;
            mm.utilisation_response.value = r;
        }
    }
    d
}

fn setup() -> &'static Setup {
    static S: OnceLock<Setup> = OnceLock::new();
    S.get_or_init(|| Setup::new(data_with_response(None), None).expect("setup"))
}

fn no_feedback() -> &'static Setup {
    static S: OnceLock<Setup> = OnceLock::new();
    S.get_or_init(|| Setup::new(data_with_response(Some(0.0)), None).expect("setup"))
}

fn set(s: &Setup, p: &mut Parameters, id: &str, v: f64) {
    let i = s.catalog.index(id).expect("parameter");
    s.catalog.set(p, i, v);
}

fn params(s: &Setup, sets: &[(&str, f64)]) -> Parameters {
    let mut p = s.catalog.baseline().clone();
    for (id, v) in sets {
        set(s, &mut p, id, *v);
    }
    p
}

/// Any market parameters inside their ranges.
fn any_market() -> impl Strategy<Value = Vec<(&'static str, f64)>> {
    (
        -5.0f64..40.0,
        -5.0f64..40.0,
        0.0f64..50.0,
        0.0f64..3.0,
        1.0f64..5.0,
        0.3f64..3.0,
        0usize..5,
        1.0f64..6.0,
    )
        .prop_map(|(gd, gn, cut, start, years, e, delay, ratio)| {
            vec![
                ("dram.supply_growth", gd),
                ("nand.supply_growth", gn),
                ("dram.production_cut", cut),
                ("dram.cut_start", 2026.0 + start.round()),
                ("dram.cut_years", years.round()),
                ("dram.price_elasticity", e),
                ("capacity_delay", delay as f64),
                ("hbm.trade_ratio", ratio),
            ]
        })
}

fn market(p: &Projection, m: Memory) -> &memcycle::model::MemoryProjection {
    p.market.as_ref().expect("market").memory(m)
}

/// Conventional-bit equivalents of DRAM (HBM counted trade-ratio times); NAND unchanged.
fn equivalent(p: &Projection, m: Memory, ratio: f64, i: usize, bits: f64) -> f64 {
    match m {
        Memory::Dram => bits + (ratio - 1.0) * p.total_hbm_eb[i],
        Memory::Nand => bits,
    }
}

fn check_identity(p: &Projection, ratio: f64) {
    let b = p.index(p.base_year).unwrap();
    for m in Memory::ALL {
        let mp = market(p, m);
        for i in b + 1..p.len() {
            let demand = equivalent(p, m, ratio, i, mp.demand_eb[i]);
            let supply = equivalent(p, m, ratio, i, mp.supply_eb[i]);
            let prev_demand = equivalent(p, m, ratio, i - 1, mp.demand_eb[i - 1]);
            let before = mp.inventory_weeks[i - 1] * prev_demand / 52.0;
            let after = mp.inventory_weeks[i] * demand / 52.0;
            let expected = (before + supply - demand).max(0.0);
            assert!(
                (after - expected).abs() <= 1e-9 * demand.max(1.0),
                "{m:?} year index {i}: inventory {after} != {expected}"
            );
        }
    }
}

#[test]
fn baseline_market_holds_the_inventory_identity() {
    let s = setup();
    let p = s.project(s.catalog.baseline());
    check_identity(&p, 3.0);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    /// Inventory identity and a positive, finite price for any market parameters.
    #[test]
    fn identity_and_positive_prices(sets in any_market()) {
        let s = setup();
        let ratio = sets.iter().find(|(id, _)| *id == "hbm.trade_ratio").map_or(3.0, |x| x.1);
        let p = s.project(&params(s, &sets));
        check_identity(&p, ratio);
        let b = p.index(p.base_year).unwrap();
        for m in Memory::ALL {
            let mp = market(&p, m);
            prop_assert!(mp.price_index.iter().all(|x| x.is_finite() && *x > 0.0));
            prop_assert!(mp.revenue_busd.iter().all(|x| x.is_finite() && *x >= 0.0));
            // Projected years are always known; history years may be unpublished (NaN).
            prop_assert!(mp.inventory_weeks[b + 1..].iter().all(|x| x.is_finite() && *x >= 0.0));
        }
    }

    /// More supply growth never raises the price: in every year without the feedbacks
    /// (capacity answering price, utilisation answering stock), and with them in the first
    /// projected year, before either can act.
    #[test]
    fn more_supply_never_raises_price(sets in any_market(), extra in 0.5f64..10.0) {
        for (s, whole_horizon) in [(no_feedback(), true), (setup(), false)] {
            let base = params(s, &sets);
            for m in Memory::ALL {
                let id = format!("{}.supply_growth", m.id());
                let g = s.catalog.get(&base, s.catalog.index(&id).unwrap());
                let more = { let mut p = base.clone(); set(s, &mut p, &id, g + extra); p };
                let (a, b) = (s.project(&base), s.project(&more));
                for (i, year) in a.years().enumerate().filter(|(_, y)| *y > a.base_year) {
                    if whole_horizon || year == a.base_year + 1 {
                        prop_assert!(market(&b, m).price_index[i] <= market(&a, m).price_index[i] + 1e-9, "{m:?} {year}");
                    }
                }
            }
        }
    }

    /// A production cut never lowers the price in the years it runs (while its own price rise
    /// has not yet called up capacity, or with no capacity response).
    #[test]
    fn a_cut_never_lowers_price_in_its_years(sets in any_market(), cut in 1.0f64..50.0) {
        for (s, whole_horizon) in [(no_feedback(), true), (setup(), false)] {
            let mut base = params(s, &sets);
            set(s, &mut base, "dram.production_cut", 0.0);
            let mut cutting = base.clone();
            set(s, &mut cutting, "dram.production_cut", cut);
            let mk = cutting.market.as_ref().unwrap();
            let (start, years, delay) = (mk.dram.cut_start, mk.dram.cut_years, mk.capacity_delay.max(1));
            let (a, b) = (s.project(&base), s.project(&cutting));
            for year in start..start + years {
                if let (true, Some(i)) = (whole_horizon || year < start + delay, a.index(year)) {
                    prop_assert!(market(&b, Memory::Dram).price_index[i] >= market(&a, Memory::Dram).price_index[i] - 1e-9, "{year}");
                }
            }
        }
    }

    /// More HBM demand never raises the DRAM supply left for conventional bits.
    #[test]
    fn hbm_demand_never_raises_conventional_supply(sets in any_market(), extra in 25.0f64..3000.0) {
        for (s, whole_horizon) in [(no_feedback(), true), (setup(), false)] {
            let base = params(s, &sets);
            let id = "ai_server.hbm_gb_per_unit";
            let h = s.catalog.get(&base, s.catalog.index(id).unwrap());
            let more = { let mut p = base.clone(); set(s, &mut p, id, h + extra); p };
            let ratio = base.market.as_ref().unwrap().hbm_trade_ratio;
            let delay = base.market.as_ref().unwrap().capacity_delay.max(1);
            let (a, b) = (s.project(&base), s.project(&more));
            let conventional = |p: &Projection, i: usize| {
                equivalent(p, Memory::Dram, ratio, i, market(p, Memory::Dram).supply_eb[i]) - ratio * p.total_hbm_eb[i]
            };
            let _ = (whole_horizon, delay);
            let i = a.index(a.base_year + 1).unwrap();
            prop_assert!(conventional(&b, i) <= conventional(&a, i) + 1e-9);
        }
    }
}

#[test]
fn the_2023_collapse_and_2024_recovery_are_in_the_data() {
    let d = data::builtin().expect("built-in data");
    let m = d.market.as_ref().expect("market");
    for mm in [&m.dram, &m.nand] {
        let r = |y| mm.revenue.get(y).expect("revenue");
        assert!(
            r(2023) < 0.7 * r(2022),
            "{}: 2023 revenue fell sharply",
            mm.label
        );
        assert!(r(2024) > 1.5 * r(2023), "{}: 2024 recovered", mm.label);
    }
    let cuts: Vec<_> = m
        .events
        .iter()
        .filter(|e| e.date.starts_with("2022") || e.date.starts_with("2023"))
        .collect();
    assert!(
        cuts.len() >= 5,
        "production cuts announced in late 2022 and 2023"
    );
}

/// From base 2022 the stock carried in (13 weeks of DRAM, 1.4 x target) makes the 2023 price
/// fall, and the slowdown it causes (fabs run slower when cover is above target: what the
/// 2023 cuts did) brings the 2024 rise, as happened; a declared cut acts on the stock carried
/// in the same way.
#[test]
fn a_projection_from_2022_shows_the_2023_price_fall_and_2024_rise() {
    let s = Setup::new(data::builtin().expect("data"), Some(2022)).expect("2022");
    let p = s.project(s.catalog.baseline());
    let dram = market(&p, Memory::Dram);
    let i = p.index(2023).unwrap();
    assert!(dram.price_index[i] < dram.price_index[i - 1], "2023 falls");
    assert!(dram.price_index[i + 1] > dram.price_index[i], "2024 rises");
    assert_eq!(
        dram.regime[i - 1],
        memcycle::model::Regime::Glut,
        "2022 glut"
    );
    // With a declared 3% DRAM cut in 2023-24 on top (Samsung's announced DRAM wafer-input cut
    // was 5-7%, from April 2023) the stock carried in still makes 2023 fall, and 2024 rises
    // more.
    let mut cut = s.catalog.baseline().clone();
    for (id, v) in [
        ("dram.production_cut", 3.0),
        ("dram.cut_start", 2023.0),
        ("dram.cut_years", 2.0),
    ] {
        set(&s, &mut cut, id, v);
    }
    let c = s.project(&cut);
    let with_cut = market(&c, Memory::Dram);
    assert!(
        with_cut.price_index[i] < with_cut.price_index[i - 1],
        "2023 falls"
    );
    assert!(
        with_cut.price_index[i + 1] > dram.price_index[i + 1],
        "2024 rises more"
    );
}

/// Inventory stays within [0, 3 x target] and the price within its smooth bounds (1 / max to
/// max times its cost trend, `market.max_price_vs_trend`, moved from the base year's level
/// with inertia) for every market parameter at the low and high end of its range.
#[test]
fn inventory_and_price_stay_bounded_at_every_range_end() {
    let s = setup();
    let ids: Vec<String> = s.catalog.specs().iter().map(|p| p.id.clone()).collect();
    for id in &ids {
        let spec = &s.catalog.specs()[s.catalog.index(id).unwrap()];
        for v in [spec.min, spec.max] {
            let mut p = s.catalog.baseline().clone();
            set(s, &mut p, id, v);
            let proj = s.project(&p);
            let b = proj.index(proj.base_year).unwrap();
            for m in Memory::ALL {
                let mp = market(&proj, m);
                let max = s.data.market.as_ref().unwrap().max_price_vs_trend.value;
                let (lo, hi) = (1.0 / max, max);
                let r0 = 1.0 + mp.price_vs_trend_pct[b] / 100.0;
                for i in b + 1..proj.len() {
                    let w = mp.inventory_weeks[i];
                    assert!(
                        (0.0..=3.0 * mp.target_weeks + 1e-9).contains(&w),
                        "{id}={v}: {m:?} inventory {w} weeks"
                    );
                    let r = 1.0 + mp.price_vs_trend_pct[i] / 100.0;
                    assert!(
                        r >= lo.min(r0) - 1e-9 && r <= hi.max(r0) + 1e-9,
                        "{id}={v}: {m:?} price {r} x trend outside {lo}..{hi}"
                    );
                }
            }
        }
    }
}

#[test]
fn later_market_data_does_not_leak_into_an_earlier_base_year() {
    let original = data::builtin().expect("data");
    let mut altered = original.clone();
    if let Some(m) = altered.market.as_mut() {
        for mm in [&mut m.dram, &mut m.nand] {
            for series in [
                &mut mm.bits,
                &mut mm.revenue,
                &mut mm.sufficiency,
                &mut mm.inventory_weeks,
            ] {
                for pt in series.points.iter_mut().filter(|p| p.year > 2020) {
                    pt.value *= 1.7;
                }
            }
        }
    }
    let a = Setup::new(original, Some(2020)).expect("2020");
    let b = Setup::new(altered, Some(2020)).expect("2020, altered");
    assert_eq!(a.catalog.baseline(), b.catalog.baseline());
    // Compared as text: unpublished history cells are NaN, never equal to themselves.
    assert_eq!(
        format!("{:?}", a.project(a.catalog.baseline()).market),
        format!("{:?}", b.project(b.catalog.baseline()).market)
    );
}

/// A declared cut lowers output in its first year by exactly the declared share: utilisation
/// and cut apply once, to output (they once applied to capacity too, so a 5% cut took 10% off
/// in its first year and 15% in its second). Output counts HBM at its trade ratio, as the
/// market balances it.
#[test]
fn a_declared_cut_lowers_output_by_exactly_its_share() {
    let s = Setup::new(data::builtin().expect("built-in data"), Some(2022)).expect("setup");
    let base = s.catalog.baseline().clone();
    let mut cut = base.clone();
    for (id, v) in [
        ("dram.production_cut", 5.0),
        ("dram.cut_start", 2023.0),
        ("dram.cut_years", 2.0),
    ] {
        set(&s, &mut cut, id, v);
    }
    let (a, b) = (s.project(&base), s.project(&cut));
    let i = a.index(2023).unwrap();
    let ratio = base.market.as_ref().unwrap().hbm_trade_ratio;
    let output =
        |p: &Projection| market(p, Memory::Dram).supply_eb[i] + (ratio - 1.0) * p.total_hbm_eb[i];
    let change = output(&b) / output(&a) - 1.0;
    assert!((change + 0.05).abs() < 1e-9, "output change {change}");
}
