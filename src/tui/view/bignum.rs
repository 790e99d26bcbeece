//! Large digits for readouts a room can read: a 3x5 block font.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Rows of a glyph, `#` for a filled cell.
fn glyph(c: char) -> Option<[&'static str; 5]> {
    Some(match c {
        '0' => ["###", "# #", "# #", "# #", "###"],
        '1' => [" # ", "## ", " # ", " # ", "###"],
        '2' => ["###", "  #", "###", "#  ", "###"],
        '3' => ["###", "  #", " ##", "  #", "###"],
        '4' => ["# #", "# #", "###", "  #", "  #"],
        '5' => ["###", "#  ", "###", "  #", "###"],
        '6' => ["###", "#  ", "###", "# #", "###"],
        '7' => ["###", "  #", "  #", " # ", " # "],
        '8' => ["###", "# #", "###", "# #", "###"],
        '9' => ["###", "# #", "###", "  #", "###"],
        '.' => ["   ", "   ", "   ", "   ", " # "],
        '-' => ["   ", "   ", "###", "   ", "   "],
        '+' => ["   ", " # ", "###", " # ", "   "],
        '%' => ["# #", "  #", " # ", "#  ", "# #"],
        ' ' => ["   ", "   ", "   ", "   ", "   "],
        _ => return None,
    })
}

/// Display width of `text` in the big font (characters without a glyph are skipped).
pub fn width(text: &str) -> u16 {
    text.chars().filter(|c| glyph(*c).is_some()).count() as u16 * 4
}

/// Whether every character of `text` has a big glyph.
pub fn fits(text: &str) -> bool {
    text.chars().all(|c| glyph(c).is_some())
}

/// Height of the big font.
pub const HEIGHT: u16 = 5;

/// Draws `text` in the big font at the top-left of `area`, clipped to it.
pub fn render(text: &str, area: Rect, style: Style, buf: &mut Buffer) {
    let mut x = area.x;
    for rows in text.chars().filter_map(glyph) {
        for (dy, row) in rows.iter().enumerate() {
            let y = area.y + dy as u16;
            if y >= area.bottom() {
                break;
            }
            for (dx, cell) in row.chars().enumerate() {
                let cx = x + dx as u16;
                if cell == '#' && cx < area.right() {
                    buf.set_string(cx, y, "█", style);
                }
            }
        }
        x += 4;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_render_as_blocks() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 5));
        render("1.5", Rect::new(0, 0, 12, 5), Style::new(), &mut buf);
        assert_eq!(buf[(1, 0)].symbol(), "█");
        assert_eq!(buf[(5, 4)].symbol(), "█");
        assert_eq!(width("-12.5%"), 24);
        assert_eq!(width("EB"), 0);
    }
}
