//! The key bar and the help overlay (drawn from the key table in `keys`).

use super::super::app::App;
use super::super::keys::{BAR, BAR_ARROWS, GROUPS, Group};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// What the readouts mean, shown under the keys when the help has room.
pub const GLOSSARY: [(&str, &str); 6] = [
    (
        "SR",
        "sufficiency: (supply - demand) / demand; + is oversupply (restocking counts)",
    ),
    (
        "regime",
        "by inventory cover: glut above 1.3 x target, tight below target / 1.3",
    ),
    (
        "price idx",
        "price per bit, base year = 100; falls along its cost trend when balanced",
    ),
    (
        "vs trend",
        "price over that trend: above 0 when cover is short (tight)",
    ),
    ("turn", "first projected year the price rises after a fall"),
    (
        "error (skill)",
        "backtest: MAPE vs observed (÷ the better of no-change and drift)",
    ),
];

/// The bottom line of key hints.
pub fn key_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    if let Some(status) = &app.status {
        let style = if status.error {
            t.down().add_modifier(Modifier::BOLD)
        } else {
            t.up()
        };
        Paragraph::new(Line::from(Span::styled(format!(" {}", status.text), style)))
            .render(area, buf);
        return;
    }
    // The arrows do what the focused panel does with them.
    let arrows = BAR_ARROWS[match app.focus {
        super::super::app::Focus::Sliders => 0,
        super::super::app::Focus::Chart => 1,
        super::super::app::Focus::Table => 2,
    }];
    let hints = BAR[..2].iter().chain(&arrows).chain(&BAR[2..]).copied();
    // Whole hints only: the rest are in the help.
    let groups = hints.map(|(k, what)| super::key_hint(t, k, what)).collect();
    Paragraph::new(super::whole_groups(
        vec![Span::raw(" ")],
        groups,
        area.width,
    ))
    .render(area, buf);
}

/// The help overlay, centred.
pub fn overlay(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let column = |groups: &[Group]| -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        for (group, rows) in groups {
            lines.push(Line::from(Span::styled(
                *group,
                Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            )));
            for r in *rows {
                lines.push(Line::from(vec![
                    Span::styled(format!(" {:<15} ", r.keys), t.key()),
                    Span::raw(r.what),
                ]));
            }
        }
        lines
    };
    let (left, right) = (column(GROUPS[0]), column(GROUPS[1]));
    let mut lines: Vec<Line> = (0..left.len().max(right.len()))
        .map(|i| {
            let l = left.get(i).cloned().unwrap_or_default();
            let pad = 38usize.saturating_sub(l.width());
            let mut spans = l.spans;
            spans.push(Span::raw(" ".repeat(pad)));
            spans.extend(right.get(i).cloned().unwrap_or_default().spans);
            Line::from(spans)
        })
        .collect();
    let glossary = GLOSSARY.len() + 2;
    if usize::from(area.height) >= lines.len() + glossary + 4 {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            "Readouts",
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )));
        for (term, meaning) in GLOSSARY {
            lines.push(Line::from(vec![
                Span::styled(format!(" {term:<15} "), t.key()),
                Span::raw(meaning),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Esc or ? closes this help",
        t.dim(),
    )));
    super::overlays::boxed(app, area, "Keys", 78, lines, buf);
}
