//! The explorer's update function: messages in, state out (no terminal needed).

mod common;

use common::{app, draw, index, layout, pick, send, text};
use memcycle::tui::App;
use memcycle::tui::Effect;
use memcycle::tui::Message;
use memcycle::tui::input::keymap;
use memcycle::tui::state::app::{ChartKind, Focus, ViewMode};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

#[test]
fn stepping_moves_the_value_and_recomputes_the_projection() {
    let mut a = app(120, 40);
    let i = index(&a, "smartphone.replacement_cycle");
    let before = a.projection().total_dram_eb.clone();
    send(&mut a, &[Message::SelectIndex(i), Message::Step(3)]);
    let spec = &a.specs()[i];
    assert!((a.value(i) - (spec.default + 3.0 * spec.step)).abs() < 1e-9);
    assert_ne!(a.projection().total_dram_eb, before);
    assert!(a.is_modified());
    send(&mut a, &[Message::Step(-3)]);
    assert_eq!(
        a.value(i),
        a.specs()[i].default,
        "stepping back lands on the default exactly"
    );
    assert!(!a.is_modified());
    assert_eq!(a.projection().total_dram_eb, before);
}

#[test]
fn steps_clamp_at_min_and_max() {
    let mut a = app(80, 24);
    let i = index(&a, "pc.replacement_cycle");
    send(
        &mut a,
        &[
            Message::SelectIndex(i),
            Message::ToMax,
            Message::Step(5),
            Message::BigStep(2),
        ],
    );
    assert_eq!(a.value(i), a.specs()[i].max);
    send(
        &mut a,
        &[Message::ToMin, Message::Step(-5), Message::BigStep(-2)],
    );
    assert_eq!(a.value(i), a.specs()[i].min);
}

#[test]
fn a_big_step_is_a_tenth_of_the_range() {
    let mut a = app(80, 24);
    let i = index(&a, "server.replacement_cycle");
    // Range 1.5 to 12 years in steps of 0.1: a tenth is 1.05, rounded to 1.1 (11 steps); the
    // default is 6.3.
    send(&mut a, &[Message::SelectIndex(i), Message::BigStep(1)]);
    assert!((a.value(i) - 7.4).abs() < 1e-9, "{}", a.value(i));
    send(&mut a, &[Message::BigStep(-2)]);
    assert!((a.value(i) - 5.2).abs() < 1e-9, "{}", a.value(i));
}

#[test]
fn reset_and_reset_all() {
    let mut a = app(80, 24);
    let (i, j) = (
        index(&a, "smartphone.replacement_cycle"),
        index(&a, "pc.replacement_cycle"),
    );
    send(
        &mut a,
        &[
            Message::SelectIndex(i),
            Message::Step(4),
            Message::SelectIndex(j),
            Message::Step(-4),
        ],
    );
    assert!(a.is_changed(i) && a.is_changed(j));
    send(&mut a, &[Message::Reset]);
    assert!(a.is_changed(i) && !a.is_changed(j));
    send(&mut a, &[Message::ResetAll]);
    assert!(!a.is_modified());
    assert_eq!(a.projection(), a.baseline());
}

#[test]
fn year_selection_stays_in_range_and_the_table_follows() {
    let mut a = app(80, 24);
    let (first, last) = (a.projection().first_year, a.projection().horizon);
    send(&mut a, &[Message::Year(-100)]);
    assert_eq!(a.year(), first);
    assert_eq!(a.table_scroll(), 0);
    send(&mut a, &[Message::Year(1000)]);
    assert_eq!(a.year(), last);
    let rows = memcycle::tui::layout::table_rows(&a, layout(&a).table);
    assert!(
        a.table_scroll() + rows > (last - first) as usize,
        "last year visible"
    );
}

#[test]
fn a_shorter_horizon_pulls_the_selected_year_back() {
    let mut a = app(80, 24);
    send(&mut a, &[Message::Year(1000)]);
    let h = index(&a, "horizon");
    send(&mut a, &[Message::SelectIndex(h), Message::ToMin]);
    assert_eq!(a.year(), a.projection().horizon);
    assert_eq!(a.projection().horizon, a.projection().base_year + 1);
}

#[test]
fn selection_moves_and_clamps_and_scrolls_the_panel() {
    let mut a = app(80, 24);
    send(&mut a, &[Message::Select(-3)]);
    assert_eq!(a.selected(), 0);
    send(&mut a, &[Message::Select(1000)]);
    assert_eq!(a.selected(), a.specs().len() - 1);
    assert!(a.slider_scroll() > 0, "panel scrolled to the last slider");
}

