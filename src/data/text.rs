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
    }
}
