//! A handout: one self-contained HTML page of the settings on screen, for a meeting's
//! minutes. The scenario and its description, what changed (baseline -> now), the DRAM, NAND,
//! supply/demand and price charts as inline SVG (the ones `e` exports), the year and market
//! tables, the sources behind every changed parameter and the command that reproduces it.
//! Nothing is fetched: it opens offline in any browser. Written as XHTML-compatible HTML
//! (every element closed), so an XML parser reads it too.

use crate::chart::kind::ChartKind;
use crate::chart::scene::Scene;
use crate::export::svg::escape;
use crate::format::figure;
use std::fmt::Write as _;

/// The charts the handout shows, in order.
pub const CHARTS: [ChartKind; 4] = [
    ChartKind::Dram,
    ChartKind::Nand,
    ChartKind::Balance,
    ChartKind::Price,
];

/// Chart `chart` of the scene as an inline SVG element (the document's XML declaration
/// dropped).
fn inline_chart(scene: &Scene, chart: ChartKind) -> String {
    let svg = crate::chart::svg::chart_svg(&scene.showing(chart));
    let start = svg.find("<svg").unwrap_or(0);
    // Scaled to the page's width; the viewBox keeps its proportions.
    svg[start..].replacen("<svg ", "<svg class=\"chart\" ", 1)
}

/// The changed parameters: label, baseline value, value now, unit, and where the default
/// comes from.
fn changes_table(scene: &Scene) -> String {
    let catalog = &scene.setup.catalog;
    let specs = catalog.specs();
    let rows: Vec<String> = scene
        .changed()
        .into_iter()
        .map(|i| {
            let s = &specs[i];
            let basis = match &s.default_basis {
                crate::params::DefaultBasis::Trend => {
                    format!("data up to {}", catalog.base_year())
                }
                crate::params::DefaultBasis::Explicit(src) => {
                    crate::params::cite(&scene.setup.data, src)
                }
                crate::params::DefaultBasis::Convention => "memcycle convention".to_owned(),
            };
            format!(
                "<tr><td><code>{}</code></td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
                escape(&s.id),
                escape(&s.label),
                escape(&figure(s.default)),
                escape(&figure(catalog.get(scene.params, i))),
                escape(s.unit),
                escape(&basis)
            )
        })
        .collect();
    if rows.is_empty() {
        return "<p>Every parameter at its default (the baseline).</p>".to_owned();
    }
    format!(
        "<table><thead><tr><th>parameter</th><th>what</th><th>baseline</th><th>now</th><th>unit</th><th>baseline from</th></tr></thead><tbody>{}</tbody></table>",
        rows.join("")
    )
}

/// The sources behind the changed parameters: each default's derivation and the figures (with
/// their sources) it rests on, and the scenario's own sources.
fn sources(scene: &Scene) -> String {
    let data = &scene.setup.data;
    let catalog = &scene.setup.catalog;
    let mut out = String::new();
    for i in scene.changed() {
        let s = &catalog.specs()[i];
        let e = crate::params::explain(data, catalog, i);
        let mut cited: Vec<String> = e
            .points
            .iter()
            .filter(|p| !p.source.is_empty())
            .map(|p| crate::params::cite(data, &p.source))
            .collect();
        cited.sort();
        cited.dedup();
        let _ = write!(
            out,
            "<li><code>{}</code>: default {} ({}){}</li>",
            escape(&s.id),
            escape(&figure(s.default)),
            escape(&e.derivation),
            if cited.is_empty() {
                String::new()
            } else {
                format!("; figures from {}", escape(&cited.join(", ")))
            }
        );
    }
    for s in scene.sources {
        let _ = write!(out, "<li>{}</li>", escape(s));
    }
    if out.is_empty() {
        "<p>No parameter changed.</p>".to_owned()
    } else {
        format!("<ul>{out}</ul>")
    }
}

/// One number for a table cell: blank when not a number.
fn cell(v: Option<f64>, decimals: usize) -> String {
    v.filter(|v| v.is_finite())
        .map_or_else(String::new, |v| format!("{v:.decimals$}"))
}

