//! The header: scenario, selected year and live readouts.

use super::super::app::App;
use super::whole_groups;
use crate::backtest::SeriesScore;
use crate::format::fixed;
use crate::model::Memory;
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
    let t = app.ui.theme;
    let p = &app.projection;
    let Some(i) = p.index(app.ui.year) else {
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
            format!(" {pct:+.1}% y/y"),
            if pct >= 0.0 { t.up() } else { t.down() },
        ));
    }
    if app.is_modified()
        && let Some(b) = app.baseline.index(app.ui.year).map(|j| base_values[j])
        && b > 0.0
    {
        let d = v - b;
        spans.push(Span::styled(
            format!(
                "  Δ {}{} EB ({:+.1}%) vs base",
                if d >= 0.0 { "+" } else { "" },
                fixed(d, decimals),
                (v / b - 1.0) * 100.0
            ),
            t.modified(),
        ));
    }
    spans
}

/// The market readout of one memory in the selected year: sufficiency ratio, regime and the
/// year the price turns.
fn market<'a>(app: &App, m: Memory) -> Vec<Span<'a>> {
    let t = app.ui.theme;
    let (Some(mk), Some(i)) = (&app.projection.market, app.projection.index(app.ui.year)) else {
        return vec![];
    };
    let mp = mk.memory(m);
    let regime = mp.regime[i];
    let turn = mp
        .turn_year
        .map_or_else(|| "none".to_owned(), |y| y.to_string());
    vec![
        Span::styled("  │ SR ", t.dim()),
        Span::styled(
            crate::format::percent_or_na(mp.sufficiency_pct[i], 1),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::styled(
            format!(" {}", regime.as_str()),
            t.regime(regime).add_modifier(Modifier::BOLD),
        ),
        Span::styled(" │ turn ", t.dim()),
        Span::styled(turn, Style::new().add_modifier(Modifier::BOLD)),
    ]
}

/// The inventory cover that decides the regime, where there is room for it ("SR +10.3%
/// balanced" read as a contradiction without it: cover, not the ratio, sets the regime).
fn cover<'a>(app: &App, m: Memory) -> Option<Vec<Span<'a>>> {
    let (mk, i) = (
        app.projection.market.as_ref()?,
        app.projection.index(app.ui.year)?,
    );
    let weeks = mk.memory(m).inventory_weeks[i];
    weeks.is_finite().then(|| {
        vec![
            Span::styled(" │ cover ", app.ui.theme.dim()),
            Span::styled(
                format!("{weeks:.1} wk"),
                Style::new().add_modifier(Modifier::BOLD),
            ),
        ]
    })
}

/// With uncertainty bands on (and drawn for the current sliders): the share of draws in which
/// the memory's supply falls short of demand in the selected year.
fn shortage<'a>(app: &App, m: Memory) -> Option<Vec<Span<'a>>> {
    let p = app
        .insight
        .current_bands(&app.params)?
        .p_shortage(m, app.ui.year)?;
    let t = app.ui.theme;
    Some(vec![
        Span::styled(format!(" │ P(short {}) ", app.ui.year), t.dim()),
        Span::styled(
            format!("{:.0}%", p * 100.0),
            Style::new().add_modifier(Modifier::BOLD),
        ),
    ])
}

/// In backtest mode, on each memory's line: the mean absolute percentage error of its bits and
/// revenue against what was observed, live, each with its skill in brackets (the error over
/// the better of the naive and drift forecasts: below 1 the settings beat both).
fn backtest<'a>(app: &App, scores: &[SeriesScore], m: Memory) -> Vec<Vec<Span<'a>>> {
    if scores.is_empty() {
        return vec![];
    }
    let error = |name: String| {
        scores.iter().find(|s| s.series == name).map_or_else(
            || "-".to_owned(),
            |s| match s.skill() {
                Some(k) => format!("{:.0}% ({k:.2})", s.mape()),
                None => format!("{:.0}%", s.mape()),
            },
        )
    };
    vec![
        vec![
            Span::styled(" │ error (skill) bits ", app.ui.theme.dim()),
            Span::styled(error(format!("{}_eb", m.id())), app.ui.theme.modified()),
        ],
        vec![
            Span::styled(" rev ", app.ui.theme.dim()),
            Span::styled(
                error(format!("{}_revenue", m.id())),
                app.ui.theme.modified(),
            ),
        ],
        price_direction(app, m),
        rolling_halves(app, m),
    ]
}

/// The defaults' rolling skill of the memory's bits from the earlier and the later half of the
/// base years up to the one on screen (`backtest --rolling`'s last two columns): whether the
/// skill holds over time. Empty with fewer than two base years.
fn rolling_halves<'a>(app: &App, m: Memory) -> Vec<Span<'a>> {
    let Some(r) = &app.insight.rolling else {
        return vec![];
    };
    let [early, late] = r.bits[usize::from(m == Memory::Nand)]
        .map(|k| k.map_or_else(|| "-".to_owned(), |k| format!("{k:.2}")));
    let label = |o: &std::ops::RangeInclusive<crate::units::Year>| {
        format!("{}-{:02}", o.start() % 100, o.end() % 100)
    };
    vec![
        Span::styled(
            format!(" │ rolling {} ", label(&r.halves[0])),
            app.ui.theme.dim(),
        ),
        Span::styled(early, app.ui.theme.modified()),
        Span::styled(format!(" {} ", label(&r.halves[1])), app.ui.theme.dim()),
        Span::styled(late, app.ui.theme.modified()),
    ]
}

/// Whether the price per bit moved the way the settings said, in the first and the second
/// projected year: `✓` right, `✗` wrong, `·` nothing observed to say.
fn price_direction<'a>(app: &App, m: Memory) -> Vec<Span<'a>> {
    let marks: String =
        crate::backtest::rolling::price_directions(&app.setup.data, &app.projection, m)
            .iter()
            .map(|d| match d {
                Some(true) => '✓',
                Some(false) => '✗',
                None => '·',
            })
            .collect();
    vec![
        Span::styled(" price 1-2y ", app.ui.theme.dim()),
        Span::styled(marks, app.ui.theme.modified()),
    ]
}

/// Draws the header.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.ui.theme;
    let p = &app.projection;
    let estimated = app.setup.data.is_estimate_year(app.ui.year)
        && app.ui.year <= app.setup.data.last_year_with_data();
    let period = if app.ui.year > p.base_year && estimated {
        "projection · est"
    } else if app.ui.year > p.base_year {
        "projection"
    } else if p.current_year.is_some_and(|c| app.ui.year >= c) {
        "estimate"
    } else {
        "history"
    };
    let mut title = vec![
        Span::styled(" memcycle ", t.title()),
        Span::styled("│ ", t.dim()),
        Span::styled(
            app.session.scenario.clone(),
            Style::new().add_modifier(Modifier::BOLD),
        ),
    ];
    if app.is_edited() {
        title.push(Span::styled(" *modified", t.modified()));
    }
    if app.is_backtest() {
        title.push(Span::styled(
            format!(" │ Backtest from {}", p.base_year),
            t.modified(),
        ));
    }
    title.extend([
        Span::styled(" │ ", t.dim()),
        Span::styled("[", t.key()),
        Span::styled(
            format!("{}", app.ui.year),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::styled("]", t.key()),
        Span::styled(
            format!(" {period} │ {} → {}", p.history_label(), p.horizon),
            t.dim(),
        ),
    ]);
    let big = area.height >= 4;
    // In history years the industry's figures, as in the table.
    let dram = readout(
        app,
        "DRAM",
        &p.reported_dram(),
        &app.baseline.reported_dram(),
        big,
    );
    let nand = readout(
        app,
        "NAND",
        &p.reported_nand(),
        &app.baseline.reported_nand(),
        big,
    );
    let mut lines = vec![Line::from(title)];
    if big {
        lines.push(Line::default());
    }
    // Scored once for both lines: it compares the whole projection with the data.
    let scores = app.backtest_scores();
    for (m, readout) in [(Memory::Dram, dram), (Memory::Nand, nand)] {
        let mut groups = vec![market(app, m)];
        groups.extend(shortage(app, m));
        groups.extend(backtest(app, &scores, m));
        groups.extend(cover(app, m));
        lines.push(whole_groups(
            [vec![Span::raw(" ")], readout].concat(),
            groups,
            area.width,
        ));
    }
    Paragraph::new(lines).render(area, buf);
}
