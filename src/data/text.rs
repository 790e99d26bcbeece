//! Text from data files on its way to a terminal.

/// Removes control characters (escape sequences, bells, tabs, newlines) so that text from a
/// data file can never move the cursor or change the terminal's state. Newlines and tabs
/// become spaces so that words stay apart. Bidirectional overrides and zero-width characters
/// go too: they can make text read differently from what it is.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\t' | '\r' | '\u{2028}' | '\u{2029}' => Some(' '),
            c if c.is_control() || is_invisible(c) => None,
            c => Some(c),
        })
        .collect()
}

/// Where text stops being UTF-8: the 1-based line and column (in characters) of the first bad
/// byte, and the byte.
pub fn utf8_error_at(bytes: &[u8]) -> Option<(usize, usize, u8)> {
    let e = std::str::from_utf8(bytes).err()?;
    let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
    let line = good.matches('\n').count() + 1;
    let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some((line, column, bytes[e.valid_up_to()]))
}

/// Largest file memcycle reads: the built-in data files are about 90 kB each, so 8 MB leaves
/// room for any real data set while a runaway file is refused at once.
pub const MAX_FILE_BYTES: u64 = 8_000_000;

/// Why a text file was not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// The file cannot be read at all (missing, not a regular file, too large, refused).
    #[error("cannot read the file: {0}")]
    Unreadable(String),
    /// A byte that is not UTF-8, at its line and column.
    #[error("byte 0x{byte:02X} is not UTF-8; expected UTF-8 text")]
    NotUtf8 {
        /// Line of the byte, from 1.
        line: usize,
        /// Column of the byte, from 1.
        column: usize,
        /// The byte.
        byte: u8,
    },
}

impl TextError {
    /// Where in the file the problem is, when it is at a place in it.
    pub fn location(&self) -> Option<(usize, usize)> {
        match self {
            TextError::NotUtf8 { line, column, .. } => Some((*line, *column)),
            TextError::Unreadable(_) => None,
        }
    }
}

/// Reads a text file, locating invalid UTF-8.
pub fn read_text(path: &std::path::Path) -> Result<String, TextError> {
    let cannot = |e: String| TextError::Unreadable(e);
    // Follows symbolic links, so a broken or looping link is named here rather than skipped.
    let meta = std::fs::metadata(path).map_err(|e| cannot(e.to_string()))?;
    if !meta.is_file() {
        // A FIFO or a device would block or never end; a directory is not a file.
        return Err(cannot(
            "it is not a regular file; expected a TOML text file".into(),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        // A 52 MB data file froze the explorer for seconds and took 2 GB to parse.
        return Err(cannot(format!(
            "it is {} MB; expected a data, scenario or configuration file of at most {} MB",
            meta.len() / 1_000_000,
            MAX_FILE_BYTES / 1_000_000
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| cannot(e.to_string()))?;
    decode_text(bytes)
}

/// UTF-8 text from `bytes`, or the line and column of the first byte that is not UTF-8 (for
/// files and standard input alike).
pub fn decode_text(bytes: Vec<u8>) -> Result<String, TextError> {
    match utf8_error_at(&bytes) {
        Some((line, column, byte)) => Err(TextError::NotUtf8 { line, column, byte }),
        None => Ok(String::from_utf8(bytes).unwrap_or_default()),
    }
}

/// [`sanitize`] line by line, keeping the line breaks (for multi-line output).
pub fn sanitize_lines(text: &str) -> String {
    text.split('\n')
        .map(sanitize)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Bidirectional embeddings, overrides and isolates, zero-width characters and the byte-order
/// mark.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_removed() {
        assert_eq!(sanitize("PCs\u{1b}[31m red\u{7}"), "PCs[31m red");
        assert_eq!(sanitize("스마트폰\nline"), "스마트폰 line");
        assert_eq!(
            sanitize("abc\u{202E}def\u{200B}"),
            "abcdef",
            "bidi and zero-width"
        );
        assert_eq!(sanitize_lines("a\u{1b}]0;x\u{7}\nb"), "a]0;x\nb");
        assert_eq!(utf8_error_at(b"ok\nab\xffc"), Some((2, 3, 0xff)));
        assert_eq!(utf8_error_at("스마트폰".as_bytes()), None);
    }
}
