//! Overlays for scenarios: the picker, the save prompt, the overwrite question and the card of
//! what changed.

use crate::format::{Align, pad, truncate};
use crate::tui::input::context_keys::{Context, hint_line, hints};
use crate::tui::state::app::{App, Overlay};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

/// The problems of data edited on disk, over the last good data, until the file is fixed.
pub(super) fn data_problems(app: &App, area: Rect, problems: &[String], buf: &mut Buffer) {
    let mut lines: Vec<Line> = problems.iter().map(|p| Line::from(p.clone())).collect();
    lines.push(Line::from(Span::styled(
        "showing the last good data; this goes when the file is fixed",
        app.ui.theme.dim(),
    )));
    boxed(app, area, "Data problems", 78, lines, buf);
}

/// A prompt's input line: the label, the text with a cursor mark at `cursor` (in characters).
fn prompt_line<'a>(app: &App, label: &'a str, input: &str, cursor: usize) -> Line<'a> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    Line::from(vec![
        Span::raw(label),
        Span::styled(input.chars().take(cursor).collect::<String>(), bold),
        Span::styled("▏", app.ui.theme.key()),
        Span::styled(input.chars().skip(cursor).collect::<String>(), bold),
    ])
}

/// A centred, bordered box of `lines`, `width` wide at most.
pub(super) fn boxed(
    app: &App,
    area: Rect,
    title: &str,
    width: u16,
    lines: Vec<Line<'_>>,
    buf: &mut Buffer,
) {
    let width = width.min(area.width);
    // Rows the lines take once wrapped to the box's inner width.
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
    let height = u16::try_from(rows + 2).unwrap_or(u16::MAX).min(area.height);
    let r = area.centered(Constraint::Length(width), Constraint::Length(height));
    Clear.render(r, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .border_type(BorderType::Double)
                .border_style(app.ui.theme.focus_border())
                .title(Span::styled(format!(" {title} "), app.ui.theme.title())),
        )
        .render(r, buf);
}

/// The `i` card of slider `index`: meaning, values, how the default was set, the data behind
/// it with sources, and why the plausible range is what it is.
fn info_card(app: &App, index: usize, area: Rect, buf: &mut Buffer) {
    let t = app.ui.theme;
    let Some(spec) = app.specs().get(index) else {
        return;
    };
    let data = &app.setup.data;
    let e = crate::params::explain(data, &app.setup.catalog, index);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let between = |lo: f64, hi: f64| format!("{} to {}", spec.show(lo), spec.show(hi));
    let mut lines = vec![
        Line::from(e.meaning.clone()),
        Line::from(vec![
            Span::styled("now ", t.dim()),
            Span::styled(spec.show(app.value(index)), bold),
            Span::styled("   default ", t.dim()),
            Span::raw(spec.show(spec.default)),
            Span::styled("   plausible ", t.dim()),
            Span::raw(between(spec.low, spec.high)),
            Span::styled("   slider ", t.dim()),
            Span::raw(between(spec.min, spec.max)),
        ]),
        Line::from(vec![
            Span::styled("default: ", t.dim()),
            Span::raw(e.derivation.clone()),
        ]),
    ];
    if let Some(name) = &e.series {
        lines.push(Line::from(Span::styled(
            format!("data up to {} ({name}):", app.setup.catalog.base_year()),
            t.dim(),
        )));
        // The latest figures, as many as fit.
        let room = usize::from(area.height)
            .saturating_sub(lines.len() + 8)
            .max(3);
        let skip = e.points.len().saturating_sub(room);
        for p in e.points.iter().skip(skip) {
            lines.push(Line::from(vec![
                Span::raw(format!(
                    "  {}  {:>10}  ",
                    p.year,
                    crate::format::fixed(p.value, 2)
                )),
                Span::styled(
                    crate::data::sanitize(&crate::params::cite(data, &p.source)),
                    t.dim(),
                ),
                Span::styled(if p.estimate { "  estimate" } else { "" }, t.modified()),
            ]));
        }
    }
    if let Some(note) = &e.range_note {
        lines.push(Line::from(vec![
            Span::styled("plausible range: ", t.dim()),
            Span::raw(note.clone()),
        ]));
    }
    lines.push(Line::from(Span::styled(
        format!(
            "{} · `memcycle sources ID` shows a source in full",
            hint_line(Context::Info)
        ),
        t.dim(),
    )));
    let title = format!("{} · {}", spec.group, spec.label);
    boxed(
        app,
        area,
        &title,
        area.width.saturating_sub(4).min(110),
        lines,
        buf,
    );
}

