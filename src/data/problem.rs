//! Problems found in a data file, each tied to a file, line and column.

use std::fmt;
use std::ops::Range;

/// One thing wrong with a data or scenario file, located to a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user named it (`data/devices.toml`, `mydata/devices.toml`, ...).
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file (it cannot be read, say).
    pub line: usize,
    /// 1-based column in characters; 0 with `line`.
    pub column: usize,
    /// What is wrong and what was expected.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

/// Every problem found in one run, in file order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

/// Turns byte offsets of one file's text into line and column numbers.
#[derive(Debug, Clone)]
pub struct Locator<'a> {
    file: &'a str,
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    /// A locator for `text`, reported as `file`.
    pub fn new(file: &'a str, text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            file,
            text,
            line_starts,
        }
    }

    /// The name the file is reported under.
    pub fn file(&self) -> &str {
        self.file
    }

    /// A problem located at the start of `span`.
    pub fn at(&self, span: &Range<usize>, message: impl Into<String>) -> Problem {
        let (line, column) = self.line_column(span.start);
        Problem {
            file: self.file.to_owned(),
            line,
            column,
            message: message.into(),
        }
    }

    /// A problem for the file as a whole.
    pub fn whole_file(&self, message: impl Into<String>) -> Problem {
        Problem {
            file: self.file.to_owned(),
            line: 0,
            column: 0,
            message: message.into(),
        }
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line_index = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line_index];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line_index + 1, column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_lines_and_character_columns() {
        let loc = Locator::new("f.toml", "a = 1\nb = \"é\" x\n");
        assert_eq!(loc.line_column(0), (1, 1));
        assert_eq!(loc.line_column(4), (1, 5));
        assert_eq!(loc.line_column(6), (2, 1));
        // "é" is two bytes but one column.
        assert_eq!(loc.line_column(6 + 4 + 3), (2, 7));
        assert_eq!(loc.line_column(10_000), (3, 1));
    }

    #[test]
    fn display_names_file_line_and_column() {
        let loc = Locator::new("d/devices.toml", "x\ny = 2\n");
        let p = loc.at(&(2..3), "bad");
        assert_eq!(p.to_string(), "d/devices.toml:2:1: bad");
        assert_eq!(loc.whole_file("gone").to_string(), "d/devices.toml: gone");
    }
}
