//! Drawing the explorer: `impl Widget for &App`. Nothing here changes state.

mod bignum;
pub(crate) mod chart;
pub(crate) mod chart_axis;
mod chart_band;
pub(crate) mod chart_pane;
mod chart_series;
pub(crate) mod chart_stack;
mod header;
mod help;
mod overlays;
mod present;
mod sliders;
mod table;
mod tornado;

use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH, ScreenLayout};
use crate::tui::state::app::{App, Focus};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(layout) = ScreenLayout::new(area) else {
            too_small(area, buf);
            return;
        };
        if self.ui.presenting.is_some() {
            present::render(self, area, buf);
            if self.help() {
                help::overlay(self, area, buf);
            }
            return;
        }
        header::render(self, layout.header, buf);
        sliders::render(self, layout.sliders, buf);
        match &self.insight.tornado {
            Some(view) => tornado::render(self, view, layout.chart, buf),
            None => chart::render(self, layout.chart, buf),
        }
        table::render(self, layout.table, buf);
        help::key_bar(self, layout.keybar, buf);
        if self.help() {
            help::overlay(self, area, buf);
        }
        overlays::render(self, area, buf);
        if let Some(problems) = &self.ui.data_problems {
            overlays::data_problems(self, area, problems, buf);
        }
    }
}

/// A bordered panel whose border shows focus.
pub(crate) fn panel<'a>(app: &App, focus: Focus, title: Line<'a>) -> Block<'a> {
    let focused = app.ui.focus == focus;
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused {
            app.ui.theme.focus_border()
        } else {
            app.ui.theme.border()
        })
        .title(title)
}

/// The message shown when the terminal is below 80x24; it fits any size (clipped at 1x1).
/// `first`, then each group that still fits in `width` whole, in order: a readout or a key
/// hint is shown entire or not at all (a cut "turn 2" reads like a year).
pub(super) fn whole_groups<'a>(
    first: Vec<Span<'a>>,
    groups: Vec<Vec<Span<'a>>>,
    width: u16,
) -> Line<'a> {
    let mut spans = first;
    let mut used: usize = spans.iter().map(Span::width).sum();
    for group in groups {
        let w: usize = group.iter().map(Span::width).sum();
        if used + w > usize::from(width) {
            break;
        }
        used += w;
        spans.extend(group);
    }
    Line::from(spans)
}

/// A key hint of a key bar: the key, then what it does.
pub(super) fn key_hint<'a>(t: crate::tui::Theme, key: &'a str, what: &str) -> Vec<Span<'a>> {
    vec![
        Span::styled(key, t.key()),
        Span::styled(format!(" {what}  "), t.dim()),
    ]
}

fn too_small(area: Rect, buf: &mut Buffer) {
    let text = format!(
        "terminal too small: need {MIN_WIDTH}x{MIN_HEIGHT}, have {}x{}. Enlarge the window, or press q to quit.",
        area.width, area.height
    );
    let height = 3.min(area.height);
    let y = area.y + area.height.saturating_sub(height) / 2;
    Paragraph::new(text)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .style(Style::new())
        .render(Rect::new(area.x, y, area.width, height), buf);
}
