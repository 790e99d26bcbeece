//! What a slider step does to the chart: it must be visible at a glance, where the projection
//! is, at every usual terminal size.

mod common;

use common::{app, draw, index, send, text};
use memcycle::tui::Message;
use memcycle::tui::Theme;
use memcycle::tui::layout::ScreenLayout;
use memcycle::tui::state::app::ChartKind;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;

/// The chart panel's inside, the column of the y axis (found from the axis corner `└` of the
/// lowest pane) and the column of the base-year label.
fn plot_and_base(buf: &Buffer, chart: Rect, base: &str) -> (Rect, u16, u16) {
    let inner = Rect::new(chart.x + 1, chart.y + 1, chart.width - 2, chart.height - 2);
    let row_text = |y: u16| -> String {
        (inner.x..inner.right())
            .map(|x| buf[(x, y)].symbol().to_owned())
            .collect()
    };
    let axis_row = (inner.y..inner.bottom())
        .rev()
        .find(|y| row_text(*y).contains('└'))
        .expect("an x axis");
    let axis_col = (inner.x..inner.right())
        .find(|x| buf[(*x, axis_row)].symbol() == "└")
        .expect("the axis corner");
    let labels = row_text(axis_row + 1);
    let at = labels.find(base).expect("the base year labelled") as u16;
    (inner, axis_col, inner.x + at + 2)
}

/// A second step of the smartphone cycle (the first one opens the change pane) changes at
/// least `min` cells right of the y axes, all in the projection years.
///
/// On the stacked area alone a step is all but invisible: it moves the total by about 1%, at
/// 80x24 a twentieth of a braille dot of a 150 EB axis (one cell changed). The change pane
/// plots the % change against the baseline of the total and of the selected segment, on an axis
/// that holds a fifth of the slider's plausible range each way from its default (here +-15%),
/// so it stays still while the slider moves and each step moves the lines. A step moves the
/// smartphone line by 3-4 points in the first projected years, fading to about 1 point by the
/// horizon, and the total by about a third of that: on the pane's 4 dot rows per cell, that is
/// about one cell per line in the early years and less later. The floors are about three
/// quarters of what this build measures (6, 43, 82 cells; 10, 57, 96 before devices answered
/// memory prices, which damps a step: fewer phones make memory cheaper, so the others keep
/// more of it) and above the 14, 19 and 30 cells of the whole chart (legend included) that
/// one step changed before the change pane.
#[test]
fn a_slider_step_shows_in_the_projection_years() {
    for (w, h, min) in [(80, 24, 5), (120, 40, 32), (160, 48, 62)] {
        let mut a = app(w, h);
        a = a.with_theme(Theme::new(true, Marker::Braille));
        let i = index(&a, "smartphone.replacement_cycle");
        send(&mut a, &[Message::SelectIndex(i), Message::Step(1)]);
        let before = draw(&a);
        send(&mut a, &[Message::Step(1)]);
        let after = draw(&a);
        let chart = ScreenLayout::new(Rect::new(0, 0, w, h))
            .expect("layout")
            .chart;
        let (inside, axis_col, base_col) = plot_and_base(&before, chart, "2025");
        let changed: Vec<(u16, u16)> = inside
            .positions()
            .filter(|p| p.x > axis_col && before[(p.x, p.y)] != after[(p.x, p.y)])
            .map(|p| (p.x, p.y))
            .collect();
        assert!(
            changed.len() >= min,
            "{w}x{h}: {} cells changed, want at least {min}",
            changed.len()
        );
        assert!(
            changed.iter().all(|(x, _)| *x >= base_col),
            "{w}x{h}: a change left of the base year (column {base_col}): {changed:?}"
        );
        eprintln!("{w}x{h}: {} cells changed", changed.len());
    }
}

