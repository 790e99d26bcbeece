//! Presentation mode: for a room. One large chart, the scenario's title and description, and
//! big-number readouts; the sliders are hidden.

use crate::format::fixed;
use crate::model::Memory;
use crate::tui::input::context_keys::{Context, hints};
use crate::tui::state::app::App;
use crate::tui::view::{bignum, chart};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

/// One readout: a caption, a value (big when there is room) and a note, each caption and note
/// with a short form for narrow cards (labels are abbreviated, never cut).
struct Readout {
    caption: String,
    short_caption: String,
    value: String,
    unit: &'static str,
    note: String,
    short_note: String,
}

/// The full text when it fits the width, else the short one.
fn fitting<'a>(full: &'a str, short: &'a str, width: u16) -> &'a str {
    if full.chars().count() <= usize::from(width) {
        full
    } else {
        short
    }
}

fn readouts(app: &App) -> Vec<Readout> {
    let p = &app.projection;
    let Some(i) = p.index(app.ui.year) else {
        return Vec::new();
    };
    let vs_base = |v: f64, base: &[f64]| {
        app.baseline
            .index(app.ui.year)
            .map(|j| base[j])
            .filter(|b| *b > 0.0)
            .map_or_else(String::new, |b| {
                format!("{:+.1}% vs base", (v / b - 1.0) * 100.0)
            })
    };
    // Each memory's demand in the year, against the baseline's (NAND in whole EB).
    let mut out: Vec<Readout> = Memory::ALL
        .into_iter()
        .map(|m| {
            let name = m.label();
            let v = p.reported_eb(m, i);
            let note = vs_base(v, &app.baseline.reported_series(m));
            Readout {
                caption: format!("{name} demand {}", app.ui.year),
                short_caption: format!("{name} {}", app.ui.year),
                value: fixed(v, usize::from(m == Memory::Dram)),
                unit: "EB",
                short_note: note.clone(),
                note,
            }
        })
        .collect();
    if let Some(m) = &p.market {
        let d = m.memory(Memory::Dram);
        let (regime, weeks) = (d.regime[i].as_str(), d.inventory_weeks[i]);
        // The cover beside the regime word, since cover decides it.
        let (note, short_note) = if weeks.is_finite() {
            (
                format!("{regime} · cover {weeks:.1} wk"),
                format!("{regime} {weeks:.1} wk"),
            )
        } else {
            (regime.to_owned(), regime.to_owned())
        };
        out.push(Readout {
            caption: format!("DRAM sufficiency {}", app.ui.year),
            short_caption: format!("DRAM SR {}", app.ui.year),
            value: crate::format::percent_or_na(d.sufficiency_pct[i], 1),
            unit: "",
            note,
            short_note,
        });
        let turn = |m: Memory| m_turn(app, m);
        out.push(Readout {
            caption: "DRAM price turns up".into(),
            short_caption: "DRAM turn".into(),
            value: turn(Memory::Dram),
            unit: "",
            note: format!("NAND: {}", turn(Memory::Nand)),
            short_note: format!("NAND: {}", turn(Memory::Nand)),
        });
    }
    out
}

fn m_turn(app: &App, m: Memory) -> String {
    app.projection
        .market
        .as_ref()
        .and_then(|mk| mk.memory(m).turn_year)
        .map_or_else(|| "none".to_owned(), |y| y.to_string())
}

/// Draws presentation mode over the whole screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let big = area.height >= 34 && area.width >= 120;
    let readout_height = if big { bignum::HEIGHT + 3 } else { 4 };
    // The description is what the room reads: give it the lines it needs (word wrap can take
    // a few more than the character count suggests), up to a quarter of the screen.
    let chars = app.session.description.chars().count() as u16;
    let wanted = chars.div_ceil(area.width.saturating_sub(8).max(1)) + 1;
    // One more line for the scenario's sources, so the room sees where its numbers come from.
    let sources_line = u16::from(!app.session.sources.is_empty());
    let description_height = wanted.clamp(2, (area.height / 4).max(5)) + sources_line;
    let [title, description, numbers, chart_area, footer] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(description_height),
        Constraint::Length(readout_height),
        Constraint::Min(0),
        Constraint::Length(1),
    ]));
    title_line(app, title, buf);
    description_and_sources(app, description, sources_line, buf);
    readout_cards(app, numbers, big, buf);
    chart::render(app, chart_area, buf);
    footer_line(app, footer, buf);
}