/// Width of the scenario picker.
const PICKER_WIDTH: u16 = 76;

/// Draws whichever scenario overlay is open.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    match &app.ui.overlay {
        Overlay::Picker { entries, selected } => picker(app, area, entries, *selected, buf),
        Overlay::Seek { input, cursor } => seek_prompt(app, area, input, *cursor, buf),
        Overlay::Save {
            input,
            cursor,
            description,
            description_cursor,
            on_description,
        } => save_prompt(
            app,
            area,
            (input, *cursor),
            (description, *description_cursor),
            *on_description,
            buf,
        ),
        Overlay::Info(index) => info_card(app, *index, area, buf),
        Overlay::Problems { title, lines } => problems(app, area, title, lines, buf),
        Overlay::ConfirmQuit => confirm_quit(app, area, buf),
        Overlay::ConfirmOverwrite { name, .. } => confirm_overwrite(app, area, name, buf),
        Overlay::Changes => changes(app, area, buf),
        Overlay::None | Overlay::Help | Overlay::Glossary => {}
    }
}

/// Scenario picker: one row per scenario, the selected one marked, kept in view.
fn picker(
    app: &App,
    area: Rect,
    entries: &[crate::scenario::Entry],
    selected: usize,
    buf: &mut Buffer,
) {
    let t = app.ui.theme;
    let dim = t.dim();
    let rows = crate::tui::layout::picker_rows(area.height);
    let first = selected.saturating_sub(rows.saturating_sub(1));
    // Columns that always fit the box: mark, id, name, tag, one space apart.
    let inner = usize::from(PICKER_WIDTH.min(area.width).saturating_sub(2));
    let tag_w = "saved".len();
    let id_w = entries
        .iter()
        .map(|e| unicode_width::UnicodeWidthStr::width(e.id.as_str()))
        .max()
        .unwrap_or(0)
        .min(inner / 3);
    let name_w = inner.saturating_sub(2 + id_w + 1 + 1 + tag_w);
    let mut lines: Vec<Line> = entries
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, e)| {
            let style = if i == selected {
                t.selected()
            } else {
                Style::new()
            };
            let mark = if i == selected { "▶ " } else { "  " };
            let tag = if e.builtin { "" } else { "saved" };
            Line::from(vec![
                Span::styled(mark, style),
                Span::styled(pad(&truncate(&e.id, id_w), id_w, Align::Left), style),
                Span::raw(" "),
                Span::styled(pad(&truncate(&e.name, name_w), name_w, Align::Left), style),
                Span::raw(" "),
                Span::styled(tag, dim),
            ])
        })
        .collect();
    lines.push(Line::from(Span::styled(
        truncate(&hint_line(Context::Picker), inner),
        dim,
    )));
    boxed(app, area, "Scenarios", PICKER_WIDTH, lines, buf);
}

/// The goal seek prompt: what is set, towards which output, the target typed so far.
fn seek_prompt(app: &App, area: Rect, input: &str, cursor: usize, buf: &mut Buffer) {
    let t = app.ui.theme;
    let output = app.insight.output_in(app.ui.year);
    let spec = &app.specs()[app.ui.selected];
    let lines = vec![
        Line::from(format!("Set {} ({}) so that", spec.label, spec.id)),
        Line::from(format!("{} =", output.label())),
        prompt_line(app, "Target: ", input, cursor),
        Line::from(Span::styled(
            format!(
                "searched from {} to {} (its plausible range)",
                crate::format::fixed(spec.low, 2),
                crate::format::fixed(spec.high, 2)
            ),
            t.dim(),
        )),
        Line::from(Span::styled(hint_line(Context::Seek), t.dim())),
    ];
    boxed(app, area, "Goal seek", 64, lines, buf);
}

