//! The slider panel: every parameter grouped by segment, each as a label/value line and a bar.

use crate::format::truncate;
use crate::params::ParamSpec;
use crate::tui::layout::{SliderLine, bar_track, inner, slider_lines};
use crate::tui::state::app::{App, Focus};
use crate::tui::view::panel;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// Column of the track at which value `v` sits.
fn column(track: Rect, spec: &ParamSpec, v: f64) -> u16 {
    let span = (spec.max - spec.min).max(f64::MIN_POSITIVE);
    let f = ((v - spec.min) / span).clamp(0.0, 1.0);
    track.x + (f * f64::from(track.width.saturating_sub(1))).round() as u16
}

/// Draws one slider bar: track (plausible range heavier), default tick and knob.
fn bar(app: &App, index: usize, track: Rect, buf: &mut Buffer) {
    let (spec, value) = (&app.specs()[index], app.value(index));
    if track.width < 3 {
        return;
    }
    let t = app.ui.theme;
    let (lo, hi) = (
        column(track, spec, spec.low),
        column(track, spec, spec.high),
    );
    let knob = column(track, spec, value);
    let default = column(track, spec, spec.default);
    for x in track.x..track.right() {
        let plausible = (lo..=hi).contains(&x);
        let (symbol, mut style) = if plausible {
            ("═", t.plausible())
        } else {
            ("─", t.dim())
        };
        if x < knob {
            style = style.patch(t.fill());
        }
        buf.set_string(x, track.y, symbol, style);
    }
    buf.set_string(default, track.y, "┆", t.text().add_modifier(Modifier::BOLD));
    let knob_style = if app.is_changed(index) {
        t.modified()
    } else {
        t.text()
    };
    buf.set_string(knob, track.y, "█", knob_style.add_modifier(Modifier::BOLD));
}

/// Draws the panel.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.ui.theme;
    let changed = (0..app.specs().len())
        .filter(|i| app.is_changed(*i))
        .count();
    let mut title = vec![Span::styled(" Sliders ", t.title())];
    if changed > 0 {
        title.push(Span::styled(format!("{changed} changed "), t.modified()));
    }
    panel(app, Focus::Sliders, Line::from(title)).render(area, buf);
    let area = inner(area);
    let lines = slider_lines(app);
    let visible = lines
        .iter()
        .skip(app.ui.slider_scroll)
        .take(usize::from(area.height));
    for (row, line) in visible.enumerate() {
        let y = area.y + row as u16;
        let row_area = Rect::new(area.x, y, area.width, 1);
        match *line {
            SliderLine::Group(first) => {
                let name = &app.specs()[first].group;
                Paragraph::new(Line::from(vec![
                    Span::styled("▾ ", t.dim()),
                    Span::styled(
                        name.clone(),
                        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                    ),
                ]))
                .render(row_area, buf);
            }
            SliderLine::Label(i) => {
                let spec = &app.specs()[i];
                let value = spec.show(app.value(i));
                let selected = i == app.ui.selected;
                let marker = if selected { "▶ " } else { "  " };
                let mark = if app.is_changed(i) { "● " } else { "" };
                let room = usize::from(area.width)
                    .saturating_sub(marker.width() + value.width() + mark.width() + 1);
                let label = truncate(&spec.label, room);
                let gap = usize::from(area.width)
                    .saturating_sub(marker.width() + label.width() + mark.width() + value.width());
                let base = if selected { t.selected() } else { Style::new() };
                let value_style = if app.is_changed(i) {
                    base.patch(t.modified())
                } else {
                    base.add_modifier(Modifier::BOLD)
                };
                Paragraph::new(Line::from(vec![
                    Span::styled(marker, base),
                    Span::styled(label, base),
                    Span::styled(" ".repeat(gap), base),
                    Span::styled(mark, base.patch(t.modified())),
                    Span::styled(value, value_style),
                ]))
                .render(row_area, buf);
            }
            SliderLine::Bar(i) => bar(app, i, bar_track(row_area), buf),
        }
    }
    scroll_marks(app, lines.len(), area, buf);
}

/// Arrows on the border when more sliders lie above or below.
fn scroll_marks(app: &App, total: usize, area: Rect, buf: &mut Buffer) {
    let x = area.right().saturating_sub(1);
    if app.ui.slider_scroll > 0 && area.y > 0 {
        buf.set_string(x, area.y - 1, "▲", app.ui.theme.dim());
    }
    if app.ui.slider_scroll + usize::from(area.height) < total {
        buf.set_string(x, area.bottom(), "▼", app.ui.theme.dim());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_respects_display_width() {
        assert_eq!(truncate("Replacement cycle", 8), "Replace…");
        assert_eq!(truncate("스마트폰 교체", 5), "스마…");
        assert_eq!(truncate("PCs", 8), "PCs");
    }
}
