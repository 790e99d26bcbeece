//! The one-line text prompt (the save dialog's name): a small line editor over characters,
//! so that wide and multi-byte names (Korean, accents) edit as people expect.

use crate::tui::input::message::Edit;

/// Longest name accepted, in characters.
pub const MAX_CHARS: usize = 60;

/// Byte offset of character `i` in `s` (the end when `i` is past it).
fn byte_at(s: &str, i: usize) -> usize {
    s.char_indices().nth(i).map_or(s.len(), |(b, _)| b)
}

/// Inserts `c` at the cursor (control characters and overlong names refused).
pub fn insert(text: &mut String, cursor: &mut usize, c: char) {
    if c.is_control() || text.chars().count() >= MAX_CHARS {
        return;
    }
    text.insert(byte_at(text, *cursor), c);
    *cursor += 1;
}

/// Deletes the character before the cursor.
pub fn backspace(text: &mut String, cursor: &mut usize) {
    if *cursor == 0 {
        return;
    }
    *cursor -= 1;
    let at = byte_at(text, *cursor);
    text.remove(at);
}

/// Applies a line-editing key.
pub fn edit(text: &mut String, cursor: &mut usize, key: Edit) {
    let len = text.chars().count();
    *cursor = (*cursor).min(len);
    match key {
        Edit::Left => *cursor = cursor.saturating_sub(1),
        Edit::Right => *cursor = (*cursor + 1).min(len),
        Edit::Home => *cursor = 0,
        Edit::End => *cursor = len,
        Edit::Delete => {
            if *cursor < len {
                let at = byte_at(text, *cursor);
                text.remove(at);
            }
        }
        Edit::ClearToStart => {
            let at = byte_at(text, *cursor);
            text.replace_range(..at, "");
            *cursor = 0;
        }
        Edit::DeleteWord => {
            let chars: Vec<char> = text.chars().collect();
            let mut start = *cursor;
            while start > 0 && chars[start - 1].is_whitespace() {
                start -= 1;
            }
            while start > 0 && !chars[start - 1].is_whitespace() {
                start -= 1;
            }
            let (a, b) = (byte_at(text, start), byte_at(text, *cursor));
            text.replace_range(a..b, "");
            *cursor = start;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(start: &str, cursor: usize, keys: &[Edit]) -> (String, usize) {
        let (mut t, mut c) = (start.to_owned(), cursor);
        for k in keys {
            edit(&mut t, &mut c, *k);
        }
        (t, c)
    }

    #[test]
    fn line_editing() {
        assert_eq!(
            run("hello world", 11, &[Edit::DeleteWord]),
            ("hello ".into(), 6)
        );
        assert_eq!(
            run("hello world", 11, &[Edit::ClearToStart]),
            ("".into(), 0)
        );
        assert_eq!(run("ab", 2, &[Edit::Home, Edit::Delete]), ("b".into(), 0));
        assert_eq!(run("ab", 0, &[Edit::End, Edit::Left]), ("ab".into(), 1));
        let (mut t, mut c) = ("스마트".to_owned(), 1);
        insert(&mut t, &mut c, '폰');
        assert_eq!((t.as_str(), c), ("스폰마트", 2));
        backspace(&mut t, &mut c);
        assert_eq!((t.as_str(), c), ("스마트", 1));
        insert(&mut t, &mut c, '\u{1b}');
        assert_eq!(t, "스마트", "control characters are refused");
    }
}
