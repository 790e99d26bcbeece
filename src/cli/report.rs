//! A command's result in the three formats `--format` chooses from: one trait, one match.

use super::args::ProjectFormat;

/// A result the commands print as an aligned table, CSV or JSON.
pub trait Report {
    /// An aligned table for people.
    fn table(&self) -> String;
    /// CSV: one header line and rows.
    fn csv(&self) -> String;
    /// JSON, for programs.
    fn json(&self) -> String;

    /// The result in `format`.
    fn render(&self, format: ProjectFormat) -> String {
        match format {
            ProjectFormat::Table => self.table(),
            ProjectFormat::Csv => self.csv(),
            ProjectFormat::Json => self.json(),
        }
    }
}
