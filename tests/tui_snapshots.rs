//! Rendered screens on ratatui's TestBackend, as insta snapshots (text), plus style checks where
//! style carries meaning.

mod common;

use common::{app, draw, index, send, text};
use memcycle::tui::Message;
use memcycle::tui::state::app::{ChartKind, ViewMode};
use ratatui::style::Modifier;

#[test]
fn default_screen_80x24() {
    insta::assert_snapshot!(text(&draw(&app(80, 24))));
}

#[test]
fn default_screen_120x40() {
    insta::assert_snapshot!(text(&draw(&app(120, 40))));
}

#[test]
fn help_overlay() {
    let mut a = app(80, 24);
    send(&mut a, &[Message::ToggleHelp]);
    insta::assert_snapshot!(text(&draw(&a)));
}

/// With room, the help explains the readouts too (SR, regime, price, turn, skill).
#[test]
fn help_explains_the_readouts_when_there_is_room() {
    let mut a = app(100, 40);
    send(&mut a, &[Message::ToggleHelp]);
    let screen = text(&draw(&a));
    assert!(
        screen.contains("SR              (supply - demand) / demand, %"),
        "{screen}"
    );
    assert!(screen.contains("by cover: glut above 1.3 x target"));
    let small = {
        let mut b = app(80, 24);
        send(&mut b, &[Message::ToggleHelp]);
        text(&draw(&b))
    };
    assert!(!small.contains("Readouts"), "no room at 80x24: {small}");
    assert!(
        small.contains("Tab: readouts (SR, regime, price, turn) and glossary"),
        "says where they are: {small}"
    );
}

/// Longer smartphone cycles: the header shows the change vs the baseline and the chart keeps
/// the baseline as a ghost with a legend entry.
#[test]
fn modified_scenario_with_baseline() {
    let mut a = app(120, 40);
    let i = index(&a, "smartphone.replacement_cycle");
    send(
        &mut a,
        &[Message::SelectIndex(i), Message::Step(6), Message::Year(2)],
    );
    let screen = text(&draw(&a));
    assert!(screen.contains("*modified"));
    assert!(screen.contains("Δ -") && screen.contains("vs base"));
    assert!(screen.contains("┄ baseline"));
    insta::assert_snapshot!(screen);
}

#[test]
fn shipments_split_and_percent_view() {
    let mut a = app(120, 40);
    let i = index(&a, "pc.replacement_cycle");
    send(
        &mut a,
        &[
            Message::SelectIndex(i),
            Message::Step(-5),
            Message::Chart(ChartKind::Shipments),
        ],
    );
    let screen = text(&draw(&a));
    assert!(screen.contains("PCs shipments = replacement + growth"));
    send(
        &mut a,
        &[
            Message::Chart(ChartKind::Dram),
            Message::CycleView,
            Message::CycleView,
        ],
    );
    assert_eq!(a.view(), ViewMode::Percent);
    insta::assert_snapshot!(text(&draw(&a)));
}

#[test]
fn too_small_screen_says_so_and_recovers() {
    let mut a = app(60, 20);
    let screen = text(&draw(&a));
    assert!(screen.contains("terminal too small: need 80x24, have 60x20"));
    insta::assert_snapshot!(screen);
    send(
        &mut a,
        &[Message::Resize(ratatui::layout::Size::new(80, 24))],
    );
    assert!(text(&draw(&a)).contains("Replacement cycle"));
}

#[test]
fn tiny_sizes_render_without_panic() {
    for (w, h) in [(1, 1), (20, 5)] {
        let a = app(w, h);
        let _ = draw(&a);
    }
    // Just below the minimum either way: the screen says so (flattened, as it wraps).
    for (w, h) in [(79, 24), (80, 23)] {
        let flat = text(&draw(&app(w, h))).replace('\n', "");
        assert!(flat.contains("terminal too small"), "{w}x{h}: {flat}");
        assert!(flat.contains(&format!("have {w}x{h}")), "{w}x{h}: {flat}");
    }
    let big = text(&draw(&app(200, 60)));
    assert!(!big.contains("too small") && big.contains("Replacement cycle"));
}

