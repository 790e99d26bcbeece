//! `memcycle backtest`: errors of a projection from an earlier year against what happened.

use super::table::TextTable;
use crate::backtest::Backtest;
use crate::format::Align;
use crate::format::{fixed, json_number};
use serde_json::json;

/// The CSV header, exactly as documented.
pub const CSV_HEADER: &str = "series,year,observed,projected,error_pct";

/// One row per series and year: one header and rows, nothing else (the MAPE per series is in
/// the table and JSON; a `mape` row put text in the year column).
pub fn to_csv(b: &Backtest) -> String {
    let mut out = format!("{CSV_HEADER}\n");
    for s in &b.scores {
        for c in &s.years {
            out.push_str(&format!(
                "{},{},{},{},{}\n",
                s.series,
                c.year,
                fixed(c.observed, 3),
                fixed(c.projected, 3),
                fixed(c.error_pct(), 2)
            ));
        }
    }
    out
}

/// JSON: per series, the years and the MAPE.
pub fn to_json(b: &Backtest) -> String {
    let series: Vec<_> = b
        .scores
        .iter()
        .map(|s| {
            let years: Vec<_> = s
                .years
                .iter()
                .map(|c| json!({ "year": c.year, "observed": json_number(c.observed), "projected": json_number(c.projected), "error_pct": json_number(c.error_pct()) }))
                .collect();
            json!({
                "series": s.series, "unit": s.unit, "mape": json_number(s.mape()),
                "naive_mape": s.benchmarks.map(|b| json_number(b.0)),
                "drift_mape": s.benchmarks.map(|b| json_number(b.1)),
                "skill": s.skill().map(json_number),
                "years": years,
            })
        })
        .collect();
    let doc =
        json!({ "from": b.projection.base_year, "to": b.projection.horizon, "series": series });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// A table of every comparison and a MAPE summary.
pub fn to_table(b: &Backtest) -> String {
    let p = &b.projection;
    let mut t = TextTable::new([
        ("series", Align::Left),
        ("year", Align::Right),
        ("observed", Align::Right),
        ("projected", Align::Right),
        ("error %", Align::Right),
    ]);
    let mut summary = TextTable::new([
        ("series", Align::Left),
        ("unit", Align::Left),
        ("MAPE %", Align::Right),
        ("naive %", Align::Right),
        ("drift %", Align::Right),
        ("skill", Align::Right),
    ]);
    for s in &b.scores {
        for c in &s.years {
            t.row(vec![
                s.series.clone(),
                c.year.to_string(),
                fixed(c.observed, 2),
                fixed(c.projected, 2),
                format!("{:+.1}", c.error_pct()),
            ]);
        }
        let (naive, drift) = s.benchmarks.unwrap_or((f64::NAN, f64::NAN));
        summary.row(vec![
            s.series.clone(),
            s.unit.to_owned(),
            fixed(s.mape(), 1),
            fixed(naive, 1),
            fixed(drift, 1),
            s.skill().map_or_else(String::new, |k| fixed(k, 2)),
        ]);
    }
    let years = if p.horizon == p.base_year + 1 {
        p.horizon.to_string()
    } else {
        format!("{}-{}", p.base_year + 1, p.horizon)
    };
    let estimates = match p.current_year {
        Some(c) if c <= p.horizon => format!(
            " ({c}{}: estimates of the year in progress, compared as asked)",
            if c < p.horizon { " on" } else { "" }
        ),
        _ => String::new(),
    };
    format!(
        "Backtest: projected from {} with the data known then, compared with {years}{estimates}\n\n{}\nMean absolute percentage error of the model, of naive (no change) and of drift (the 3 years\nbefore {} extrapolated); skill = model / the better benchmark (below 1: the model beats both)\n\n{}",
        p.base_year,
        t.render(),
        p.base_year,
        summary.render()
    )
}

/// `memcycle backtest`'s result.
pub fn report(b: &Backtest) -> super::report::Formats<'_, Backtest> {
    super::report::Formats::new(b, to_table, to_csv, to_json)
}
