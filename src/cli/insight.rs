//! `memcycle tornado`, `seek` and `bands`: the insight functions as tables, CSV and JSON.

use super::table::TextTable;
use crate::format::{Align, figure, fixed, json_number};
use crate::insight::Quantiles;
use crate::insight::bands::{Band, Bands, QUANTILES};
use crate::insight::{Bar, Output, Quantity, Seek};
use crate::model::Memory;
use crate::setup::Setup;
use serde_json::json;

/// The tornado as an aligned table, largest swing first.
pub fn tornado_table(setup: &Setup, output: Output, current: f64, bars: &[Bar]) -> String {
    let mut t = TextTable::new([
        ("parameter", Align::Left),
        ("low", Align::Right),
        ("output", Align::Right),
        ("high", Align::Right),
        ("output", Align::Right),
        ("swing", Align::Right),
    ]);
    let specs = setup.catalog.specs();
    for b in bars {
        t.row(vec![
            specs[b.index].id.clone(),
            figure(b.low.0),
            figure(b.low.1),
            figure(b.high.0),
            figure(b.high.1),
            figure(b.swing),
        ]);
    }
    format!(
        "Tornado of {}: {} at the current settings; each parameter at its plausible low and high, the others as set\n\n{}\n",
        output.label(),
        figure(current),
        t.render()
    )
}

/// The tornado as CSV.
pub fn tornado_csv(setup: &Setup, output: Output, bars: &[Bar]) -> String {
    let mut out =
        String::from("output,year,parameter,low,output_at_low,high,output_at_high,swing\n");
    for b in bars {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{}\n",
            output.id(),
            output.year,
            setup.catalog.specs()[b.index].id,
            b.low.0,
            json_number(b.low.1),
            b.high.0,
            json_number(b.high.1),
            json_number(b.swing)
        ));
    }
    out
}