#[test]
fn selection_shows_without_colour() {
    let a = app(80, 24);
    let buf = draw(&a);
    // The selected slider's label row is reversed (visible under NO_COLOR).
    let row = (0..buf.area.height)
        .find(|&y| text_row(&buf, y).contains("▶ Replacement cycle"))
        .expect("selected row");
    let x = (0..buf.area.width)
        .find(|&x| buf[(x, row)].symbol() == "▶")
        .unwrap();
    assert!(
        buf[(x, row)]
            .style()
            .add_modifier
            .contains(Modifier::REVERSED)
    );
    // No colour is used at all.
    for cell in buf.content() {
        assert_eq!(
            cell.fg,
            ratatui::style::Color::Reset,
            "colour under NO_COLOR"
        );
    }
}

/// Korean labels (double-width) line up, and control characters in data never reach the
/// screen.
#[test]
fn korean_labels_line_up_and_control_characters_are_dropped() {
    use memcycle::setup::Setup;
    use memcycle::tui::App;
    use memcycle::tui::Theme;
    use memcycle::tui::update::update;
    let setup = Setup::load(Some(std::path::Path::new("tests/fixtures/korean")), None)
        .expect("korean fixture");
    let params = setup.catalog.baseline().clone();
    let mut a = App::new(
        setup,
        params,
        "기준",
        Theme::new(false, ratatui::symbols::Marker::Braille),
    );
    update(&mut a, Message::Resize(ratatui::layout::Size::new(100, 30)));
    let buf = draw(&a);
    assert!(
        buf.content()
            .iter()
            .all(|c| !c.symbol().contains('\u{1b}') && !c.symbol().contains('\u{7}'))
    );
    let screen = text(&buf);
    let widths: Vec<usize> = screen
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .collect();
    assert!(
        widths.iter().all(|w| *w == 100),
        "every row is exactly 100 columns: {widths:?}"
    );
    assert!(screen.contains("▾ 스마트폰"));
    assert!(screen.contains("서버 [31m빨강"));
    insta::assert_snapshot!(screen);
}

fn text_row(buf: &ratatui::buffer::Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_owned())
        .collect()
}

#[test]
fn market_charts_at_80x24_and_160x48() {
    let mut a = app(80, 24);
    send(&mut a, &[Message::Chart(ChartKind::Balance)]);
    let small = text(&draw(&a));
    assert!(small.contains("supply vs demand"), "{small}");
    assert!(small.contains("SR "));
    insta::assert_snapshot!("balance_80x24", small);
    let mut a = app(160, 48);
    send(&mut a, &[Message::Chart(ChartKind::Price)]);
    let large = text(&draw(&a));
    assert!(large.contains("DRAM revenue") && large.contains("DRAM price index"));
    insta::assert_snapshot!("price_160x48", large);
}

#[test]
fn backtest_mode_draws_observed_points() {
    let mut a = app(120, 40);
    send(&mut a, &[Message::ToggleBacktest]);
    let screen = text(&draw(&a));
    assert!(screen.contains("Backtest from"));
    assert!(
        screen.contains("error (skill) bits 13% (0.80) rev 18% (0.54)"),
        "{screen}"
    );
    assert!(screen.contains("● observed"));
    insta::assert_snapshot!(screen);
}

