//! The header: scenario, selected year and live readouts.

use super::super::app::App;
use crate::cli::fixed;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// Readout of one total in the selected year: value, year-on-year change, and the change vs the
/// baseline when the scenario differs.
fn readout<'a>(
    app: &App,
    name: &'a str,
    values: &[f64],
    base_values: &[f64],
    big: bool,
) -> Vec<Span<'a>> {
    let t = app.theme;
    let p = &app.projection;
    let Some(i) = p.index(app.year) else {
        return vec![];
    };
    let v = values[i];
    let decimals = if v >= 100.0 {
        0
    } else if v >= 10.0 {
        1
    } else {
        2
    };
    let value_style = if big {
        t.title()
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    };
    let mut spans = vec![
        Span::styled(format!("{name} "), t.dim()),
        Span::styled(format!("{} EB", fixed(v, decimals)), value_style),
    ];
    if let Some(prev) = i.checked_sub(1).map(|j| values[j]).filter(|p| *p > 0.0) {
        let pct = (v / prev - 1.0) * 100.0;
        spans.push(Span::styled(
            format!(" {:+.1}% y/y", pct),
            if pct >= 0.0 { t.up() } else { t.down() },
        ));
    }
    if app.is_modified()
        && let Some(b) = app.baseline.index(app.year).map(|j| base_values[j])
        && b > 0.0
    {
        let d = v - b;
        spans.push(Span::styled(
            format!(
                "  Δ {}{} EB ({:+.1}%) vs baseline",
                if d >= 0.0 { "+" } else { "" },
                fixed(d, decimals),
                (v / b - 1.0) * 100.0
            ),
            t.modified(),
        ));
    }
    spans
}

/// Draws the header.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let p = &app.projection;
    let modified = app.is_modified();
    let period = if app.year <= p.base_year {
        "history"
    } else {
        "projection"
    };
    let mut title = vec![
        Span::styled(" memcycle ", t.title()),
        Span::styled("│ ", t.dim()),
        Span::styled(
            app.scenario.clone(),
            Style::new().add_modifier(Modifier::BOLD),
        ),
    ];
    if modified {
        title.push(Span::styled(" *modified", t.modified()));
    }
    title.extend([
        Span::styled(" │ ", t.dim()),
        Span::styled("[", t.key()),
        Span::styled(
            format!("{}", app.year),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::styled("]", t.key()),
        Span::styled(
            format!(" {period} │ history to {} → {}", p.base_year, p.horizon),
            t.dim(),
        ),
    ]);
    let big = area.height >= 4;
    let dram = readout(
        app,
        "DRAM",
        &p.total_dram_eb,
        &app.baseline.total_dram_eb,
        big,
    );
    let nand = readout(
        app,
        "NAND",
        &p.total_nand_eb,
        &app.baseline.total_nand_eb,
        big,
    );
    let mut lines = vec![Line::from(title)];
    if big {
        lines.push(Line::default());
    }
    lines.push(Line::from([vec![Span::raw(" ")], dram].concat()));
    lines.push(Line::from([vec![Span::raw(" ")], nand].concat()));
    Paragraph::new(lines).render(area, buf);
}