/// The tornado as JSON.
pub fn tornado_json(setup: &Setup, output: Output, current: f64, bars: &[Bar]) -> String {
    let bars: Vec<_> = bars
        .iter()
        .map(|b| {
            json!({
                "parameter": setup.catalog.specs()[b.index].id,
                "low": b.low.0, "output_at_low": json_number(b.low.1),
                "high": b.high.0, "output_at_high": json_number(b.high.1),
                "swing": json_number(b.swing),
            })
        })
        .collect();
    let doc = json!({ "output": output.id(), "year": output.year, "current": json_number(current), "bars": bars });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// Goal seek's answer in words, with the command line that applies it.
pub fn seek_text(setup: &Setup, index: usize, output: Output, target: f64, found: Seek) -> String {
    let spec = &setup.catalog.specs()[index];
    match found {
        Seek::Found { value, output: o } => format!(
            "{} = {} {} gives {} = {} (target {})\napply: memcycle --set {}={}\n",
            spec.id,
            value,
            spec.unit,
            output.label(),
            figure(o),
            figure(target),
            spec.id,
            value
        ),
        Seek::Unreachable { value, output: o } => format!(
            "no value of {} from {} to {} (its plausible range) gives {} = {}; the closest is {} = {}, giving {}\n",
            spec.id,
            figure(spec.low),
            figure(spec.high),
            output.label(),
            figure(target),
            spec.id,
            figure(value),
            figure(o)
        ),
    }
}

fn band_name(b: &Band) -> String {
    let q = Output {
        memory: b.memory,
        quantity: b.quantity,
        year: 0,
    };
    match b.quantity {
        Quantity::Demand => format!("{}_eb", q.id()),
        _ => q.id(),
    }
}

/// The bands as an aligned table: per year, P10 / P50 / P90 of DRAM and NAND demand and
/// sufficiency, and the probability of a shortage.
pub fn bands_table(bands: &Bands) -> String {
    let wanted = [
        (Memory::Dram, Quantity::Demand, "DRAM EB"),
        (Memory::Nand, Quantity::Demand, "NAND EB"),
        (Memory::Dram, Quantity::Sufficiency, "DRAM SR %"),
        (Memory::Nand, Quantity::Sufficiency, "NAND SR %"),
    ];
    let present: Vec<_> = wanted
        .iter()
        .filter_map(|(m, q, name)| bands.band(*m, *q).map(|b| (b, *name)))
        .collect();
    let mut header = vec![("year".to_owned(), Align::Right)];
    for (_, name) in &present {
        header.push((format!("{name} P10"), Align::Right));
        header.push(("P50".to_owned(), Align::Right));
        header.push(("P90".to_owned(), Align::Right));
    }
    let market = bands.shortage.iter().any(|s| !s.is_empty());
    if market {
        header.push(("P(DRAM short)".to_owned(), Align::Right));
        header.push(("P(NAND short)".to_owned(), Align::Right));
    }
    let mut t = TextTable::new(header);
    let years = present.first().map_or(0, |(b, _)| b.quantiles.len());
    for k in 1..years {
        let year = bands.first_year + k as i32;
        let mut row = vec![year.to_string()];
        for (b, _) in &present {
            let q = b.quantiles[k];
            row.extend([figure(q.p10), figure(q.p50), figure(q.p90)]);
        }
        if market {
            for m in Memory::ALL {
                row.push(
                    bands
                        .p_shortage(m, year)
                        .map_or_else(String::new, |p| format!("{:.0}%", p * 100.0)),
                );
            }
        }
        t.row(row);
    }
    format!(
        "Uncertainty bands from {} projections, every parameter drawn around its current value as wide as its plausible range (DRAM and NAND content growth together, supply following demand; cuts and horizon as set), laid around the line with widths fitted on the years before the base year; short = supply below demand (SR < 0)\n\n{}\n",
        bands.draws,
        t.render()
    )
}

/// The bands as long CSV: one row per series and year.
pub fn bands_csv(bands: &Bands) -> String {
    let mut out = String::from("year,series,p10,p25,p50,p75,p90,p_short\n");
    for b in &bands.series {
        for (k, q) in b.quantiles.iter().enumerate() {
            let year = bands.first_year + k as i32;
            let short = if b.quantity == Quantity::Sufficiency {
                bands
                    .p_shortage(b.memory, year)
                    .map(|p| json_number(p).to_string())
                    .unwrap_or_default()
            } else {
                String::new()
            };
            let cells: Vec<String> = q.to_array().iter().map(|v| fixed(*v, 3)).collect();
            out.push_str(&format!(
                "{year},{},{},{short}\n",
                band_name(b),
                cells.join(",")
            ));
        }
    }
    out
}

/// The bands as JSON.
pub fn bands_json(bands: &Bands) -> String {
    let series: Vec<_> = bands
        .series
        .iter()
        .map(|b| {
            let rows: Vec<_> = b
                .quantiles
                .iter()
                .enumerate()
                .map(|(k, q)| {
                    let mut row = json!({ "year": bands.first_year + k as i32 });
                    for (name, v) in Quantiles::NAMES.iter().zip(q.to_array()) {
                        row[*name] = if v.is_finite() {
                            json!(json_number(v))
                        } else {
                            json!(null)
                        };
                    }
                    row
                })
                .collect();
            json!({ "series": band_name(b), "rows": rows })
        })
        .collect();
    let doc = json!({
        "draws": bands.draws,
        "quantiles": QUANTILES,
        "series": series,
        "p_short": { "dram": bands.shortage[0].iter().map(|p| json_number(*p)).collect::<Vec<_>>(),
                     "nand": bands.shortage[1].iter().map(|p| json_number(*p)).collect::<Vec<_>>() },
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// Bands from past errors as a table: per year, P10 / P50 / P90 of each banded series.
pub fn error_bands_table(
    p: &crate::model::Projection,
    models: &[((Memory, Quantity), crate::insight::past_errors::ErrorModel)],
    (first, last): (i32, i32),
) -> String {
    use crate::insight::past_errors::{line, series_name};
    let mut header = vec![("year".to_owned(), Align::Right)];
    let mut columns = Vec::new();
    for ((m, q), model) in models {
        header.push((format!("{} P10", series_name(*m, *q)), Align::Right));
        header.push(("P50".to_owned(), Align::Right));
        header.push(("P90".to_owned(), Align::Right));
        columns.push(model.band(&line(p, *m, *q)));
    }
    let mut t = TextTable::new(header);
    let years = columns.first().map_or(0, Vec::len);
    for k in 1..years {
        let mut row = vec![(p.base_year + k as i32).to_string()];
        for c in &columns {
            row.extend([figure(c[k].p10), figure(c[k].p50), figure(c[k].p90)]);
        }
        t.row(row);
    }
    format!(
        "Bands from past errors: the current line scaled by the model's log errors 1-5 years ahead in the rolling backtest from {first} to {last} (normal, mean and spread per horizon; beyond 5 years the spread grows with the square root of the horizon)\n\n{}\n",
        t.render()
    )
}

/// One projected year of error bands: the year and each series' P10, P50 and P90.
type BandRow = (i32, Vec<[f64; 3]>);

/// The error bands' rows: per projected year, each series' P10, P50 and P90.
fn error_band_rows(
    p: &crate::model::Projection,
    models: &[((Memory, Quantity), crate::insight::past_errors::ErrorModel)],
) -> (Vec<String>, Vec<BandRow>) {
    use crate::insight::past_errors::{line, series_name};
    let names = models
        .iter()
        .map(|((m, q), _)| series_name(*m, *q))
        .collect();
    let columns: Vec<_> = models
        .iter()
        .map(|((m, q), model)| model.band(&line(p, *m, *q)))
        .collect();
    let years = columns.first().map_or(0, Vec::len);
    let rows = (1..years)
        .map(|k| {
            (
                p.base_year + k as i32,
                columns
                    .iter()
                    .map(|c| [c[k].p10, c[k].p50, c[k].p90])
                    .collect(),
            )
        })
        .collect();
    (names, rows)
}

/// The error bands as CSV: `year,series,p10,p50,p90`, one row per year and series.
pub fn error_bands_csv(
    p: &crate::model::Projection,
    models: &[((Memory, Quantity), crate::insight::past_errors::ErrorModel)],
) -> String {
    let (names, rows) = error_band_rows(p, models);
    let mut out = String::from("year,series,p10,p50,p90\n");
    for (year, values) in rows {
        for (name, v) in names.iter().zip(values) {
            out.push_str(&format!(
                "{year},{name},{},{},{}\n",
                fixed(v[0], 3),
                fixed(v[1], 3),
                fixed(v[2], 3)
            ));
        }
    }
    out
}

/// The error bands as JSON: the base years fitted and, per series, the yearly quantiles.
pub fn error_bands_json(
    p: &crate::model::Projection,
    models: &[((Memory, Quantity), crate::insight::past_errors::ErrorModel)],
    (first, last): (i32, i32),
) -> String {
    let (names, rows) = error_band_rows(p, models);
    let series: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let years: Vec<_> = rows
                .iter()
                .map(|(year, v)| {
                    json!({ "year": year, "p10": json_number(v[k][0]), "p50": json_number(v[k][1]), "p90": json_number(v[k][2]) })
                })
                .collect();
            json!({ "series": name, "years": years })
        })
        .collect();
    serde_json::to_string_pretty(&json!({
        "kind": "past errors",
        "fitted_base_years": [first, last],
        "base_year": p.base_year,
        "series": series,
    }))
    .unwrap_or_default()
        + "\n"
}

/// Coverage as CSV: `series,kind,years_ahead,inside,compared,share`, `years_ahead` empty on
/// the rows over every horizon.
pub fn coverage_csv(c: &[crate::insight::past_errors::Coverage]) -> String {
    let mut out = String::from("series,kind,years_ahead,inside,compared,share\n");
    let share = |inside: usize, total: usize| {
        if total == 0 {
            String::new()
        } else {
            fixed(inside as f64 / total as f64, 3)
        }
    };
    for row in c {
        for (kind, (inside, total)) in [("draws", row.draws), ("past_errors", row.errors)] {
            let s = share(inside, total);
            out.push_str(&format!("{},{kind},,{inside},{total},{s}\n", row.series));
        }
        for (h, (d, e)) in row.by_horizon.iter().enumerate() {
            for (kind, (inside, total)) in [("draws", *d), ("past_errors", *e)] {
                let s = share(inside, total);
                let years = h + 1;
                out.push_str(&format!(
                    "{},{kind},{years},{inside},{total},{s}\n",
                    row.series
                ));
            }
        }
    }
    out
}

/// Coverage as JSON: the base years, the draws and per series both kinds.
pub fn coverage_json(
    c: &[crate::insight::past_errors::Coverage],
    from: i32,
    to: i32,
    draws: u32,
) -> String {
    let share = |(inside, total): (usize, usize)| {
        (total > 0).then(|| json_number(inside as f64 / total as f64))
    };
    let rows: Vec<_> = c
        .iter()
        .map(|r| {
            let by_horizon: Vec<_> = r
                .by_horizon
                .iter()
                .enumerate()
                .map(|(h, (d, e))| {
                    json!({
                        "years_ahead": h + 1,
                        "draws": { "inside": d.0, "compared": d.1, "share": share(*d) },
                        "past_errors": { "inside": e.0, "compared": e.1, "share": share(*e) },
                    })
                })
                .collect();
            json!({
                "series": r.series,
                "draws": { "inside": r.draws.0, "compared": r.draws.1, "share": share(r.draws) },
                "past_errors": { "inside": r.errors.0, "compared": r.errors.1, "share": share(r.errors) },
                "by_horizon": by_horizon,
            })
        })
        .collect();
    serde_json::to_string_pretty(&json!({
        "base_years": [from, to],
        "years_ahead": [1, 5],
        "draws": draws,
        "series": rows,
    }))
    .unwrap_or_default()
        + "\n"
}

/// Coverage of both kinds of band as a table.
pub fn coverage_table(
    c: &[crate::insight::past_errors::Coverage],
    from: i32,
    to: i32,
    draws: u32,
) -> String {
    let mut t = TextTable::new([
        ("series", Align::Left),
        ("draws: inside", Align::Right),
        ("of", Align::Right),
        ("share", Align::Right),
        ("past errors: inside", Align::Right),
        ("of", Align::Right),
        ("share", Align::Right),
    ]);
    let share = |(inside, total): (usize, usize)| {
        if total == 0 {
            String::new()
        } else {
            format!("{:.0}%", inside as f64 / total as f64 * 100.0)
        }
    };
    for row in c {
        t.row(vec![
            row.series.clone(),
            row.draws.0.to_string(),
            row.draws.1.to_string(),
            share(row.draws),
            row.errors.0.to_string(),
            row.errors.1.to_string(),
            share(row.errors),
        ]);
    }
    let horizons = c.iter().map(|r| r.by_horizon.len()).max().unwrap_or(0);
    let mut columns = vec![("series, years ahead".to_owned(), Align::Left)];
    columns.extend((1..=horizons).map(|h| (h.to_string(), Align::Right)));
    let mut by = TextTable::new(columns);
    for row in c {
        for (kind, pick) in [("draws", 0usize), ("past errors", 1usize)] {
            let mut cells = vec![format!("{} {kind}", row.series)];
            cells.extend(row.by_horizon.iter().map(|(d, e)| {
                let (inside, total) = if pick == 0 { *d } else { *e };
                if total == 0 {
                    "-".to_owned()
                } else {
                    format!("{inside}/{total}")
                }
            }));
            by.row(cells);
        }
    }
    format!(
        "Coverage: how often the observed figure fell inside the P10-P90 band, over base years {from}-{to}, 1-5 years ahead (an honest band holds about 80%). Draws: {draws} per base year around the defaults of that year, their width fitted on the years before it. Past errors: each base year's band from the other base years' errors.\n\n{}\n\nBy years ahead (inside / compared):\n\n{}\n",
        t.render().trim_end(),
        by.render().trim_end()
    )
}

/// `memcycle tornado`'s result: the bars of `output` and its value now.
pub struct TornadoReport<'a> {
    /// The data and catalogue (the bars' labels).
    pub setup: &'a Setup,
    /// What the bars move.
    pub output: Output,
    /// Its value with the current settings.
    pub current: f64,
    /// The bars, largest swing first.
    pub bars: &'a [Bar],
}

impl super::report::Report for TornadoReport<'_> {
    fn table(&self) -> String {
        tornado_table(self.setup, self.output, self.current, self.bars)
    }
    fn csv(&self) -> String {
        tornado_csv(self.setup, self.output, self.bars)
    }
    fn json(&self) -> String {
        tornado_json(self.setup, self.output, self.current, self.bars)
    }
}

