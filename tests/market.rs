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

use memcycle::data::{self, Dataset, SegmentBody};
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
        // Devices answering memory prices are a feedback too.
        for seg in &mut d.segments {
            if let SegmentBody::Devices(dv) = &mut seg.body {
                for f in [
                    &mut dv.unit_price_elasticity,
                    &mut dv.content_price_elasticity,
                ]
                .into_iter()
                .flatten()
                {
                    f.value = 0.0;
                }
            }
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

    /// A production cut never lowers the price in the years it runs without the feedbacks
    /// (capacity answering price, utilisation answering stock, devices answering price); with
    /// them, in its first year, before any can act: devices answer a year later (a dearer
    /// 2027 cuts 2028's demand, which may bring 2028's price below the uncut one), capacity
    /// after its delay.
    #[test]
    fn a_cut_never_lowers_price_in_its_years(sets in any_market(), cut in 1.0f64..50.0) {
        for (s, whole_horizon) in [(no_feedback(), true), (setup(), false)] {
            let mut base = params(s, &sets);
            set(s, &mut base, "dram.production_cut", 0.0);
            let mut cutting = base.clone();
            set(s, &mut cutting, "dram.production_cut", cut);
            let mk = cutting.market.as_ref().unwrap();
            let (start, years) = (mk.dram.cut_start, mk.dram.cut_years);
            let (a, b) = (s.project(&base), s.project(&cutting));
            for year in start..start + years {
                if let (true, Some(i)) = (whole_horizon || year == start, a.index(year)) {
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
            for q in mm.quarters.iter_mut().filter(|q| q.year > 2020) {
                for f in [
                    &mut q.revenue,
                    &mut q.revenue_change,
                    &mut q.inventory_weeks,
                ]
                .into_iter()
                .flatten()
                {
                    f.value *= 1.7;
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

/// Every built-in scenario, and the baseline with each parameter at either end of its
/// plausible range: the settings a user is told are reasonable.
fn reasonable_settings() -> Vec<(String, Option<Setup>, Parameters)> {
    use memcycle::scenario::{BUILTIN, Store};
    let store = Store::new(None);
    let mut out = Vec::new();
    for (id, _) in BUILTIN {
        let text = store.read(id).expect("built-in");
        let s = Setup::new(data_with_response(None), text.base_year()).expect("setup");
        let sc = text.parse(&s.catalog).expect("valid scenario");
        let p = s.parameters_with(Some(&sc), &[]).expect("params");
        out.push((format!("scenario {id}"), Some(s), p));
    }
    let s = setup();
    for spec in s.catalog.specs() {
        for v in [spec.low, spec.high] {
            let mut p = s.catalog.baseline().clone();
            set(s, &mut p, &spec.id, v);
            out.push((format!("{}={v}", spec.id), None, p));
        }
    }
    out
}

/// Within reasonable settings the market neither collapses nor floods: with the price above
/// its trend and no declared cut, bit supply never falls (nobody idles a fab then, and the
/// extra wafers HBM takes are built for it), and sufficiency stays within ±40% (capacity
/// answers margins only while it is short of demand).
#[test]
fn supply_holds_above_trend_and_sufficiency_stays_within_40_percent() {
    let mut failures = Vec::new();
    for (what, own, p) in reasonable_settings() {
        let proj = own.as_ref().unwrap_or_else(|| setup()).project(&p);
        let b = proj.index(proj.base_year).unwrap();
        let mk = p.market.as_ref().unwrap();
        for m in Memory::ALL {
            let mp = market(&proj, m);
            let mm = mk.memory(m);
            for i in b + 1..proj.len() {
                let year = proj.first_year + i as i32;
                let sr = mp.sufficiency_pct[i];
                if sr.abs() > 40.0 {
                    failures.push(format!("{what}: {m:?} {year} sufficiency {sr:.1}%"));
                }
                let cutting = mm.production_cut > 0.0
                    && (mm.cut_start..mm.cut_start + mm.cut_years).contains(&year);
                let above = mp.price_vs_trend_pct[i - 1] > 0.0 && mp.price_vs_trend_pct[i] > 0.0;
                if i > b + 1
                    && above
                    && !cutting
                    && mp.supply_eb[i] < mp.supply_eb[i - 1] * (1.0 - 1e-9)
                {
                    failures.push(format!(
                        "{what}: {m:?} supply falls {:.2} -> {:.2} EB in {year} with the price above trend",
                        mp.supply_eb[i - 1],
                        mp.supply_eb[i]
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The device segments' price elasticities set to `units` and `content`.
fn with_elasticities(
    s: &Setup,
    p: &Parameters,
    units: Option<f64>,
    content: Option<f64>,
) -> Parameters {
    let mut p = p.clone();
    for spec in s.catalog.specs() {
        let v = if spec.id.ends_with(".unit_elasticity") {
            units
        } else if spec.id.ends_with(".content_elasticity") {
            content
        } else {
            None
        };
        if let Some(v) = v {
            set(s, &mut p, &spec.id, v);
        }
    }
    p
}

/// With every elasticity at 0 the devices do not see the market at all: the same figures as
/// a projection with no market, to the last bit.
#[test]
fn zero_elasticities_reproduce_the_projection_without_feedback() {
    let s = setup();
    let zero = with_elasticities(s, s.catalog.baseline(), Some(0.0), Some(0.0));
    let mut blind = zero.clone();
    blind.market = None;
    let (a, b) = (s.project(&zero), s.project(&blind));
    for (x, y) in a.segments.iter().zip(&b.segments) {
        assert_eq!(x.shipments_m, y.shipments_m, "{}", x.id);
        assert_eq!(x.dram_eb, y.dram_eb, "{}", x.id);
        assert_eq!(x.nand_eb, y.nand_eb, "{}", x.id);
        assert_eq!(x.hbm_eb, y.hbm_eb, "{}", x.id);
    }
    assert_eq!(a.total_dram_eb, b.total_dram_eb);
}

/// Dear memory never raises units or memory per unit: in the first projected year (before
/// deferred purchases come back) every setting's units and content are at most what they are
/// without feedback, and lower where memory was dear and the elasticity is not zero.
#[test]
fn dear_memory_never_raises_units_or_content() {
    let mut lowered = 0;
    for (what, own, p) in reasonable_settings() {
        let s = own.as_ref().unwrap_or_else(|| setup());
        let with = s.project(&p);
        let without = s.project(&with_elasticities(s, &p, Some(0.0), Some(0.0)));
        let i = with.index(with.base_year + 1).unwrap();
        for (x, y) in with.segments.iter().zip(&without.segments) {
            for (a, b, name) in [
                (x.shipments_m[i], y.shipments_m[i], "units"),
                (
                    x.dram_gb_per_unit[i],
                    y.dram_gb_per_unit[i],
                    "DRAM per unit",
                ),
                (
                    x.nand_gb_per_unit[i],
                    y.nand_gb_per_unit[i],
                    "NAND per unit",
                ),
            ] {
                assert!(a <= b * (1.0 + 1e-12), "{what}: {} {name} {a} > {b}", x.id);
                if a < b {
                    lowered += 1;
                }
            }
        }
    }
    assert!(lowered > 0, "the feedback never acted");
}

proptest! {
    /// The answer to the memory price never rises with the price, for any elasticity <= 0,
    /// and is 1 at or below the trend.
    #[test]
    fn the_answer_to_price_never_rises_with_it(r in 0.05f64..10.0, dr in 0.0f64..5.0, e in -1.0f64..=0.0) {
        use memcycle::model::price_answer;
        prop_assert!(price_answer(r + dr, e) <= price_answer(r, e) * (1.0 + 1e-12));
        prop_assert!(price_answer(r.min(1.0), e) == 1.0);
    }
}

/// From the end of 2025, with nothing published after it: the close of 2025 (DRAM revenue
/// +29% in 4Q25, NAND +24%) carries both prices up in 2026, and dear memory cuts phone and PC
/// units (the published 2026 figures: DRAM contract prices +90-95% in 1Q26, IDC smartphones
/// -13.9% and PCs -11.3%).
#[test]
fn from_the_end_of_2025_prices_rise_and_units_fall_in_2026() {
    let s = setup();
    let p = s.project(s.catalog.baseline());
    let (b, i) = (p.index(2025).unwrap(), p.index(2026).unwrap());
    for m in Memory::ALL {
        let price = &market(&p, m).price_index;
        assert!(
            price[i] > price[b],
            "{m:?} price {} -> {}",
            price[b],
            price[i]
        );
    }
    for id in ["smartphone", "pc"] {
        let seg = p.segments.iter().find(|x| x.id == id).unwrap();
        assert!(seg.shipments_m[i] < seg.shipments_m[b], "{id} units");
    }
}

/// The built-in `cuts-2023` scenario, projected from 2022 with the cuts announced then: DRAM
/// revenue falls at least 25% in 2023 (observed -35%) and rises at least 40% in 2024 (+84%).
#[test]
fn the_2023_cuts_scenario_shows_the_collapse_and_the_recovery() {
    use memcycle::scenario::Store;
    let text = Store::new(None).read("cuts-2023").expect("built in");
    assert_eq!(text.base_year(), Some(2022));
    let s = Setup::new(data_with_response(None), text.base_year()).expect("setup");
    let sc = text.parse(&s.catalog).expect("valid");
    let p = s.project(&s.parameters_with(Some(&sc), &[]).expect("params"));
    let rev = &market(&p, Memory::Dram).revenue_busd;
    let i = p.index(2023).unwrap();
    let (fall, rise) = (rev[i] / rev[i - 1] - 1.0, rev[i + 1] / rev[i] - 1.0);
    assert!(fall <= -0.25, "2023 {:.1}%", fall * 100.0);
    assert!(rise >= 0.40, "2024 {:.1}%", rise * 100.0);
}
