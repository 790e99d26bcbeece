//! The key bar and the help overlay (drawn from the key table in `keys`).

use crate::tui::input::context_keys::{Context, keys_for};
use crate::tui::input::keys::{BAR_ARROWS, GROUPS, Group, bar};
use crate::tui::input::message::Message;
use crate::tui::state::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// What the readouts, glyphs and chart marks mean: the help's second page (Tab), and under the
/// keys when the first page has room for the readouts (the first six).
pub const GLOSSARY: [(&str, &str); 21] = [
    ("SR", "(supply - demand) / demand, %; + is oversupply"),
    (
        "regime",
        "by cover: glut above 1.3 x target, tight below target / 1.3",
    ),
    ("price idx", "price per bit, base year = 100"),
    (
        "vs trend",
        "over cost trend, %: climbs, with a lag, while cover is short",
    ),
    (
        "turn",
        "first projected year the price rises 5%+ after a fall",
    ),
    (
        "error (skill)",
        "backtest MAPE (÷ the better of no-change and drift)",
    ),
    (
        "price 1-2y ✓✗",
        "backtest: price per bit moved the way projected, years 1-2",
    ),
    (
        "rolling",
        "backtest: bits skill of defaults, early/late base years",
    ),
    (
        "band: draws",
        "B: sliders drawn around their values; width fit on past years",
    ),
    (
        "band: past err.",
        "B again: the backtest's past errors laid around the line",
    ),
    (
        "inv. weeks",
        "supplier inventory, weeks of demand (target: see `market`)",
    ),
    (
        "┆ ═ █ ●",
        "slider: default, plausible range, value; ● changed",
    ),
    (
        "obs/est/model",
        "rows: industry figure, this year's estimate, model's rebuild",
    ),
    (
        "stacked area",
        "by segment; history: model split, industry total; thin: d",
    ),
    (
        "━ total",
        "heavy line; ┄ baseline; dots fill the gap between them",
    ),
    (
        "change pane",
        "% vs baseline; axis: a fifth of the slider's plausible span",
    ),
    (
        "outline",
        "selected slider's segment: edge outlined, name underlined",
    ),
    (
        "● on a chart",
        "after the base year: what happened, or this year's estimate",
    ),
    ("▄ █ regimes", "markets: one mark per year along the bottom"),
    ("◀ ▶ │ (T)", "tornado: output at plausible low, high; now"),
    ("P(short)", "share of band draws with supply below demand"),
];

/// How many glossary entries are readouts (shown on the keys page when it has room).
const READOUTS: usize = 6;

/// One glossary line.
fn glossary_line(t: crate::tui::theme::Theme, (term, meaning): (&str, &str)) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!(" {term:<15} "), t.key()),
        Span::raw(meaning.to_owned()),
    ])
}

/// The help's second page.
fn glossary(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.ui.theme;
    let mut lines: Vec<Line> = GLOSSARY.into_iter().map(|g| glossary_line(t, g)).collect();
    // The blank line before the footer goes first when rows run short (80x24), so the footer
    // that says how to leave stays.
    let rows_inside = usize::from(area.height.saturating_sub(2));
    if rows_inside > GLOSSARY.len() + 1 {
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled(
        format!(
            "{}: keys · {} closes this help",
            keys_for(Context::Help, Message::HelpPage),
            keys_for(Context::Help, Message::CloseOverlay)
        ),
        t.dim(),
    )));
    crate::tui::view::overlays::boxed(app, area, "Glossary", 96, lines, buf);
}

/// A message on the key bar; one too long for it takes the row above as well (over the
/// panels' bottom border) instead of being cut ("...no production cu"), and ends with "…" only
/// if two rows cannot hold it.
fn status_lines(text: &str, area: Rect, style: Style, buf: &mut Buffer) {
    let width = usize::from(area.width.saturating_sub(1)).max(1);
    let lines = crate::export::svg::wrap(text, width);
    let (first, rest) = match lines.as_slice() {
        [only] => (None, only.clone()),
        [a, b] if area.y > 0 => (Some(a.clone()), b.clone()),
        [a, b, ..] if area.y > 0 => {
            let mut b: String = b.chars().take(width.saturating_sub(1)).collect();
            b.push('…');
            (Some(a.clone()), b)
        }
        _ => (None, crate::format::truncate(text, width)),
    };
    if let Some(first) = first {
        let above = Rect::new(area.x, area.y - 1, area.width, 1);
        ratatui::widgets::Clear.render(above, buf);
        Paragraph::new(Line::from(Span::styled(format!(" {first}"), style))).render(above, buf);
    }
    Paragraph::new(Line::from(Span::styled(format!(" {rest}"), style))).render(area, buf);
}

/// The bottom line of key hints.
pub fn key_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.ui.theme;
    if let Some(status) = &app.ui.status {
        let style = if status.error {
            t.down().add_modifier(Modifier::BOLD)
        } else {
            t.up()
        };
        status_lines(&status.text, area, style, buf);
        return;
    }
    // The arrows do what the focused panel does with them.
    let arrows = BAR_ARROWS[match app.ui.focus {
        crate::tui::state::app::Focus::Sliders => 0,
        crate::tui::state::app::Focus::Chart => 1,
        crate::tui::state::app::Focus::Table => 2,
    }];
    let bar = bar();
    let hints = bar[..2].iter().chain(&arrows).chain(&bar[2..]).copied();
    // Whole hints only: the rest are in the help.
    let groups = hints
        .map(|(k, what)| crate::tui::view::key_hint(t, k, what))
        .collect();
    Paragraph::new(crate::tui::view::whole_groups(
        vec![Span::raw(" ")],
        groups,
        area.width,
    ))
    .render(area, buf);
}

/// The help overlay, centred.
pub fn overlay(app: &App, area: Rect, buf: &mut Buffer) {
    if app.ui.overlay == crate::tui::state::app::Overlay::Glossary {
        glossary(app, area, buf);
        return;
    }
    let t = app.ui.theme;
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
    let readouts = usize::from(area.height) >= lines.len() + READOUTS + 6;
    if readouts {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            "Readouts",
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )));
        lines.extend(GLOSSARY[..READOUTS].iter().map(|g| glossary_line(t, *g)));
    }
    lines.push(Line::default());
    let (tab, close) = (
        keys_for(Context::Help, Message::HelpPage),
        keys_for(Context::Help, Message::CloseOverlay),
    );
    // Where the readouts went when there was no room for them here.
    lines.push(Line::from(Span::styled(
        if readouts {
            format!("{tab}: glossary · {close} closes this help")
        } else {
            format!("{tab}: readouts (SR, regime, price, turn) and glossary · {close} closes")
        },
        t.dim(),
    )));
    crate::tui::view::overlays::boxed(app, area, "Keys", 78, lines, buf);
}
