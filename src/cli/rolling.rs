//! `memcycle backtest --rolling`: the model's rolling-origin skill against naive and drift.

use super::table::TextTable;
use crate::backtest::rolling::Rolling;
use crate::format::Align;
use crate::format::{fixed, json_number};
use serde_json::json;

/// The CSV header of the per-forecast rows, exactly as documented.
pub const CSV_HEADER: &str = "series,origin,horizon,year,observed,model,naive,drift";

/// One row per series, origin and horizon: one header and rows, nothing else (the skills are
/// in the table and JSON; a second table after a blank line broke CSV readers).
pub fn to_csv(r: &Rolling) -> String {
    let mut out = format!("{CSV_HEADER}\n");
    for f in &r.forecasts {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{}\n",
            f.series,
            f.origin,
            f.horizon,
            f.year(),
            fixed(f.observed, 3),
            fixed(f.model, 3),
            fixed(f.naive, 3),
            fixed(f.drift, 3),
        ));
    }
    out
}

/// JSON: the summary per series and every forecast.
pub fn to_json(r: &Rolling) -> String {
    let halves = r.halves();
    let skills: Vec<_> = r
        .skills
        .iter()
        .map(|s| {
            let [early, late] = half_skills(r, &s.series).map(|k| k.map(json_number));
            json!({
                "series": s.series, "unit": s.unit, "forecasts": s.count,
                "model_mape": json_number(s.model), "naive_mape": json_number(s.naive),
                "drift_mape": json_number(s.drift), "skill": json_number(s.skill()),
                "skill_earlier": early, "skill_later": late,
            })
        })
        .collect();
    let forecasts: Vec<_> = r
        .forecasts
        .iter()
        .map(|f| {
            json!({
                "series": f.series, "origin": f.origin, "horizon": f.horizon, "year": f.year(),
                "observed": json_number(f.observed), "model": json_number(f.model),
                "naive": json_number(f.naive), "drift": json_number(f.drift),
            })
        })
        .collect();
    let prices: Vec<_> = r
        .prices
        .iter()
        .map(|p| {
            json!({
                "memory": p.memory,
                "right_1y": p.right_1, "scored_1y": p.count_1, "always_down_1y": p.down_1,
                "right_2y": p.right_2, "scored_2y": p.count_2, "always_down_2y": p.down_2,
                "swing_ratio": json_number(p.swing_ratio()),
            })
        })
        .collect();
    let doc = json!({
        "origins": [r.origins.start(), r.origins.end()],
        "halves": halves.map(|h| h.map(|o| [*o.start(), *o.end()])),
        "horizon": r.horizon,
        "skills": skills,
        "price_direction": prices,
        "forecasts": forecasts,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// The skill of `series` from the earlier and the later half of the base years (`None` where
/// a half has no forecast of it, or there is a single base year).
fn half_skills(r: &Rolling, series: &str) -> [Option<f64>; 2] {
    r.halves().map_or([None, None], |halves| {
        halves.map(|h| r.skill_over(series, &h).map(|k| k.skill()))
    })
}

/// A span of base years as the table's column names it (`2015-19`, or `2015` alone).
fn years_label(origins: &std::ops::RangeInclusive<crate::units::Year>) -> String {
    if origins.start() == origins.end() {
        origins.start().to_string()
    } else {
        format!("{}-{:02}", origins.start(), origins.end().rem_euclid(100))
    }
}

/// The skill table, with the skill from the earlier and the later half of the base years when
/// there are two or more.
pub fn to_table(r: &Rolling) -> String {
    let halves = r.halves();
    let names = halves
        .as_ref()
        .map(|h| h.clone().map(|o| format!("skill {}", years_label(&o))));
    let mut columns = vec![
        ("series".to_owned(), Align::Left),
        ("n".to_owned(), Align::Right),
        ("model %".to_owned(), Align::Right),
        ("naive %".to_owned(), Align::Right),
        ("drift %".to_owned(), Align::Right),
        ("skill".to_owned(), Align::Right),
    ];
    if let Some(names) = &names {
        columns.extend(names.iter().map(|n| (n.clone(), Align::Right)));
    }
    let mut t = TextTable::new(columns);
    for s in &r.skills {
        let mut row = vec![
            s.series.clone(),
            s.count.to_string(),
            fixed(s.model, 1),
            fixed(s.naive, 1),
            fixed(s.drift, 1),
            fixed(s.skill(), 2),
        ];
        if halves.is_some() {
            row.extend(
                half_skills(r, &s.series)
                    .map(|k| k.map_or_else(|| "-".to_owned(), |k| fixed(k, 2))),
            );
        }
        t.row(row);
    }
    let halves_note = if halves.is_some() {
        "\nThe last two columns score the earlier and the later base years apart: does the skill hold?"
    } else {
        ""
    };
    format!(
        "Rolling-origin backtest: projected from every base year {}-{} with the data known then,\n\
         1-{} years ahead; mean absolute percentage error of the model, of naive (no change) and\n\
         of drift (the {} years before the base year extrapolated).\n\
         skill = model / the better benchmark: below 1 the model beats both.{halves_note}\n\n{}{}",
        r.origins.start(),
        r.origins.end(),
        r.horizon,
        crate::backtest::rolling::DRIFT_YEARS,
        t.render(),
        price_table(r)
    )
}

/// Which way the price went: right / scored, 1 and 2 years ahead, next to "always down", and
/// the swing ratio. Empty without a market.
fn price_table(r: &Rolling) -> String {
    if r.prices.is_empty() {
        return String::new();
    }
    let mut t = TextTable::new([
        ("memory", Align::Left),
        ("1y right", Align::Right),
        ("always down", Align::Right),
        ("2y right", Align::Right),
        ("always down", Align::Right),
        ("swing ratio", Align::Right),
    ]);
    let share = |n: usize, of: usize| format!("{n}/{of}");
    for p in &r.prices {
        t.row(vec![
            p.memory.to_owned(),
            share(p.right_1, p.count_1),
            share(p.down_1, p.count_1),
            share(p.right_2, p.count_2),
            share(p.down_2, p.count_2),
            fixed(p.swing_ratio(), 2),
        ]);
    }
    format!(
        "\nPrice direction: the change of price per bit (revenue / bits in the data) in the first\n\
         and the second projected year, right / scored, next to \"always down\"; swing ratio =\n\
         mean |change of ln price| in the first year, model / observed.\n\n{}",
        t.render()
    )
}

/// `memcycle backtest --rolling`'s result.
pub fn report(r: &Rolling) -> super::report::Formats<'_, Rolling> {
    super::report::Formats::new(r, to_table, to_csv, to_json)
}
