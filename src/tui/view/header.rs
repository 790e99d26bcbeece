//! The header: scenario, selected year and live readouts.

use crate::backtest::SeriesScore;
use crate::format::fixed;
use crate::model::Memory;
use crate::tui::state::app::App;
use crate::tui::view::whole_groups;
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

/// The market readout of one memory in the selected year, as groups kept whole on a narrow
/// screen: the sufficiency ratio with the inventory cover and the regime it decides, and the
/// year the price turns. The regime word sits after the cover because cover, not the ratio,
/// sets it ("SR +10.3% balanced" beside "SR +8.6% glut" read as a contradiction); a history
/// year with no published cover takes it from the ratio.
fn market<'a>(app: &App, m: Memory) -> Option<[Vec<Span<'a>>; 2]> {
    let t = app.ui.theme;
    let (mk, i) = (
        app.projection.market.as_ref()?,
        app.projection.index(app.ui.year)?,
    );
    let mp = mk.memory(m);
    let regime = mp.regime[i];
    let weeks = mp.inventory_weeks[i];
    let turn = mp
        .turn_year
        .map_or_else(|| "none".to_owned(), |y| y.to_string());
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut balance = vec![
        Span::styled("  │ SR ", t.dim()),
        Span::styled(crate::format::percent_or_na(mp.sufficiency_pct[i], 1), bold),
    ];
    if weeks.is_finite() {
        balance.extend([
            Span::styled(" │ cover ", t.dim()),
            Span::styled(format!("{weeks:.1} wk"), bold),
        ]);
    }
    balance.push(Span::styled(
        format!(" {}", regime.as_str()),
        t.regime(regime).add_modifier(Modifier::BOLD),
    ));
    let turn = vec![Span::styled(" │ turn ", t.dim()), Span::styled(turn, bold)];
    Some([balance, turn])
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
        // The year is the one in the title, as for every readout on the line.
        Span::styled(" │ P(short) ", t.dim()),
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
    ]
}

/// Backtest mode's second line (blank otherwise), which leaves the memory lines room for the
/// cover and the regime it decides: for each memory, whether the price per bit moved the way
/// the settings said in the first and second projected year (`✓` right, `✗` wrong, `·` nothing
/// observed), and the defaults' rolling skill of its bits from the earlier and the later half of
/// the base years up to the one on screen (`backtest --rolling`'s last two columns): whether
/// the skill holds over time.
fn backtest_summary<'a>(app: &App, width: u16) -> Line<'a> {
    let t = app.ui.theme;
    if !app.is_backtest() {
        return Line::default();
    }
    let rolling = app.insight.rolling.as_ref();
    let label = |o: &std::ops::RangeInclusive<crate::units::Year>| {
        format!("{}-{:02}", o.start() % 100, o.end() % 100)
    };
    let legend = match rolling {
        Some(r) => format!(
            " price 1-2y · bits skill rolling {}→{}",
            label(&r.halves[0]),
            label(&r.halves[1])
        ),
        None => " price 1-2y".to_owned(),
    };
    let groups = Memory::ALL
        .into_iter()
        .map(|m| {
            let marks: String =
                crate::backtest::rolling::price_directions(&app.setup.data, &app.projection, m)
                    .iter()
                    .map(|d| match d {
                        Some(true) => '✓',
                        Some(false) => '✗',
                        None => '·',
                    })
                    .collect();
            let mut g = vec![
                Span::styled(format!(" │ {} ", m.label()), t.dim()),
                Span::styled(marks, t.modified()),
            ];
            if let Some(r) = rolling {
                let [early, late] = r.bits[usize::from(m == Memory::Nand)]
                    .map(|k| k.map_or_else(|| "-".to_owned(), |k| format!("{k:.2}")));
                g.push(Span::styled(format!(" {early}→{late}"), t.modified()));
            }
            g
        })
        .collect();
    whole_groups(vec![Span::styled(legend, t.dim())], groups, width)
}

/// Draws the header.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let p = &app.projection;
    let big = area.height >= 4;
    let mut lines = vec![title_line(app)];
    if big {
        lines.push(backtest_summary(app, area.width));
    }
    // Scored once for both lines: it compares the whole projection with the data.
    let scores = app.backtest_scores();
    for m in Memory::ALL {
        // In history years the industry's figures, as in the table.
        let readout = readout(
            app,
            m.label(),
            &p.reported_series(m),
            &app.baseline.reported_series(m),
            big,
        );
        // In order of priority, since a narrow screen keeps the first groups that fit: the
        // balance and its regime, the shortage probability the user asked for with `B`, then
        // the turn and the backtest's errors.
        let [balance, turn] = market(app, m).unwrap_or_default();
        let mut groups = vec![balance];
        groups.extend(shortage(app, m));
        groups.push(turn);
        groups.extend(backtest(app, &scores, m));
        lines.push(whole_groups(
            [vec![Span::raw(" ")], readout].concat(),
            groups,
            area.width,
        ));
    }
    Paragraph::new(lines).render(area, buf);
}

/// The title line: the scenario (changed or not), backtest mode, the selected year and what
/// kind of year it is, and the years shown.
fn title_line(app: &App) -> Line<'static> {
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
    Line::from(title)
}