/// The first step opens the change pane: under the stacked area where there is room, in its
/// place (named in the legend, with the height it needs) where there is not.
#[test]
fn the_first_step_opens_the_change_pane() {
    for (w, h, both) in [(80, 24, false), (120, 40, true), (160, 48, true)] {
        let mut a = app(w, h);
        let i = index(&a, "smartphone.replacement_cycle");
        send(&mut a, &[Message::SelectIndex(i)]);
        let screen = common::text(&draw(&a));
        assert!(!screen.contains("DRAM demand change"), "{w}x{h}: {screen}");
        send(&mut a, &[Message::Step(1)]);
        let screen = common::text(&draw(&a));
        assert!(
            screen.contains("DRAM demand change (% vs baseline)")
                && screen.contains("DRAM demand (EB)") == both
                && screen.contains("▲ DRAM demand at") != both,
            "{w}x{h}: {screen}"
        );
    }
}

/// Unpublished history years (supply before 2020) are gaps, not points at the top of the axis
/// (NaN used to be drawn there as a line along the top row of the supply/demand pane).
#[test]
fn unpublished_years_leave_gaps() {
    let mut a = app(120, 40);
    send(
        &mut a,
        &[Message::Chart(
            memcycle::tui::state::app::ChartKind::Balance,
        )],
    );
    let screen = common::text(&draw(&a));
    let top = screen
        .lines()
        .find(|l| l.contains("│150│"))
        .unwrap_or_else(|| panic!("the supply pane's top row:\n{screen}"));
    let plot = top.split("│150│").nth(1).unwrap_or_default();
    // The first third of the plot is 2015-2021: demand there is far below 150 EB.
    let early: String = plot.chars().take(plot.chars().count() / 3).collect();
    assert!(early.trim().is_empty(), "drawn at the top: {top}");
}

/// Every chart after one step of the smartphone cycle, at the three usual sizes (the chart
/// panel only: the rest of the screen has its own snapshots).
#[test]
fn every_chart_after_one_step() {
    use memcycle::tui::state::app::ChartKind;
    for (w, h) in [(80, 24), (120, 40), (160, 48)] {
        for kind in ChartKind::ALL {
            let mut a = app(w, h);
            let i = index(&a, "smartphone.replacement_cycle");
            send(
                &mut a,
                &[
                    Message::SelectIndex(i),
                    Message::Step(1),
                    Message::Chart(kind),
                ],
            );
            let buf = draw(&a);
            let chart = ScreenLayout::new(Rect::new(0, 0, w, h))
                .expect("layout")
                .chart;
            let panel: String = (chart.y..chart.bottom())
                .map(|y| {
                    let row: String = (chart.x..chart.right())
                        .map(|x| buf[(x, y)].symbol().replace('\u{a0}', " "))
                        .collect();
                    row + "\n"
                })
                .collect();
            insta::assert_snapshot!(format!("chart_{}_{w}x{h}", kind.key()), panel);
        }
    }
}

/// Without colour (NO_COLOR) the segment lines of charts 3 and 4 are told apart by their
/// marker, and the legend shows each one's glyph (they were all `■` and all braille).
#[test]
fn without_colour_segments_differ_by_marker() {
    let mut a = app(120, 40);
    send(
        &mut a,
        &[Message::Chart(
            memcycle::tui::state::app::ChartKind::InstalledBase,
        )],
    );
    let screen = common::text(&draw(&a));
    assert!(
        screen.contains("⣿ Smartphones ▚ PCs ▄ Tablets █ Servers"),
        "{screen}"
    );
    assert!(
        screen.contains('▚') || screen.contains('▞') || screen.contains('▀'),
        "{screen}"
    );
}

/// `--marker halfblock` and `--marker dot` draw no braille anywhere on the charts: the fill
/// between baseline and line and the selected segment's outline used braille whatever the
/// marker (about 50 cells on charts 1-2).
#[test]
fn other_markers_draw_no_braille() {
    for marker in [Marker::HalfBlock, Marker::Dot] {
        for chart in [
            ChartKind::Dram,
            ChartKind::Nand,
            ChartKind::Balance,
            ChartKind::Price,
        ] {
            let mut a = app(120, 40).with_theme(Theme::new(true, marker));
            let i = index(&a, "smartphone.replacement_cycle");
            send(
                &mut a,
                &[
                    Message::Chart(chart),
                    Message::SelectIndex(i),
                    Message::Step(3),
                ],
            );
            let screen = text(&draw(&a));
            let braille = screen
                .chars()
                .filter(|c| ('\u{2800}'..='\u{28FF}').contains(c))
                .count();
            assert_eq!(braille, 0, "{marker:?} {chart:?}:\n{screen}");
        }
    }
}