/// Legible on dark and light backgrounds alike: nothing on the main screen is drawn in a fixed
/// white, light grey or black foreground (the total line and the plausible range used to be
/// white and light grey, invisible on a light projector screen). Neutral elements use the
/// terminal's own foreground.
#[test]
fn no_fixed_white_or_black_foreground_on_any_chart() {
    use memcycle::tui::Theme;
    use ratatui::style::Color;
    use ratatui::symbols::Marker;
    let mut a = app(160, 48);
    a = a.with_theme(Theme::new(true, Marker::Braille));
    send(&mut a, &[Message::Step(3), Message::ToggleBacktest]);
    send(&mut a, &[Message::ToggleBacktest]);
    for kind in ChartKind::ALL {
        send(&mut a, &[Message::Chart(kind)]);
        let buf = draw(&a);
        for (i, cell) in buf.content.iter().enumerate() {
            assert!(
                !matches!(cell.fg, Color::White | Color::Gray | Color::Black),
                "{kind:?}: cell {i} ({:?}) in {:?}",
                cell.symbol(),
                cell.fg
            );
        }
    }
}

/// The year table opens on the projection: three history rows up to the base year, then as
/// many projected years as fit (all ten when the table has room, with more history above). It
/// used to open on 2013-2026 at 160x48: one projected row.
#[test]
fn the_year_table_opens_with_the_projection_in_view() {
    for (w, h, hist, proj) in [(80, 24, 3, 2), (160, 48, 4, 10)] {
        let screen = text(&draw(&app(w, h)));
        assert_eq!(
            (
                screen.matches(" obs ").count(),
                screen.matches(" proj ").count()
            ),
            (hist, proj),
            "{w}x{h}:\n{screen}"
        );
    }
}

/// Charts open five years before the base year, with a label every few years, each centred on
/// its year's column (ratatui's evenly spaced labels put "2025|" at about 2022.9); the base year
/// is always labelled. `z` shows every year, the base year still labelled.
#[test]
fn charts_open_around_the_base_year_and_z_shows_all_years() {
    let mut a = app(100, 30);
    // The label row under the plot, and the graph's left edge and width (right of `└`).
    let axis = |a: &memcycle::tui::App| -> (String, usize, usize) {
        let screen = text(&draw(a));
        let lines: Vec<&str> = screen.lines().collect();
        let at = lines
            .iter()
            .rposition(|l| l.contains('└') && l.contains('┴'))
            .expect("an x axis");
        let chars: Vec<char> = lines[at].chars().collect();
        let corner = chars.iter().rposition(|c| *c == '└').expect("corner");
        let right = chars.iter().rposition(|c| *c == '│').expect("panel edge");
        (lines[at + 1].to_owned(), corner + 1, right - corner - 1)
    };
    let (labels, left, width) = axis(&a);
    // Five history years, then the projection; a label every other year from the base year.
    for year in ["2021", "2023", "2025", "2027", "2035"] {
        assert!(labels.contains(year), "{year} labelled: {labels}");
    }
    assert!(!labels.contains("2015"), "{labels}");
    // The canvas draws year y at dot floor((y - 2020) / 15 * (2w - 1)), two dots per cell.
    let column =
        |year: f64| left + ((year - 2020.0) / 15.0 * (2.0 * width as f64 - 1.0)) as usize / 2;
    let byte = labels.find("2025").expect("base year");
    let centre = labels[..byte].chars().count() + 2;
    assert!(
        centre.abs_diff(column(2025.0)) <= 1,
        "2025 centred at {centre}, its column is {}:\n{labels}",
        column(2025.0)
    );
    send(&mut a, &[Message::ToggleAllYears]);
    let (all, _, _) = axis(&a);
    assert!(all.contains("2010") && all.contains("2025"), "{all}");
}

/// Nothing disappears silently: a pane left out on a short screen is named in the legend with
/// the terminal rows it needs; at that height it is back, one row less it is not.
#[test]
fn a_pane_left_out_says_where_it_comes_back() {
    use memcycle::tui::state::app::ChartKind;
    let balance = |h: u16| {
        let mut a = app(80, h);
        send(&mut a, &[Message::Chart(ChartKind::Balance)]);
        text(&draw(&a))
    };
    let screen = balance(24);
    assert!(screen.contains("▲ DRAM"), "{screen}");
    let rows: u16 = screen
        .split("sufficiency ratio at ")
        .nth(1)
        .and_then(|rest| rest.split('+').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("the note names the rows:\n{screen}"));
    let tall = balance(rows);
    assert!(
        tall.contains("DRAM sufficiency ratio (supply") && !tall.contains('▲'),
        "{rows} rows:\n{tall}"
    );
    assert!(balance(rows - 1).contains('▲'), "{} rows", rows - 1);
}