#[test]
fn focus_charts_views_and_baseline() {
    let mut a = app(80, 24);
    send(&mut a, &[Message::CycleFocus(1)]);
    assert_eq!(a.focus(), Focus::Chart);
    send(&mut a, &[Message::CycleFocus(-2)]);
    assert_eq!(a.focus(), Focus::Table);
    send(
        &mut a,
        &[Message::Chart(ChartKind::Price), Message::CycleChart(1)],
    );
    assert_eq!(a.chart(), ChartKind::Dram);
    send(&mut a, &[Message::CycleView, Message::CycleView]);
    assert_eq!(a.view(), ViewMode::Percent);
    send(&mut a, &[Message::ToggleBaseline]);
    assert!(!a.show_baseline());
    send(&mut a, &[Message::ToggleHelp]);
    assert!(a.help());
    send(&mut a, &[Message::CloseOverlay]);
    assert!(!a.help());
}

#[test]
fn keys_map_to_messages_by_focus() {
    let mut a = app(80, 24);
    assert_eq!(
        keymap::message(&a, &key(KeyCode::Right)),
        Some(Message::Step(1))
    );
    assert_eq!(
        keymap::message(&a, &key(KeyCode::Char('j'))),
        Some(Message::Select(1))
    );
    assert_eq!(
        keymap::message(&a, &key(KeyCode::Char('q'))),
        Some(Message::RequestQuit)
    );
    assert_eq!(
        keymap::message(&a, &key(KeyCode::Esc)),
        Some(Message::RequestQuit)
    );
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(keymap::message(&a, &ctrl_c), Some(Message::Quit));
    let shift_right = Event::Key(KeyEvent::new(KeyCode::Right, KeyModifiers::SHIFT));
    assert_eq!(keymap::message(&a, &shift_right), Some(Message::BigStep(1)));
    send(&mut a, &[Message::Focus(Focus::Table)]);
    assert_eq!(
        keymap::message(&a, &key(KeyCode::Right)),
        Some(Message::Year(1))
    );
    send(&mut a, &[Message::ToggleHelp]);
    assert_eq!(
        keymap::message(&a, &key(KeyCode::Esc)),
        Some(Message::CloseOverlay),
        "Esc closes the overlay first"
    );
}

#[test]
fn clicking_and_dragging_a_bar_sets_the_slider() {
    let mut a = app(120, 40);
    let panel = layout(&a).sliders;
    // First slider's bar: border, group heading, label line, then the bar.
    let (y, left, right) = (panel.y + 3, panel.x + 2, panel.x + panel.width - 3);
    let msg = keymap::message(
        &a,
        &mouse(MouseEventKind::Down(MouseButton::Left), right, y),
    )
    .expect("hit the bar");
    send(&mut a, &[msg]);
    assert_eq!(
        a.value(0),
        a.specs()[0].max,
        "click at the right end sets the maximum"
    );
    assert_eq!(a.dragging(), Some(0));
    let msg = keymap::message(
        &a,
        &mouse(MouseEventKind::Drag(MouseButton::Left), left, y + 5),
    )
    .expect("drag");
    send(&mut a, &[msg]);
    assert_eq!(
        a.value(0),
        a.specs()[0].min,
        "dragging keeps the slider even off its row"
    );
    let msg = keymap::message(&a, &mouse(MouseEventKind::Up(MouseButton::Left), left, y))
        .expect("release");
    send(&mut a, &[msg]);
    assert_eq!(a.dragging(), None);
}

#[test]
fn the_wheel_steps_the_slider_under_it_and_tabs_switch_charts() {
    let mut a = app(120, 40);
    let panel = layout(&a).sliders;
    let msg = keymap::message(
        &a,
        &mouse(MouseEventKind::ScrollUp, panel.x + 5, panel.y + 2),
    )
    .expect("wheel on a label");
    send(&mut a, &[msg]);
    assert!((a.value(0) - (a.specs()[0].default + a.specs()[0].step)).abs() < 1e-9);
    let tabs = memcycle::tui::layout::chart_tabs(layout(&a).chart);
    let (kind, r, _) = &tabs[2];
    let msg = keymap::message(
        &a,
        &mouse(MouseEventKind::Down(MouseButton::Left), r.x + 1, r.y),
    )
    .expect("tab");
    send(&mut a, &[msg]);
    assert_eq!(a.chart(), *kind);
}

