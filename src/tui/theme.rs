//! Colours and text styles, with a monochrome variant for `NO_COLOR`.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;

/// Styles of the explorer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Whether colour is used (false under `NO_COLOR`).
    pub color: bool,
    /// Chart marker (`--marker`).
    pub marker: Marker,
    /// Colours for a light background (projectors with white screens): the light and yellow
    /// shades made dark enough to read on white.
    pub light: bool,
}

/// Distinct colours for segments, in data order.
const SEGMENT_COLORS: [Color; 8] = [
    Color::Cyan,
    Color::Yellow,
    Color::Green,
    Color::Magenta,
    Color::LightRed,
    Color::Blue,
    Color::LightGreen,
    Color::LightYellow,
];

/// Pin colours, distinct from `SEGMENT_COLORS`.
pub const PIN_COLORS: [Color; 3] = [
    Color::Indexed(208),
    Color::Indexed(213),
    Color::Indexed(180),
];

impl Theme {
    /// A theme; `color` false gives a monochrome one.
    pub fn new(color: bool, marker: Marker) -> Self {
        Self {
            color,
            marker,
            light: false,
        }
    }

    /// The same theme for a light background.
    pub fn with_light(mut self, light: bool) -> Self {
        self.light = light;
        self
    }

    /// The shade of `c` that reads on a white background (xterm 256-colour indices).
    fn for_light(c: Color) -> Color {
        match c {
            Color::Yellow => Color::Indexed(130),
            Color::LightYellow => Color::Indexed(136),
            Color::Cyan => Color::Indexed(30),
            Color::LightCyan | Color::LightBlue => Color::Indexed(25),
            Color::Green | Color::LightGreen => Color::Indexed(28),
            Color::LightMagenta | Color::Magenta => Color::Indexed(127),
            Color::LightRed => Color::Indexed(124),
            other => other,
        }
    }

    /// Honours the `NO_COLOR` convention (set and not empty means no colour).
    pub fn from_env(marker: Marker) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self::new(!no_color, marker)
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(if self.light { Self::for_light(c) } else { c })
        } else {
            Style::new()
        }
    }

    /// Ordinary text.
    pub fn text(self) -> Style {
        Style::new()
    }

    /// Secondary text (units, hints, history).
    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// Titles and headings.
    pub fn title(self) -> Style {
        self.fg(Color::LightCyan).add_modifier(Modifier::BOLD)
    }

    /// The selected row or item: reversed, so it shows without colour.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The border of the focused panel.
    pub fn focus_border(self) -> Style {
        self.fg(Color::LightCyan).add_modifier(Modifier::BOLD)
    }

    /// The border of other panels.
    pub fn border(self) -> Style {
        self.dim()
    }

    /// A key in the key bar or help.
    pub fn key(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// A rise.
    pub fn up(self) -> Style {
        self.fg(Color::Green)
    }

    /// A fall.
    pub fn down(self) -> Style {
        self.fg(Color::LightRed)
    }

    /// A value changed from the baseline.
    pub fn modified(self) -> Style {
        self.fg(Color::LightMagenta).add_modifier(Modifier::BOLD)
    }

    /// The total line in charts: the terminal's own foreground, bold, so it reads on dark and
    /// light backgrounds alike (a fixed white vanished on a light projector screen).
    pub fn total(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The baseline ghost in charts.
    pub fn baseline(self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// Segment `i`'s colour.
    pub fn segment(self, i: usize) -> Style {
        self.fg(SEGMENT_COLORS[i % SEGMENT_COLORS.len()])
    }

    /// The plausible range on a slider track: drawn with its own glyph (`═`) in the terminal's
    /// foreground, which a light grey was not on light backgrounds.
    pub fn plausible(self) -> Style {
        Style::new()
    }

    /// The filled part of a slider track.
    pub fn fill(self) -> Style {
        self.fg(Color::Cyan)
    }

    /// Pinned scenario `k` in compare mode: orange, pink and tan from the 256-colour palette,
    /// none of them a segment's colour or the cursor's (the legend names each pin, so they read
    /// without colour too).
    pub fn pinned(self, k: usize) -> Style {
        self.fg(PIN_COLORS[k % PIN_COLORS.len()])
            .add_modifier(Modifier::BOLD)
    }

    /// The year cursor on charts: the terminal's own foreground, not a segment colour.
    pub fn cursor(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// A market regime in the strip under the market charts.
    pub fn regime(self, r: crate::model::Regime) -> Style {
        match r {
            crate::model::Regime::Tight => self.fg(Color::LightRed),
            crate::model::Regime::Balanced | crate::model::Regime::Unpublished => self.dim(),
            crate::model::Regime::Glut => self.fg(Color::LightBlue),
        }
    }

    /// Marks history (as opposed to projection).
    pub fn history(self) -> Style {
        self.dim()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_light_theme_darkens_what_white_would_swallow() {
        let dark = Theme::new(true, Marker::Braille);
        let light = dark.with_light(true);
        assert_eq!(dark.key().fg, Some(Color::Yellow));
        assert_eq!(light.key().fg, Some(Color::Indexed(130)));
        assert_eq!(
            light.segment(1).fg,
            Some(Color::Indexed(130)),
            "yellow segment"
        );
        assert_eq!(light.dim().fg, dark.dim().fg, "grey reads on both");
    }

    /// The hue of a named colour, light and dark alike (magenta and light magenta look alike
    /// on a projector); `None` for palette colours.
    fn hue(c: Color) -> Option<&'static str> {
        Some(match c {
            Color::Red | Color::LightRed => "red",
            Color::Green | Color::LightGreen => "green",
            Color::Yellow | Color::LightYellow => "yellow",
            Color::Blue | Color::LightBlue => "blue",
            Color::Magenta | Color::LightMagenta => "magenta",
            Color::Cyan | Color::LightCyan => "cyan",
            _ => return None,
        })
    }

    #[test]
    fn pins_never_share_a_colour_with_a_segment() {
        for pin in PIN_COLORS {
            assert!(!SEGMENT_COLORS.contains(&pin), "{pin:?}");
            if let Some(h) = hue(pin) {
                assert!(
                    SEGMENT_COLORS.iter().all(|s| hue(*s) != Some(h)),
                    "{pin:?} looks like a segment"
                );
            }
        }
        let t = Theme::new(true, Marker::Braille);
        assert!(
            (0..SEGMENT_COLORS.len()).all(|i| t.segment(i).fg != t.cursor().fg),
            "the cursor is no segment's colour"
        );
    }
}
