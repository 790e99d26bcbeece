//! The tornado, goal seek and the output they are about, in the explorer.

mod common;

use common::{app, draw, index, send, text};
use memcycle::tui::Effect;
use memcycle::tui::Message;
use memcycle::tui::state::app::Focus;

#[test]
fn tornado_at_80x24_and_160x48() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut a = app(w, h);
        send(&mut a, &[Message::ToggleTornado]);
        let screen = text(&draw(&a));
        assert!(
            screen.contains("Tornado: DRAM demand in 2026 (EB)"),
            "{screen}"
        );
        insta::assert_snapshot!(format!("tornado_{w}x{h}"), screen);
    }
}

/// The bars follow the sliders and the output: a step changes them, `o` changes what they are
/// about, and they stay sorted by swing.
#[test]
fn tornado_follows_sliders_and_output() {
    let mut a = app(120, 40);
    send(&mut a, &[Message::ToggleTornado]);
    let before = a.insight().tornado.clone().expect("shown");
    assert!(before.bars.windows(2).all(|w| w[0].swing >= w[1].swing));
    let i = index(&a, "ai_server.base_growth");
    send(&mut a, &[Message::SelectIndex(i), Message::BigStep(1)]);
    let after = a.insight().tornado.clone().expect("shown");
    assert_ne!(before.current, after.current, "recomputed after the step");
    send(&mut a, &[Message::CycleOutput]);
    assert!(text(&draw(&a)).contains("Tornado: DRAM demand growth in 2026 (%)"));
    send(&mut a, &[Message::ToggleTornado]);
    assert!(a.insight().tornado.is_none());
}

/// Enter on a bar selects its slider.
#[test]
fn enter_on_a_bar_selects_its_slider() {
    let mut a = app(120, 40);
    send(
        &mut a,
        &[
            Message::ToggleTornado,
            Message::Focus(Focus::Chart),
            Message::TornadoMove(1),
            Message::TornadoChoose,
        ],
    );
    let second = a.insight().tornado.as_ref().expect("shown").bars[1].index;
    assert_eq!(a.selected(), second);
    assert_eq!(a.focus(), Focus::Sliders);
}

fn seek(a: &mut memcycle::tui::App, target: &str) {
    send(a, &[Message::OpenSeek]);
    for c in target.chars() {
        send(a, &[Message::Input(c)]);
    }
    send(a, &[Message::Submit]);
}

/// Goal seek moves the selected slider so that the output meets the target, as one undoable
/// step, and says so; an unreachable target changes nothing and names the closest value.
#[test]
fn goal_seek_applies_an_undoable_move_or_explains() {
    let mut a = app(120, 40);
    let i = index(&a, "smartphone.replacement_cycle");
    // From DRAM demand (where the explorer opens) to its growth.
    send(
        &mut a,
        &[
            Message::CycleOutput,
            Message::SelectIndex(i),
            Message::Year(1),
        ],
    );
    let default = a.value(i);
    seek(&mut a, "14");
    let output = a.insight().output_in(2027);
    let got = output.value(a.projection()).expect("a value");
    // The slider lands on a hundredth of its step (0.001 years: 4.497, not 4.497246391), which
    // meets the target to the two decimals shown.
    assert!((got - 14.0).abs() < 0.005, "{got}");
    let thousandths = a.value(i) * 1000.0;
    assert!(
        (thousandths - thousandths.round()).abs() < 1e-6,
        "{}",
        a.value(i)
    );
    assert_ne!(a.value(i), default);
    let status = a.status().clone().expect("a status");
    assert!(
        !status.error && status.text.contains("dram_growth 2027 = 14.00"),
        "{status:?}"
    );
    send(&mut a, &[Message::Undo]);
    assert_eq!(a.value(i), default);
    seek(&mut a, "0");
    assert_eq!(a.value(i), default);
    let status = a.status().clone().expect("a status");
    assert!(
        status.error && status.text.contains("closest 3.50 → 4.33"),
        "{status:?}"
    );
    seek(&mut a, "abc");
    assert!(
        a.status()
            .as_ref()
            .expect("a status")
            .text
            .contains("not a number")
    );
}

/// Bands drawn for the current sliders show on charts 1 and 5 with their legend, and the header
/// gives the probability of a shortage; bands of other settings are never drawn.
#[test]
fn bands_at_80x24_and_160x48() {
    use memcycle::insight::bands;
    use memcycle::insight::bands::Settings;
    use memcycle::tui::state::app::ChartKind;
    for (w, h) in [(80, 24), (160, 48)] {
        let mut a = app(w, h);
        send(&mut a, &[Message::ToggleBands]);
        let settings = Settings {
            draws: 200,
            ..Settings::default()
        };
        let b = bands(a.setup(), a.params(), settings, &|| false).expect("bands");
        let params = a.params().clone();
        let _ = memcycle::tui::update::update(
            &mut a,
            memcycle::tui::Event::BandsReady(Box::new((params, b))),
        );
        let screen = text(&draw(&a));
        assert!(
            screen.contains("P10–90") && screen.contains("P(short) "),
            "{screen}"
        );
        insta::assert_snapshot!(format!("bands_dram_{w}x{h}"), screen);
        send(&mut a, &[Message::Chart(ChartKind::Balance)]);
        insta::assert_snapshot!(format!("bands_balance_{w}x{h}"), text(&draw(&a)));
        // Another slider position: the old bands are not drawn.
        let i = index(&a, "smartphone.replacement_cycle");
        send(&mut a, &[Message::SelectIndex(i), Message::Step(1)]);
        assert!(!text(&draw(&a)).contains("P(short"));
    }
}

