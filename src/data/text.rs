//! Text from data files on its way to a terminal.

/// Removes control characters (escape sequences, bells, tabs, newlines) so that text from a
/// data file can never move the cursor or change the terminal's state. Newlines and tabs
/// become spaces so that words stay apart.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\t' | '\r' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_removed() {
        assert_eq!(sanitize("PCs\u{1b}[31m red\u{7}"), "PCs[31m red");
        assert_eq!(sanitize("스마트폰\nline"), "스마트폰 line");
    }
}