/// The save prompt: name and description, where typing goes, and where the file goes.
fn save_prompt(
    app: &App,
    area: Rect,
    (input, cursor): (&str, usize),
    (description, description_cursor): (&str, usize),
    on_description: bool,
    buf: &mut Buffer,
) {
    let t = app.ui.theme;
    let dim = t.dim();
    let dir = app
        .session
        .store
        .dir
        .as_ref()
        .map_or_else(|| "(no directory)".to_owned(), |d| d.display().to_string());
    // The cursor shows which field typing goes to.
    let field = |label: &'static str, text: &str, at: usize, active: bool| {
        if active {
            prompt_line(app, label, text, at)
        } else {
            Line::from(vec![Span::raw(label), Span::raw(text.to_owned())])
        }
    };
    let lines = vec![
        field("Name: ", input, cursor, !on_description),
        field(
            "Description: ",
            description,
            description_cursor,
            on_description,
        ),
        Line::from(Span::styled(
            format!(
                "{} changed parameter(s) will be saved to {dir}",
                app.changed_overrides().len()
            ),
            dim,
        )),
        Line::from(Span::styled(hint_line(Context::Save), dim)),
    ];
    boxed(app, area, "Save scenario", 72, lines, buf);
}

/// Problems of a scenario or deck, each whole, over the unchanged settings.
fn problems(app: &App, area: Rect, title: &str, lines: &[String], buf: &mut Buffer) {
    let t = app.ui.theme;
    let dim = t.dim();
    let mut text: Vec<Line> = lines
        .iter()
        .map(|l| Line::from(Span::styled(l.clone(), t.down())))
        .collect();
    text.push(Line::default());
    text.push(Line::from(Span::styled(
        format!(
            "{} · the settings on screen are unchanged",
            hint_line(Context::Problems)
        ),
        dim,
    )));
    boxed(app, area, title, area.width.saturating_sub(4), text, buf);
}

/// The keys of `context` with what they do, the keys styled, separated by `gap`.
fn key_spans(t: Theme, context: Context, gap: &'static str) -> Vec<Span<'static>> {
    let hints = hints(context);
    let mut spans = Vec::new();
    for (k, (keys, what)) in hints.iter().enumerate() {
        spans.push(Span::styled(*keys, t.key()));
        if !what.is_empty() {
            spans.push(Span::raw(format!(" {what}")));
        }
        if k + 1 < hints.len() {
            spans.push(Span::raw(gap));
        }
    }
    spans
}

/// Asks before unsaved changes are lost.
fn confirm_quit(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.ui.theme;
    let lines = vec![
        Line::from(format!("\"{}\" has unsaved changes.", app.session.scenario)),
        Line::from(key_spans(t, Context::ConfirmQuit, "   ")),
    ];
    boxed(app, area, "Unsaved changes", 60, lines, buf);
}

/// Asks before a saved scenario is overwritten.
fn confirm_overwrite(app: &App, area: Rect, name: &str, buf: &mut Buffer) {
    let t = app.ui.theme;
    let lines = vec![
        Line::from(format!("A saved scenario \"{name}\" exists.")),
        Line::from(
            std::iter::once(Span::raw("Overwrite it? "))
                .chain(key_spans(t, Context::ConfirmOverwrite, " / "))
                .collect::<Vec<_>>(),
        ),
    ];
    boxed(app, area, "Overwrite?", 60, lines, buf);
}

/// What changed against the baseline, parameter by parameter.
fn changes(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.ui.theme;
    let dim = t.dim();
    let changed: Vec<usize> = (0..app.specs().len())
        .filter(|&i| app.is_changed(i))
        .collect();
    let mut lines = vec![Line::from(Span::styled(
        format!("{:<38}{:>13}{:>13}", "parameter", "baseline", "now"),
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
    ))];
    if changed.is_empty() {
        lines.push(Line::from("Nothing differs from the baseline."));
    }
    for i in changed {
        let s = &app.specs()[i];
        let name = truncate(&format!("{} · {}", s.group, s.label), 37);
        lines.push(Line::from(vec![
            Span::raw(format!("{name:<38}")),
            Span::styled(format!("{:>13}", s.show(s.default)), dim),
            Span::styled(format!("{:>13}", s.show(app.value(i))), t.modified()),
        ]));
    }
    lines.push(Line::from(Span::styled(hint_line(Context::Changes), dim)));
    boxed(
        app,
        area,
        &format!("What changed: {}", app.session.scenario),
        68,
        lines,
        buf,
    );
}
