//! Plain-text tables aligned by display width (so that Korean or other wide labels line up).

use crate::format::{Align, pad};
use unicode_width::UnicodeWidthStr;

/// A table built row by row and rendered with columns padded to their widest cell.
#[derive(Debug, Clone, Default)]
pub struct TextTable {
    header: Vec<(String, Align)>,
    rows: Vec<Vec<String>>,
}

impl TextTable {
    /// A table with these column headers.
    pub fn new<S: Into<String>>(header: impl IntoIterator<Item = (S, Align)>) -> Self {
        Self {
            header: header.into_iter().map(|(h, a)| (h.into(), a)).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row (missing cells are blank).
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// The table as lines joined by newlines, with a rule under the header.
    pub fn render(&self) -> String {
        let n = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|(h, _)| h.width()).collect();
        for r in &self.rows {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(c.width());
            }
        }
        let line = |cells: &mut dyn Iterator<Item = &str>| -> String {
            let parts: Vec<String> = (0..n)
                .zip(cells.chain(std::iter::repeat("")))
                .map(|(i, c)| pad(c, widths[i], self.header[i].1))
                .collect();
            parts.join("  ").trim_end().to_owned()
        };
        let mut out = vec![line(&mut self.header.iter().map(|(h, _)| h.as_str()))];
        out.push(
            widths
                .iter()
                .map(|w| "-".repeat(*w))
                .collect::<Vec<_>>()
                .join("  "),
        );
        for r in &self.rows {
            out.push(line(&mut r.iter().map(String::as_str)));
        }
        out.join("\n") + "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_are_padded_by_display_width() {
        let mut t = TextTable::new([("seg", Align::Left), ("n", Align::Right)]);
        t.row(vec!["스마트폰".into(), "1".into()]);
        t.row(vec!["pc".into(), "22".into()]);
        let s = t.render();
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines[2], "스마트폰   1");
        assert_eq!(lines[3], "pc        22");
    }
}
