//! The explorer's export (`e`): the chart on screen as SVG and PNG (drawn by
//! [`crate::chart::svg`]) and the projection of the current settings as CSV, written into the
//! exports directory.

use crate::chart::svg::chart_svg;
use crate::export::ExportError;
use crate::tui::state::app::App;
use std::path::PathBuf;

/// The exports directory: the configured one, else `exports/` beside the scenarios directory.
pub fn exports_dir(app: &App) -> Option<PathBuf> {
    app.session.exports_dir.clone().or_else(|| {
        app.session
            .store
            .dir
            .as_ref()
            .and_then(|d| d.parent().map(|p| p.join("exports")))
    })
}

/// Most characters of the scenario's name in an export's file name (a 10,000-character name
/// made every export fail with "File name too long").
const MAX_NAME_IN_FILE: usize = 40;

/// `<scenario>[-modified]-<what>-<date>-<time>`: the scenario's slug (shortened), marked when
/// the settings differ from it, what is exported (the chart, or `handout`) and the local time
/// to the second.
pub(in crate::tui) fn export_stem(app: &App, what: &str) -> String {
    let slug: String = crate::scenario::slug(&app.session.scenario)
        .chars()
        .take(MAX_NAME_IN_FILE)
        .collect();
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "settings" } else { slug };
    format!(
        "{slug}{}-{}-{}",
        if app.is_edited() { "-modified" } else { "" },
        what,
        chrono::Local::now().format("%Y%m%d-%H%M%S")
    )
}

/// `stem`, or `stem-2`, `stem-3` ...: the first with no file of any of the `extensions` yet
/// (two exports in the same second overwrote each other).
pub(in crate::tui) fn free_stem(dir: &std::path::Path, stem: &str, extensions: &[&str]) -> String {
    (1..)
        .map(|n| {
            if n == 1 {
                stem.to_owned()
            } else {
                format!("{stem}-{n}")
            }
        })
        .find(|s| {
            extensions
                .iter()
                .all(|ext| !dir.join(format!("{s}.{ext}")).exists())
        })
        .unwrap_or_else(|| stem.to_owned())
}

/// Writes the chart (SVG, and PNG for slide tools that take no SVG) and the projection (CSV)
/// into the exports directory; returns the SVG's and the CSV's paths (the PNG sits beside the
/// SVG).
pub fn export(app: &App) -> Result<(PathBuf, PathBuf), ExportError> {
    let dir = exports_dir(app).ok_or(ExportError::NoDirectory)?;
    // What an export killed halfway left behind goes first.
    crate::export::remove_stale_temp_files(&dir, &["svg", "png", "csv"]);
    let chart = app.ui.chart.short().to_lowercase().replace('/', "");
    let stem = free_stem(&dir, &export_stem(app, &chart), &["svg", "png", "csv"]);
    let write = |name: String, bytes: &[u8]| {
        crate::export::write_bytes_atomically(&dir, &name, bytes).map_err(|source| {
            ExportError::Write {
                path: dir.join(&name),
                source,
            }
        })
    };
    let chart = chart_svg(&app.scene());
    let png = crate::export::png::svg_to_png(&chart)?;
    write(format!("{stem}.png"), &png)?;
    let svg = write(format!("{stem}.svg"), chart.as_bytes())?;
    let csv = write(
        format!("{stem}.csv"),
        crate::export::projection_csv::to_csv(&app.projection).as_bytes(),
    )?;
    Ok((svg, csv))
}