#[test]
fn backtest_mode_moves_the_base_year_and_restores_it() {
    let mut a = app(120, 40);
    let last = a.setup().data.last_observed_year();
    send(&mut a, &[Message::ToggleBacktest]);
    assert_eq!(a.projection().base_year, last - 3);
    assert!(a.is_backtest());
    assert_eq!(a.scenario(), "Baseline", "the scenario keeps its name");
    assert!(
        !a.is_modified(),
        "sliders start from the defaults of the new base year"
    );
    assert!(
        !a.backtest_scores().is_empty(),
        "errors against what was observed are computed"
    );
    send(&mut a, &[Message::BaseYear(-2)]);
    assert_eq!(a.projection().base_year, last - 5);
    send(&mut a, &[Message::BaseYear(100)]);
    assert_eq!(
        a.projection().base_year,
        last - 1,
        "the base year stays before the last observed year"
    );
    let before = a.backtest_scores();
    let i = index(&a, "dram.supply_growth");
    send(&mut a, &[Message::SelectIndex(i), Message::BigStep(2)]);
    assert_ne!(a.backtest_scores(), before, "the error follows the sliders");
    let moved = a.value(i);
    send(&mut a, &[Message::ToggleBacktest]);
    assert_eq!(a.projection().base_year, last);
    assert_eq!(a.scenario(), "Baseline");
    assert_eq!(a.value(i), moved, "the moved slider is kept");
    assert!(a.is_edited(), "and still marked modified");
    assert!(
        a.status().as_ref().is_some_and(|s| s.text.contains("kept")),
        "the key bar says so"
    );
    send(&mut a, &[Message::BaseYear(-1)]);
    assert_eq!(
        a.projection().base_year,
        last,
        "{{ and }} only act in backtest mode"
    );
}

#[test]
fn market_charts_follow_the_selected_market_slider_or_m() {
    use memcycle::model::Memory;
    let mut a = app(120, 40);
    assert_eq!(a.market_memory(), Memory::Dram);
    send(&mut a, &[Message::ToggleMemory]);
    assert_eq!(a.market_memory(), Memory::Nand);
    let i = index(&a, "dram.production_cut");
    send(&mut a, &[Message::SelectIndex(i)]);
    assert_eq!(
        a.market_memory(),
        Memory::Dram,
        "a DRAM market slider shows the DRAM market"
    );
    assert_eq!(
        keymap::message(&a, &key(KeyCode::Char('6'))),
        Some(Message::Chart(ChartKind::Price))
    );
    assert_eq!(
        keymap::message(&a, &key(KeyCode::Char('t'))),
        Some(Message::ToggleBacktest)
    );
}

#[test]
fn a_production_cut_raises_the_price_readout() {
    let mut a = app(120, 40);
    let year = a.projection().base_year + 1;
    let price = |a: &memcycle::tui::App| {
        let i = a.projection().index(year).unwrap();
        a.projection().market.as_ref().unwrap().dram.price_index[i]
    };
    let before = price(&a);
    let i = index(&a, "dram.production_cut");
    send(&mut a, &[Message::SelectIndex(i), Message::BigStep(3)]);
    assert!(price(&a) >= before);
}

/// q and Esc ask before losing unsaved changes; Ctrl-C quits at once; without changes q quits.
#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let quits = |effects: Vec<Effect>| effects.contains(&Effect::Quit);
    let mut a = app(80, 24);
    assert!(
        quits(send(&mut a, &[Message::RequestQuit])),
        "nothing to lose: quits"
    );
    let mut a = app(80, 24);
    assert!(!quits(send(
        &mut a,
        &[Message::Step(1), Message::RequestQuit]
    )));
    assert_eq!(
        *a.overlay(),
        memcycle::tui::state::app::Overlay::ConfirmQuit
    );
    assert_eq!(
        keymap::message(&a, &key(KeyCode::Char('S'))),
        Some(Message::OpenSave)
    );
    assert_eq!(
        keymap::message(&a, &key(KeyCode::Esc)),
        Some(Message::CloseOverlay)
    );
    assert!(!quits(send(&mut a, &[Message::CloseOverlay])));
    assert_eq!(*a.overlay(), memcycle::tui::state::app::Overlay::None);
    assert!(quits(send(&mut a, &[Message::RequestQuit, Message::Quit])));
}