/// Without colour every segment of the stacked area has its own shade: with four shades for
/// six segments, smartphones and AI servers were both `█`, PCs and Other both `▓`.
#[test]
fn without_colour_every_stacked_segment_has_its_own_shade() {
    let a = app(160, 48);
    let screen = text(&draw(&a));
    let legend = screen
        .lines()
        .find(|l| l.contains("Smartphones") && l.contains("Other"))
        .expect("the legend line");
    let mut shades: Vec<char> = [
        "Smartphones",
        "PCs",
        "Tablets",
        "Servers",
        "AI servers",
        "Other",
    ]
    .iter()
    .map(|name| {
        let at = legend.find(&format!(" {name}")).expect("named");
        legend[..at]
            .chars()
            .last()
            .expect("a shade before the name")
    })
    .collect();
    shades.sort_unstable();
    shades.dedup();
    assert_eq!(shades.len(), 6, "{legend}");
}

/// The stacked area's projected total is one solid line on the stack's top (issue 20 item 3):
/// in every column of the projection the highest mark is the total in the terminal's
/// foreground, as a half block with nothing above it in its cell, and a segment's colour right
/// under it. Drawn as a separate line it rounded apart from the stack and alternated above
/// and below the top segment: a white/blue checkerboard at 160x48.
#[test]
fn the_stacked_total_is_one_line_on_the_stack() {
    use ratatui::style::Color;
    for (w, h) in [(120, 40), (160, 48)] {
        let a = app(w, h).with_theme(Theme::new(true, Marker::Braille));
        let buf = draw(&a);
        let chart = ScreenLayout::new(Rect::new(0, 0, w, h))
            .expect("layout")
            .chart;
        let (inside, axis_col, _) = plot_and_base(&buf, chart, "2025");
        let axis_row = (inside.y..inside.bottom())
            .rev()
            .find(|y| buf[(axis_col, *y)].symbol() == "└")
            .expect("axis");
        // The graph's top row: the first under the legend with the y axis beside it.
        let top_row = (inside.y..axis_row)
            .find(|y| buf[(axis_col, *y)].symbol() == "│")
            .expect("y axis");
        let labels: String = (inside.x..inside.right())
            .map(|x| buf[(x, axis_row + 1)].symbol().to_owned())
            .collect();
        // From the 2027 label to the 2035 one: projection years, clear of the cursor and the
        // base-year marker.
        let column = |year: &str| inside.x + labels.find(year).expect("labelled") as u16;
        let (from, to) = (column("2027") + 2, column("2035"));
        let segment = |c: Color| !matches!(c, Color::Reset | Color::DarkGray);
        for x in from..to {
            let (y, top) = (top_row..axis_row)
                .map(|y| (y, &buf[(x, y)]))
                .find(|(_, c)| c.symbol() != " ")
                .expect("a mark in the column");
            let at = format!("column {x}, row {y} at {w}x{h}: {top:?}");
            assert_eq!(top.fg, Color::Reset, "the total on top, {at}");
            match top.symbol() {
                "▀" => assert!(
                    segment(top.bg) || segment(buf[(x, y + 1)].fg),
                    "a segment right under the total, {at}"
                ),
                "▄" => {
                    assert_eq!(top.bg, Color::Reset, "nothing above the total, {at}");
                    assert!(segment(buf[(x, y + 1)].fg), "a segment under it, {at}");
                }
                _ => panic!("the total as a half block, {at}"),
            }
        }
    }
}

/// A stacked segment too thin for a half cell in some year is not drawn there, and the chart
/// says so and where to read it (issue 20 item 3): at 80x24 the history years hold six
/// segments in two or three half cells (at 160x48 still four or five); at 300x100 every
/// segment has room and nothing is said.
#[test]
fn thin_segments_are_named_when_not_drawn() {
    for (w, h, said) in [(80, 24, true), (160, 48, true), (300, 100, false)] {
        let a = app(w, h).with_theme(Theme::new(true, Marker::Braille));
        let screen = text(&draw(&a));
        assert_eq!(
            screen.contains("thin segments"),
            said,
            "at {w}x{h}:\n{screen}"
        );
    }
}
