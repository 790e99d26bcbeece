//! `memcycle params`: every parameter with its range and default.

use super::table::TextTable;
use crate::format::Align;
use crate::params::{Catalog, DefaultBasis};

/// The CSV header, exactly as documented.
pub const CSV_HEADER: &str = "id,label,unit,default,min,max,step,low,high";

/// Shortest decimal form of a value (`2.5`, `2031`, `-0.5`).
fn num(v: f64) -> String {
    let s = format!("{v}");
    if s == "-0" { "0".into() } else { s }
}

/// CSV with one row per parameter.
pub fn to_csv(c: &Catalog) -> String {
    let mut out = format!("{CSV_HEADER}\n");
    for s in c.specs() {
        let label = if s.label.contains([',', '"']) {
            format!("\"{}\"", s.label.replace('"', "\"\""))
        } else {
            s.label.clone()
        };
        out.push_str(&cells(s, label).join(","));
        out.push('\n');
    }
    out
}

/// The documented columns of one parameter, with its label as given.
fn cells(s: &crate::params::ParamSpec, label: String) -> Vec<String> {
    vec![
        s.id.clone(),
        label,
        s.unit.to_owned(),
        num(s.default),
        num(s.min),
        num(s.max),
        num(s.step),
        num(s.low),
        num(s.high),
    ]
}

/// An aligned table grouped by segment, saying how each default was set.
pub fn to_table(c: &Catalog, d: &crate::data::Dataset) -> String {
    let cols = [
        ("id", Align::Left),
        ("label", Align::Left),
        ("unit", Align::Left),
        ("default", Align::Right),
        ("min", Align::Right),
        ("max", Align::Right),
        ("step", Align::Right),
        ("low", Align::Right),
        ("high", Align::Right),
        ("default from", Align::Left),
    ];
    let mut t = TextTable::new(cols.iter().map(|(h, a)| ((*h).to_owned(), *a)));
    for s in c.specs() {
        let basis = match &s.default_basis {
            DefaultBasis::Trend => format!("trend to {}", c.base_year()),
            DefaultBasis::Explicit(src) => {
                format!("{} [{src}]", super::sources::cite(d, src))
            }
            DefaultBasis::Convention => "memcycle convention".to_owned(),
        };
        let mut row = cells(s, s.label.clone());
        row.push(basis);
        t.row(row);
    }
    format!(
        "Parameters for projections from {}\n\n{}",
        c.base_year(),
        t.render()
    )
}