/// The market charts keep the baseline too once a slider moved (charts 5 and 6 had none).
#[test]
fn market_charts_show_the_baseline_ghost() {
    use memcycle::tui::state::app::ChartKind;
    for kind in [ChartKind::Balance, ChartKind::Price] {
        let mut a = app(120, 48);
        send(&mut a, &[Message::Step(3), Message::Chart(kind)]);
        let screen = text(&draw(&a));
        assert_eq!(
            screen.matches("┄ baseline").count(),
            2,
            "{kind:?}: both panes:\n{screen}"
        );
    }
}

/// The help's second page (Tab) explains the readouts, glyphs and chart marks at any size.
#[test]
fn glossary_page_at_80x24() {
    let mut a = app(80, 24);
    send(&mut a, &[Message::ToggleHelp, Message::HelpPage]);
    let screen = text(&draw(&a));
    for term in [
        "SR",
        "inv. weeks",
        "┆ ═ █ ●",
        "obs/est/model",
        "price 1-2y ✓✗",
        "P(short)",
        "change pane",
    ] {
        assert!(screen.contains(term), "{term}:\n{screen}");
    }
    // Every entry on one line: the page ends with its footer (a wrapped entry pushed it off).
    assert!(
        screen.contains("Tab: keys · Esc or ? closes this help"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
    send(&mut a, &[Message::HelpPage]);
    assert!(text(&draw(&a)).contains("Tab: readouts (SR, regime, price, turn) and glossary"));
}

/// Backtest mode says whether the skill holds over time: on the header's second line, each
/// memory's bits skill from the earlier and the later half of the base years up to the one on
/// screen, the figures `backtest --rolling` gives in its last two columns, with the halves named
/// once, at 120 columns as at 160 (at 24 rows the header has no second line).
#[test]
fn backtest_mode_shows_the_rolling_skill_of_both_halves() {
    use memcycle::backtest::rolling;
    let data = memcycle::data::builtin().expect("built-in data");
    let first = memcycle::setup::Setup::first_base_year(&data);
    let r = rolling::run(&data, first..=2022, 3, None, &[]).expect("rolling");
    let [early, late] = r.halves().expect("two halves");
    for (w, h) in [(120, 40), (160, 48)] {
        let mut a = app(w, h);
        send(&mut a, &[Message::ToggleBacktest]);
        let screen = text(&draw(&a));
        assert!(screen.contains("Backtest from 2022"), "{screen}");
        let halves = format!(
            "bits skill rolling {}-{}→{}-{}",
            early.start() % 100,
            early.end() % 100,
            late.start() % 100,
            late.end() % 100,
        );
        assert!(screen.contains(&halves), "{halves} not in\n{screen}");
        for memory in ["dram", "nand"] {
            let skill = |o| {
                r.skill_over(&format!("{memory}_eb"), o)
                    .expect("scored")
                    .skill()
            };
            let wanted = format!("{} ", memory.to_uppercase());
            let figures = format!("{:.2}→{:.2}", skill(&early), skill(&late));
            let line = screen
                .lines()
                .find(|l| l.contains(&halves))
                .expect("summary line");
            let after = &line[line.find(&format!("│ {wanted}")).expect("memory named")..];
            assert!(
                after.contains(&figures),
                "{figures} not after {wanted} in\n{line}"
            );
        }
    }
}

/// The year table shows demand by segment and the market too (issue 20 item 6): `d` cycles
/// shipments, DRAM EB by segment, NAND EB by segment and the market, the title says which,
/// and the figures are the projection's.
#[test]
fn the_table_shows_demand_by_segment_and_the_market() {
    use memcycle::tui::state::app::TableView;
    let mut a = app(160, 48);
    let screen = text(&draw(&a));
    assert!(screen.contains("shipments in M units; d: more"), "{screen}");
    send(&mut a, &[Message::CycleTableView]);
    assert_eq!(a.table_view(), TableView::Dram);
    let screen = text(&draw(&a));
    assert!(screen.contains("DRAM demand by segment, EB"), "{screen}");
    let p = a.projection();
    let i = p.index(2026).expect("2026");
    let ai = p
        .segments
        .iter()
        .find(|s| s.id == "ai_server")
        .expect("AI servers");
    let row = screen
        .lines()
        .find(|l| l.contains("2026 proj"))
        .unwrap_or_default()
        .to_owned();
    assert!(row.contains(&format!("{:.2}", ai.dram_eb[i])), "{row}");
    send(&mut a, &[Message::CycleTableView]);
    let screen = text(&draw(&a));
    assert!(screen.contains("NAND demand by segment, EB"), "{screen}");
    send(&mut a, &[Message::CycleTableView]);
    let screen = text(&draw(&a));
    assert!(
        screen.contains("DRAM SR") && screen.contains("NAND SR"),
        "{screen}"
    );
    let price = a
        .projection()
        .market
        .as_ref()
        .expect("market")
        .dram
        .price_index[i];
    let row = screen
        .lines()
        .find(|l| l.contains("2026 proj"))
        .unwrap_or_default()
        .to_owned();
    assert!(row.contains(&format!("{price:.0}")), "{row}");
    send(&mut a, &[Message::CycleTableView]);
    assert_eq!(a.table_view(), TableView::Shipments);
}

/// Legend labels never break across rows nor leave their symbol behind (issue 20 item 4): at 80
/// columns "AI servers" used to read "AI│servers" over two rows.
#[test]
fn legend_labels_stay_whole_at_80_columns() {
    for chart in [ChartKind::Dram, ChartKind::Nand, ChartKind::Balance] {
        let mut a = app(80, 24);
        send(&mut a, &[Message::Chart(chart)]);
        let screen = text(&draw(&a));
        // The legend: the rows under the chart's tabs (the first chart pane).
        let tabs = screen
            .lines()
            .position(|l| l.contains("─ 1 ─ 2"))
            .expect("the tabs");
        for line in screen.lines().skip(tabs + 1).take(2) {
            let legend = line.trim_end_matches(['│', ' ']);
            assert!(
                !legend.ends_with("AI") && !legend.ends_with('■') && !legend.ends_with('▚'),
                "{chart:?}: a label or its symbol broken at the row's end:\n{screen}"
            );
        }
        if chart == ChartKind::Dram {
            assert!(screen.contains("AI servers"), "{screen}");
        }
    }
}

/// A key-bar message too long for one row takes the row above too, whole (issue 20 item 4:
/// "...no production cu" was cut at 80 columns).
#[test]
fn a_long_message_is_shown_whole_at_80_columns() {
    let mut a = app(80, 24);
    let long = "loaded \"The 2023 production cuts\" from 2022: DRAM 8% and NAND 12% of output cut in 2023-24; after them no production cut";
    a.show_status(long, false);
    let screen = text(&draw(&a));
    let lines: Vec<&str> = screen.lines().collect();
    let shown = format!("{} {}", lines[22].trim(), lines[23].trim());
    assert_eq!(shown, long, "{screen}");
}

/// The tornado's head line is never cut mid-sentence (issue 20 item 4: it stopped at "and
/// high" at 120 columns): the long form where it fits, a short one where it does not.
#[test]
fn the_tornado_head_line_is_whole_at_every_size() {
    for (w, h) in [(80, 24), (120, 40), (160, 48)] {
        let mut a = app(w, h);
        send(&mut a, &[Message::ToggleTornado]);
        let screen = text(&draw(&a));
        assert!(
            screen.contains("others as set") || screen.contains("now 33.2 ·"),
            "{w}x{h}:\n{screen}"
        );
    }
}

/// The regime word stands beside the inventory cover that decides it, at every size and in a
/// tight year as in a balanced one (issue 20 item 2: "SR +10.3% balanced" beside "SR +8.6%
/// glut" read as a contradiction).
#[test]
fn the_regime_stands_beside_the_cover_that_decides_it() {
    use memcycle::model::Memory;
    for (w, h) in [(80, 24), (120, 40), (160, 48)] {
        for years in [0, 2, 5] {
            let mut a = app(w, h);
            send(&mut a, &[Message::Year(years)]);
            let screen = text(&draw(&a));
            let i = a.projection().index(a.year()).expect("year on screen");
            let market = a.projection().market.as_ref().expect("market");
            for m in Memory::ALL {
                let mp = market.memory(m);
                let wanted = format!(
                    "cover {:.1} wk {}",
                    mp.inventory_weeks[i],
                    mp.regime[i].as_str()
                );
                let line = screen
                    .lines()
                    .find(|l| l.starts_with(&format!(" {} ", m.id().to_uppercase())))
                    .expect("memory line");
                assert!(
                    line.contains(&wanted),
                    "{wanted} not in\n{line}\nat {w}x{h}"
                );
            }
        }
    }
}

/// The published estimate of the year in progress stands out on the price chart: one bold `●`
/// per pane in the year's column, over the year cursor that sits there (a canvas `•` was a
/// speck on a projector, half hidden by the cursor's dotted line).
#[test]
fn the_estimate_of_the_year_in_progress_stands_out() {
    let mut a = app(160, 48);
    send(&mut a, &[Message::Chart(ChartKind::Price)]);
    let buf = draw(&a);
    let dots: Vec<(u16, u16)> = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            buf.cell((x, y))
                .is_some_and(|c| c.symbol() == "●" && c.modifier.contains(Modifier::BOLD))
        })
        .collect();
    // The legend's two entries and one dot in each pane.
    assert_eq!(dots.len(), 4, "{dots:?}");
    let in_panes: Vec<u16> = dots
        .iter()
        .filter(|(_, y)| {
            let row: String = (0..buf.area.width)
                .filter_map(|x| buf.cell((x, *y)).map(|c| c.symbol().replace('\u{a0}', " ")))
                .collect();
            !row.contains(" est ")
        })
        .map(|(x, _)| *x)
        .collect();
    assert_eq!(in_panes.len(), 2, "{dots:?}");
    assert_eq!(in_panes[0], in_panes[1], "the same year in both panes");
}

/// A legend entry never leaves its mark behind when the legend wraps: at 80x24 the price
/// chart's legend broke between `●` and `est`, and could between `▄` and `tight`.
#[test]
fn legend_marks_stay_with_their_words() {
    for (w, h) in [(80, 24), (100, 30), (120, 40)] {
        for chart in [ChartKind::Price, ChartKind::Balance, ChartKind::Dram] {
            let mut a = app(w, h);
            send(&mut a, &[Message::Chart(chart)]);
            let screen = text(&draw(&a));
            let legend_words = [
                "est", "tight", "glut", "baseline", "Total", "index", "Demand",
            ];
            let legend_rows = screen
                .lines()
                .filter(|l| legend_words.iter().any(|w| l.contains(w)));
            for line in legend_rows {
                let inner = line.trim_end_matches([' ', '│', '┃']);
                for mark in ["●", "▄", "█", "┄", "■", "━"] {
                    assert!(
                        !inner.ends_with(mark),
                        "{w}x{h} {chart:?}: a legend row ends with its mark `{mark}`:\n{screen}"
                    );
                }
            }
        }
    }
}