/// The key bar shows what the arrows do in the focused panel.
#[test]
fn the_key_bar_follows_the_focus() {
    let mut a = app(120, 40);
    let bar = |a: &App| {
        let t = text(&draw(a));
        t.lines().last().unwrap_or_default().to_owned()
    };
    assert!(bar(&a).contains("←→ adjust"), "{}", bar(&a));
    send(&mut a, &[Message::CycleFocus(1)]);
    assert_eq!(a.focus(), Focus::Chart);
    assert!(
        bar(&a).contains("←→ year") && !bar(&a).contains("adjust"),
        "{}",
        bar(&a)
    );
    assert_eq!(
        keymap::message(&a, &key(KeyCode::Right)),
        Some(Message::Year(1)),
        "and Right does move the year"
    );
    send(&mut a, &[Message::CycleFocus(1)]);
    assert!(bar(&a).contains("↑↓ year"), "{}", bar(&a));
}

/// The goal-seek dialog chooses what it seeks: Tab the output, ↑↓ its year, and the dialog
/// names both; letters are not taken as the target.
#[test]
fn the_seek_dialog_chooses_output_and_year() {
    let mut a = app(120, 40);
    send(&mut a, &[Message::OpenSeek]);
    let tab = keymap::message(&a, &key(KeyCode::Tab)).expect("Tab does something");
    let down = keymap::message(&a, &key(KeyCode::Down)).expect("↓ does something");
    send(&mut a, &[tab, down]);
    let screen = text(&draw(&a));
    assert!(
        screen.contains("DRAM demand growth in 2027 (%) ="),
        "{screen}"
    );
    assert!(screen.contains("Tab output"), "{screen}");
    assert_eq!(keymap::message(&a, &key(KeyCode::Char('o'))), None);
    assert_eq!(
        keymap::message(&a, &key(KeyCode::Char('7'))),
        Some(Message::Input('7'))
    );
}

/// Replay belongs to the scenario on screen, and undo steps through the states as they were
/// shown (issue 20 item 1): a move on the baseline is not replayed into the PC refresh wave
/// (it was, and the header read "PC refresh wave *modified"), and one undo from the clean PC
/// refresh wave goes back to the baseline as it was shown, with its move.
#[test]
fn replay_and_undo_stay_with_the_scenario_on_screen() {
    let mut a = app(120, 40);
    let cycle = index(&a, "smartphone.replacement_cycle");
    send(&mut a, &[Message::Select(cycle as isize), Message::Step(1)]);
    let moved = a.params().clone();
    pick(&mut a, "pc-refresh");
    let clean = a.params().clone();
    assert_eq!(a.scenario(), "PC refresh wave");
    send(&mut a, &[Message::Replay]);
    for _ in 0..40 {
        send(&mut a, &[Message::Tick]);
    }
    assert_eq!(
        a.params(),
        &clean,
        "the baseline's move was replayed into another scenario"
    );
    assert!(!a.is_edited());
    send(&mut a, &[Message::Undo]);
    assert_eq!(a.scenario(), "Baseline");
    assert_eq!(a.params(), &moved);
    // Within one scenario: move, undo, replay; one undo then goes back to before the replay.
    let mut b = app(120, 40);
    send(&mut b, &[Message::Select(cycle as isize), Message::Step(1)]);
    let before = b.params().clone();
    send(&mut b, &[Message::Undo, Message::Replay]);
    for _ in 0..40 {
        send(&mut b, &[Message::Tick]);
    }
    assert_eq!(b.params(), &before, "the replay shows the move again");
    send(&mut b, &[Message::Undo]);
    assert_eq!(
        b.params(),
        b.setup().catalog.baseline(),
        "one undo undoes the replay"
    );
}

/// Home and End on the chart or the table select the first and last year shown, as messages
/// that say so (they were `Year(-1000)` and `Year(1000)`, which a longer history would outrun).
#[test]
fn home_and_end_select_the_first_and_last_year() {
    let mut a = app(120, 40);
    for focus in [Focus::Chart, Focus::Table] {
        send(&mut a, &[Message::Focus(focus)]);
        assert_eq!(
            keymap::message(&a, &key(KeyCode::Home)),
            Some(Message::FirstYear)
        );
        assert_eq!(
            keymap::message(&a, &key(KeyCode::End)),
            Some(Message::LastYear)
        );
        send(&mut a, &[Message::FirstYear]);
        assert_eq!(a.year(), a.projection().first_year);
        send(&mut a, &[Message::LastYear]);
        assert_eq!(a.year(), a.projection().horizon);
    }
}