/// Demand, shipments by segment and the market, year by year from five years before the base
/// year, each row marked history or projection.
fn years_table(p: &crate::model::Projection) -> String {
    use crate::model::Memory;
    let mut head = vec![
        "year".to_owned(),
        "".to_owned(),
        "DRAM EB".to_owned(),
        "NAND EB".to_owned(),
    ];
    let units: Vec<&crate::model::SegmentProjection> =
        p.segments.iter().filter(|s| s.has_units).collect();
    head.extend(units.iter().map(|s| format!("{} M", s.label)));
    if p.market.is_some() {
        for m in Memory::ALL {
            let l = m.label();
            head.extend([format!("{l} SR %"), format!("{l} price"), format!("{l} $B")]);
        }
    }
    let mut rows = String::new();
    for year in (p.base_year - 5).max(p.first_year)..=p.horizon {
        let Some(i) = p.index(year) else { continue };
        let mut cells = vec![
            year.to_string(),
            if year > p.base_year { "proj" } else { "hist" }.to_owned(),
            cell(Some(p.reported_eb(Memory::Dram, i)), 1),
            cell(Some(p.reported_eb(Memory::Nand, i)), 0),
        ];
        cells.extend(units.iter().map(|s| cell(s.shipments_m.get(i).copied(), 1)));
        if let Some(mk) = &p.market {
            for m in Memory::ALL {
                let mm = mk.memory(m);
                cells.extend([
                    cell(mm.sufficiency_pct.get(i).copied(), 1),
                    cell(mm.price_index.get(i).copied(), 0),
                    cell(mm.revenue_busd.get(i).copied(), 1),
                ]);
            }
        }
        let class = if year > p.base_year {
            " class=\"proj\""
        } else {
            ""
        };
        let _ = write!(
            rows,
            "<tr{class}>{}</tr>",
            cells
                .iter()
                .enumerate()
                .map(|(k, c)| if k < 2 {
                    format!("<td>{c}</td>")
                } else {
                    format!("<td class=\"n\">{c}</td>")
                })
                .collect::<String>()
        );
    }
    format!(
        "<table><thead><tr>{}</tr></thead><tbody>{rows}</tbody></table><p class=\"meta\">History rows are the data's figures where it has them (demand: the industry's bits); price index: {} = 100.</p>",
        head.iter()
            .map(|h| format!("<th>{}</th>", escape(h)))
            .collect::<String>(),
        p.base_year
    )
}

/// The command line that reproduces the settings.
fn command(scene: &Scene) -> String {
    let data = &scene.setup.data;
    let base = Some(scene.chart.projection.base_year).filter(|y| *y != data.last_observed_year());
    crate::scenario::share::command_line(base, &scene.setup.catalog.overrides_of(scene.params))
}

const STYLE: &str = "body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#111}\
h1{margin-bottom:.2em}.meta{color:#555}svg.chart{width:100%;height:auto;border:1px solid #ddd;margin:.5em 0 1.5em}\
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}td.n{text-align:right}\
pre{background:#f6f6f6;padding:.8em;overflow-x:auto;font-size:90%}tr.proj td{background:#f3f7ff}";

/// The handout of the scene, as one HTML page.
pub fn report_html(scene: &Scene) -> String {
    let p = scene.chart.projection;
    let mut body = String::new();
    let _ = write!(
        body,
        "<h1>{}</h1><p class=\"meta\">memcycle {} · history to {} · projected to {} · written {}</p>",
        escape(scene.scenario),
        env!("CARGO_PKG_VERSION"),
        p.base_year,
        p.horizon,
        chrono::Local::now().format("%Y-%m-%d %H:%M")
    );
    if !scene.description.is_empty() {
        let _ = write!(body, "<p>{}</p>", escape(scene.description));
    }
    let _ = write!(body, "<h2>What changed</h2>{}", changes_table(scene));
    body.push_str("<h2>Charts</h2>");
    for chart in CHARTS {
        body.push_str(&inline_chart(scene, chart));
    }
    let _ = write!(body, "<h2>Year by year</h2>{}", years_table(p));
    let _ = write!(body, "<h2>Sources</h2>{}", sources(scene));
    let _ = write!(
        body,
        "<h2>Reproduce it</h2><pre>{}</pre>",
        escape(&command(scene))
    );
    format!(
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/><title>{} · memcycle</title><style>{STYLE}</style></head><body>{body}</body></html>\n",
        escape(scene.scenario)
    )
}
