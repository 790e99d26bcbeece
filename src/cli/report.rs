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

/// A result with one function per format (the commands whose result is one value).
pub struct Formats<'a, T: ?Sized> {
    value: &'a T,
    table: fn(&T) -> String,
    csv: fn(&T) -> String,
    json: fn(&T) -> String,
}

impl<'a, T: ?Sized> Formats<'a, T> {
    /// `value`, printed by `table`, `csv` or `json`.
    pub fn new(
        value: &'a T,
        table: fn(&T) -> String,
        csv: fn(&T) -> String,
        json: fn(&T) -> String,
    ) -> Self {
        Self {
            value,
            table,
            csv,
            json,
        }
    }
}

impl<T: ?Sized> Report for Formats<'_, T> {
    fn table(&self) -> String {
        (self.table)(self.value)
    }
    fn csv(&self) -> String {
        (self.csv)(self.value)
    }
    fn json(&self) -> String {
        (self.json)(self.value)
    }
}