/// `B` cycles off, bands from draws, bands from past errors, off; the past-error band needs no
/// worker (it scales the current line by the backtest's errors), so it is there at once.
#[test]
fn b_cycles_to_bands_from_past_errors() {
    let mut a = app(120, 40);
    send(&mut a, &[Message::ToggleBands, Message::ToggleBands]);
    let screen = text(&draw(&a));
    assert!(screen.contains("P25–75 (past errors)"), "{screen}");
    let specs = memcycle::chart::data::chart_specs(&a.chart_input());
    let band = specs[0].band.as_ref().expect("a band on chart 1");
    let q = band.iter().flatten().last().expect("a banded year");
    assert!(q.p10 < q.p50 && q.p50 < q.p90, "{q:?}");
    send(&mut a, &[Message::ToggleBands]);
    assert!(!text(&draw(&a)).contains("P10–90"));
}

/// `y` puts the command line and the scenario on their way to the clipboard and says so.
#[test]
fn y_copies_the_settings() {
    let mut a = app(100, 30);
    let i = index(&a, "smartphone.replacement_cycle");
    let effects = send(
        &mut a,
        &[Message::SelectIndex(i), Message::Step(2), Message::Share],
    );
    let copied = |effects: Vec<Effect>| match effects.as_slice() {
        [Effect::Copy(text)] => text.clone(),
        other => panic!("one copy for the clipboard: {other:?}"),
    };
    let text = copied(effects);
    assert!(
        text.contains("# memcycle --set smartphone.replacement_cycle=4.6"),
        "{text}"
    );
    assert!(
        text.contains("\"smartphone.replacement_cycle\" = 4.6"),
        "{text}"
    );
    let status = a.status().clone().expect("a status");
    assert!(
        status.text.starts_with("copied (OSC 52): memcycle --set"),
        "{status:?}"
    );
    // In backtest mode the base year travels along (it was dropped before).
    let effects = send(&mut a, &[Message::ToggleBacktest, Message::Share]);
    let base = a.projection().base_year;
    let text = copied(effects);
    assert!(
        text.contains(&format!("# memcycle --base-year {base} --set")),
        "{text}"
    );
    assert!(text.contains(&format!("\nbase_year = {base}\n")), "{text}");
}

/// At 80x24 there is no room for the values beside each bar: the head line gives the
/// highlighted bar's low and high with the output at each, and follows the highlight.
#[test]
fn a_narrow_tornado_labels_the_highlighted_bar() {
    let mut a = app(80, 24);
    send(
        &mut a,
        &[
            Message::ToggleTornado,
            Message::CycleOutput,
            Message::Focus(Focus::Chart),
        ],
    );
    let screen = text(&draw(&a));
    assert!(screen.contains("now 4.39 · server cycle 5.00→"), "{screen}");
    send(&mut a, &[Message::TornadoMove(1)]);
    let screen = text(&draw(&a));
    assert!(
        screen.contains("now 4.39 · smartphone cycle 3.50→"),
        "{screen}"
    );
}

/// The explorer at 120x40 showing bands from past errors (`B` twice), then in backtest mode.
fn past_error_bands_in_backtest() -> memcycle::tui::App {
    let mut a = app(120, 40);
    send(
        &mut a,
        &[
            Message::ToggleBands,
            Message::ToggleBands,
            Message::ToggleBacktest,
        ],
    );
    a
}

/// Bands from past errors follow a new base year (backtest mode): the errors are fitted again
/// for the data known then, so the band stays on the chart.
#[test]
fn past_error_bands_follow_the_base_year() {
    let a = past_error_bands_in_backtest();
    let specs = memcycle::chart::data::chart_specs(&a.chart_input());
    assert!(
        specs[0].band.is_some(),
        "a band after the move to {}",
        a.projection().base_year
    );
}

/// With room for names, the tornado calls each bar what its slider is called (segment and
/// label), not by the id the command line uses.
#[test]
fn a_wide_tornado_names_bars_by_slider_label() {
    let mut a = app(160, 48);
    send(&mut a, &[Message::ToggleTornado]);
    let screen = text(&draw(&a));
    assert!(screen.contains("Servers · Replacement cycle"), "{screen}");
    assert!(!screen.contains("server.replacement_cycle"), "{screen}");
}

/// Bands from past errors in backtest mode learn only from what was known at the base year: at
/// base 2022 the error models are fitted on forecasts of 2022 and before (they were fitted on
/// every observed year, so a backtest band knew how 2023-2025 went).
#[test]
fn past_error_bands_of_a_backtest_know_only_its_past() {
    use memcycle::insight::Quantity;
    use memcycle::insight::past_errors::{line, models_until};
    use memcycle::model::Memory;
    let a = past_error_bands_in_backtest();
    let base = a.projection().base_year;
    assert_eq!(base, 2022);
    let data = a.setup().data.clone();
    let first = memcycle::setup::Setup::first_base_year(&data);
    let rolling =
        memcycle::backtest::rolling::run(&data, first..=base - 1, 5, None, &[]).expect("rolling");
    let models = models_until(&rolling, base);
    let model = &models
        .iter()
        .find(|(k, _)| *k == (Memory::Dram, Quantity::Demand))
        .expect("a DRAM model")
        .1;
    let wanted = model.band(&line(a.projection(), Memory::Dram, Quantity::Demand));
    let specs = memcycle::chart::data::chart_specs(&a.chart_input());
    let band = specs[0].band.as_ref().expect("a band");
    // Three years ahead: the errors of the forecasts from 2020 and 2021 (of 2023 and 2024)
    // were not known in 2022.
    let i = a
        .projection()
        .index(base + 3)
        .expect("the third projected year");
    assert_eq!(band[i], Some(wanted[3]));
}
