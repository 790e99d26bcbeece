//! `memcycle market`: supply, balance, inventory and price by year, as CSV, JSON or a table.

use super::table::TextTable;
use crate::format::Align;
use crate::format::{fixed, json_number, signed};
use crate::model::market::GLUT_COVER;
use crate::model::{Basis, Memory, MemoryProjection, Projection};
use serde_json::{Value, json};

/// The CSV header, exactly as documented.
pub const CSV_HEADER: &str = "year,memory,period,demand_eb,supply_eb,hbm_supply_eb,sufficiency,inventory_weeks,price_index,price_vs_trend_pct,revenue_busd,regime";

fn memories(p: &Projection) -> Vec<(Memory, &MemoryProjection)> {
    p.market.as_ref().map_or_else(Vec::new, |m| {
        Memory::ALL.iter().map(|&k| (k, m.memory(k))).collect()
    })
}

/// Long format: one row per year and memory. `sufficiency` is (supply - demand) / demand in %.
pub fn to_csv(p: &Projection) -> String {
    let mut out = format!("{CSV_HEADER}\n");
    for (i, year) in p.years().enumerate() {
        for (m, mp) in memories(p) {
            let row = [
                year.to_string(),
                m.id().to_owned(),
                p.period(year).as_str().to_owned(),
                fixed(mp.demand_eb[i], 3),
                fixed(mp.supply_eb[i], 3),
                fixed(mp.hbm_supply_eb[i], 3),
                fixed(mp.sufficiency_pct[i], 2),
                fixed(mp.inventory_weeks[i], 2),
                fixed(mp.price_index[i], 2),
                fixed(mp.price_vs_trend_pct[i], 2),
                fixed(mp.revenue_busd[i], 2),
                mp.regime[i].as_str().to_owned(),
            ];
            out.push_str(&row.join(","));
            out.push('\n');
        }
    }
    out
}

/// JSON: per memory, the turn year and the yearly rows.
pub fn to_json(p: &Projection) -> String {
    let doc: Vec<Value> = memories(p)
        .into_iter()
        .map(|(m, mp)| {
            let rows: Vec<Value> = p
                .years()
                .enumerate()
                .map(|(i, year)| {
                    json!({
                        "year": year,
                        "period": p.period(year).as_str(),
                        "demand_eb": json_number(mp.demand_eb[i]),
                        "supply_eb": json_number(mp.supply_eb[i]),
                        "hbm_supply_eb": json_number(mp.hbm_supply_eb[i]),
                        "sufficiency_pct": json_number(mp.sufficiency_pct[i]),
                        "inventory_weeks": json_number(mp.inventory_weeks[i]),
                        "price_index": json_number(mp.price_index[i]),
                        "price_vs_trend_pct": json_number(mp.price_vs_trend_pct[i]),
                        "revenue_busd": json_number(mp.revenue_busd[i]),
                        "regime": mp.regime[i].as_str(),
                    })
                })
                .collect();
            json!({ "memory": m.id(), "label": mp.label, "turn_year": mp.turn_year, "target_inventory_weeks": mp.target_weeks, "rows": rows })
        })
        .collect();
    serde_json::to_string_pretty(
        &json!({ "base_year": p.base_year, "horizon": p.horizon, "markets": doc }),
    )
    .unwrap_or_default()
        + "\n"
}

/// One aligned table per memory.
pub fn to_table(p: &Projection) -> String {
    let mut out = String::new();
    for (memory, mp) in memories(p) {
        let observed = p.observed_eb(memory);
        // DRAM shows the HBM part of its supply (served first, each bit taking `trade_ratio`
        // bits of wafer); NAND has none.
        let hbm = memory == Memory::Dram;
        let mut cols = vec!["year", "kind", "demand EB", "supply EB"];
        if hbm {
            cols.push("of it HBM");
        }
        cols.extend([
            "suff. %",
            "inv. weeks",
            "price idx",
            "vs trend %",
            "revenue $B",
            "regime",
        ]);
        let last = cols.len() - 1;
        let mut t = TextTable::new(cols.iter().enumerate().map(|(i, c)| {
            (
                (*c).to_owned(),
                if i == 1 || i == last {
                    Align::Left
                } else {
                    Align::Right
                },
            )
        }));
        for (i, year) in p.years().enumerate() {
            let mut row = vec![
                year.to_string(),
                if year > p.base_year {
                    Basis::Projected
                } else if p.current_year.is_some_and(|c| year >= c) {
                    Basis::Estimate
                } else if observed.get(i).copied().flatten().is_some() {
                    Basis::Observed
                } else {
                    Basis::Model
                }
                .label()
                .into(),
                fixed(mp.demand_eb[i], 1),
                fixed(mp.supply_eb[i], 1),
            ];
            if hbm {
                row.push(fixed(mp.hbm_supply_eb[i], 1));
            }
            row.extend([
                signed(mp.sufficiency_pct[i], 1),
                fixed(mp.inventory_weeks[i], 1),
                fixed(mp.price_index[i], 0),
                signed(mp.price_vs_trend_pct[i], 0),
                fixed(mp.revenue_busd[i], 1),
                mp.regime[i].as_str().to_owned(),
            ]);
            t.row(row);
        }
        let turn = mp.turn_year.map_or_else(
            || "no turn by the horizon".to_owned(),
            |y| format!("price turns up in {y}"),
        );
        out.push_str(&format!(
            "{} market, {} (obs: demand is the industry's figure, est: an estimate of the year in progress, model: the model's reconstruction; price index: {} = 100; vs trend: price over its cost trend; target inventory {} weeks; regime by inventory cover: glut above {:.1} weeks, tight below {:.1}, by suff. % where cover is unpublished); {turn}\n\n{}\n",
            mp.label,
            p.history_label(),
            p.base_year,
            mp.target_weeks,
            mp.target_weeks * GLUT_COVER,
            mp.target_weeks / GLUT_COVER,
            t.render()
        ));
    }
    if out.is_empty() {
        out.push_str("this data set has no market (no supply.toml)\n");
    }
    out
}

/// `memcycle market`'s result: the market of the projection.
pub fn report(p: &Projection) -> super::report::Formats<'_, Projection> {
    super::report::Formats::new(p, to_table, to_csv, to_json)
}
