//! The explorer's handout (`H`): the page [`crate::chart::handout`] writes for the settings on
//! screen, saved into the exports directory.

use crate::chart::handout::report_html;
use crate::tui::state::app::App;
use std::path::PathBuf;

/// Writes the handout into the exports directory (`<scenario>-handout-<date>-<time>.html`);
/// returns its path.
pub fn write_report(app: &App) -> Result<PathBuf, crate::export::ExportError> {
    let dir =
        crate::tui::io::export::exports_dir(app).ok_or(crate::export::ExportError::NoDirectory)?;
    crate::export::remove_stale_temp_files(&dir, &["html"]);
    let stem = crate::tui::io::export::export_stem(app, "handout");
    let name = format!(
        "{}.html",
        crate::tui::io::export::free_stem(&dir, &stem, &["html"])
    );
    crate::export::write_atomically(&dir, &name, &report_html(&app.scene())).map_err(|source| {
        crate::export::ExportError::Write {
            path: dir.join(&name),
            source,
        }
    })
}