/// `memcycle bands`'s result from draws.
pub fn bands_report(bands: &Bands) -> super::report::Formats<'_, Bands> {
    super::report::Formats::new(bands, bands_table, bands_csv, bands_json)
}

/// `memcycle bands --kind errors`'s result: bands from the past errors fitted over the base
/// years `fitted`.
pub struct ErrorBandsReport<'a> {
    /// The projection the bands are laid around.
    pub projection: &'a crate::model::Projection,
    /// The error model of each banded series.
    pub models: &'a [((Memory, Quantity), crate::insight::past_errors::ErrorModel)],
    /// The first and last base year fitted.
    pub fitted: (i32, i32),
}

impl super::report::Report for ErrorBandsReport<'_> {
    fn table(&self) -> String {
        error_bands_table(self.projection, self.models, self.fitted)
    }
    fn csv(&self) -> String {
        error_bands_csv(self.projection, self.models)
    }
    fn json(&self) -> String {
        error_bands_json(self.projection, self.models, self.fitted)
    }
}

/// `memcycle bands --coverage`'s result over base years `from` to `to`.
pub struct CoverageReport<'a> {
    /// Coverage of each series.
    pub coverage: &'a [crate::insight::past_errors::Coverage],
    /// The first base year.
    pub from: i32,
    /// The last base year.
    pub to: i32,
    /// Draws per base year.
    pub draws: u32,
}

impl super::report::Report for CoverageReport<'_> {
    fn table(&self) -> String {
        coverage_table(self.coverage, self.from, self.to, self.draws)
    }
    fn csv(&self) -> String {
        coverage_csv(self.coverage)
    }
    fn json(&self) -> String {
        coverage_json(self.coverage, self.from, self.to, self.draws)
    }
}
