//! The key bar and the help overlay.

use super::super::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

/// Every key, grouped, as (keys, what they do). The help overlay lists them all.
pub const KEYS: &[(&str, &[(&str, &str)])] = &[
    (
        "Sliders",
        &[
            ("↑ ↓  k j", "select a slider"),
            ("← →  h l", "step the selected slider"),
            ("H L  PgUp PgDn", "large step (a tenth of the range)"),
            ("Home End", "minimum / maximum"),
            ("r", "reset the selected slider"),
            ("R", "reset all sliders"),
        ],
    ),
    (
        "Charts and years",
        &[
            ("1 2 3 4", "DRAM, NAND, shipments, installed base"),
            ("[ ]", "previous / next year"),
            ("b", "show / hide the baseline"),
            ("v", "view: absolute / change / % vs baseline"),
            ("Tab Shift-Tab", "move focus: sliders, chart, table"),
        ],
    ),
    (
        "Mouse",
        &[
            ("click / drag a bar", "set a slider"),
            ("wheel over a slider", "step it"),
            ("click a chart tab", "show that chart"),
        ],
    ),
    (
        "General",
        &[
            ("?", "this help"),
            ("Esc", "close help"),
            ("q  Ctrl-C", "quit"),
        ],
    ),
];

/// The bottom line of key hints.
pub fn key_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let hints = [
        ("q", "quit"),
        ("?", "help"),
        ("↑↓", "select"),
        ("←→", "adjust"),
        ("[ ]", "year"),
        ("1-4", "chart"),
        ("b", "baseline"),
        ("v", "view"),
        ("r/R", "reset"),
        ("Tab", "focus"),
    ];
    let mut spans = vec![Span::raw(" ")];
    for (k, what) in hints {
        spans.push(Span::styled(k, t.key()));
        spans.push(Span::styled(format!(" {what}  "), t.dim()));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// The help overlay, centred.
pub fn overlay(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let mut lines = Vec::new();
    for (group, keys) in KEYS {
        lines.push(Line::from(Span::styled(
            *group,
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )));
        for (k, what) in *keys {
            lines.push(Line::from(vec![
                Span::styled(format!("  {k:<21}"), t.key()),
                Span::raw(*what),
            ]));
        }
    }
    lines.push(Line::from(Span::styled(
        "Esc or ? closes this help",
        t.dim(),
    )));
    let height = (lines.len() as u16 + 2).min(area.height);
    let width = 72.min(area.width);
    let r = area.centered(Constraint::Length(width), Constraint::Length(height));
    Clear.render(r, buf);
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .border_type(BorderType::Double)
                .title(Span::styled(" Keys ", t.title()))
                .border_style(t.focus_border()),
        )
        .render(r, buf);
}