/// The deck position, the scenario's name and whether it was changed.
fn title_line(app: &App, title: Rect, buf: &mut Buffer) {
    let t = app.ui.theme;
    let (position, total) = (
        app.ui.presenting.map_or(0, |i| i + 1),
        app.session.deck.len(),
    );
    Paragraph::new(Line::from(vec![
        Span::styled(format!(" {position}/{total} "), t.dim()),
        Span::styled(
            format!("{} ", app.session.scenario),
            t.title().add_modifier(Modifier::BOLD),
        ),
        Span::styled(if app.is_edited() { "*modified" } else { "" }, t.modified()),
    ]))
    .render(title, buf);
}

/// The scenario's description, and its sources on the last line when it has some.
fn description_and_sources(app: &App, description: Rect, sources_line: u16, buf: &mut Buffer) {
    let t = app.ui.theme;
    let text = if app.session.description.is_empty() {
        "(no description)".to_owned()
    } else {
        app.session.description.clone()
    };
    let [description, sources] = description.layout(&Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(sources_line),
    ]));
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .block(Block::new().padding(ratatui::widgets::Padding::horizontal(1)))
        .render(description, buf);
    if sources_line > 0 {
        let line = format!("Sources: {}", app.session.sources.join("; "));
        let width = usize::from(sources.width.saturating_sub(2));
        Paragraph::new(Span::styled(crate::format::truncate(&line, width), t.dim())).render(
            Rect {
                x: sources.x + 1,
                width: sources.width.saturating_sub(1),
                ..sources
            },
            buf,
        );
    }
}

/// The readouts as cards, their values in big digits when there is room.
fn readout_cards(app: &App, numbers: Rect, big: bool, buf: &mut Buffer) {
    let t = app.ui.theme;
    let cells = readouts(app);
    let columns = Layout::horizontal(vec![
        Constraint::Ratio(1, cells.len().max(1) as u32);
        cells.len().max(1)
    ])
    .split(numbers);
    for (r, cell) in cells.iter().zip(columns.iter()) {
        // Borders and a space either side of the caption; borders and a margin for the note.
        let caption = fitting(&r.caption, &r.short_caption, cell.width.saturating_sub(4));
        let note = fitting(&r.note, &r.short_note, cell.width.saturating_sub(3)).to_owned();
        let block = Block::bordered()
            .border_style(t.border())
            .title(Span::styled(format!(" {caption} "), t.dim()));
        let inner = block.inner(*cell);
        block.render(*cell, buf);
        if big && bignum::fits(&r.value) && bignum::width(&r.value) + 3 <= inner.width {
            bignum::render(
                &r.value,
                Rect::new(
                    inner.x + 1,
                    inner.y,
                    inner.width.saturating_sub(1),
                    bignum::HEIGHT,
                ),
                t.title(),
                buf,
            );
            let after = inner.x + 1 + bignum::width(&r.value);
            buf.set_stringn(
                after,
                inner.y + bignum::HEIGHT - 1,
                r.unit,
                usize::from(inner.right().saturating_sub(after)),
                t.title(),
            );
            buf.set_stringn(
                inner.x + 1,
                inner.y + bignum::HEIGHT,
                &note,
                usize::from(inner.width.saturating_sub(1)),
                t.modified(),
            );
        } else {
            Paragraph::new(vec![
                Line::from(Span::styled(
                    format!("{} {}", r.value, r.unit),
                    t.title().add_modifier(Modifier::BOLD),
                )),
                Line::from(Span::styled(note, t.modified())),
            ])
            .render(
                Rect::new(
                    inner.x + 1,
                    inner.y,
                    inner.width.saturating_sub(1),
                    inner.height,
                ),
                buf,
            );
        }
    }
}

/// The presenter's keys, the next reveal first.
fn footer_line(app: &App, footer: Rect, buf: &mut Buffer) {
    let t = app.ui.theme;
    let mut spans = vec![Span::raw(" ")];
    // Predict, then reveal: the next hidden year comes first.
    if let Some(shown) = app.ui.revealed {
        spans.extend(crate::tui::view::key_hint(
            t,
            "o",
            &format!("reveals {}", shown + 1),
        ));
    }
    for (k, what) in hints(Context::Presentation) {
        spans.extend(crate::tui::view::key_hint(t, k, what));
    }
    Paragraph::new(Line::from(spans))
        .style(Style::new())
        .render(footer, buf);
}
