//! What is on screen is always true: after any sequence of slider steps, scenario loads, deck
//! steps, backtest toggles, undo / redo and pins, the header's scenario name and "*modified"
//! agree with the numbers, and undo then redo returns to the same state.

mod common;

use common::app;
use memcycle::scenario::builtin_deck;
use memcycle::tui::App;
use memcycle::tui::Message;
use memcycle::tui::update::update;
use proptest::prelude::*;

/// The sliders the scenario named in the header would set now, at the current base year.
fn expected_loaded(a: &App) -> memcycle::model::Parameters {
    let catalog = &a.setup().catalog;
    let known = a
        .store()
        .list()
        .into_iter()
        .filter_map(|e| a.store().load(&e.id, catalog).ok());
    match known.into_iter().find(|s| s.name == *a.scenario()) {
        Some(s) => catalog.baseline_with_clamped(&s.overrides),
        None => catalog.baseline().clone(),
    }
}

fn messages() -> impl Strategy<Value = Vec<Message>> {
    let one = prop_oneof![
        (-3i32..4).prop_map(Message::Step),
        (-1i32..2).prop_map(Message::BigStep),
        (-2isize..3).prop_map(Message::Select),
        Just(Message::Reset),
        Just(Message::ResetAll),
        Just(Message::Undo),
        Just(Message::Redo),
        Just(Message::Pin),
        Just(Message::ClearPins),
        Just(Message::ToggleBacktest),
        (-1i32..2).prop_map(Message::BaseYear),
        Just(Message::TogglePresentation),
        (-1isize..2).prop_map(Message::DeckStep),
        (0usize..6).prop_map(|k| Message::PickerMove(k as isize)),
        Just(Message::OpenPicker),
        Just(Message::PickerChoose),
        Just(Message::CloseOverlay),
    ];
    proptest::collection::vec(one, 1..40)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_header_always_matches_the_numbers(msgs in messages()) {
        let mut a = app(100, 30);
        a = a.with_store(memcycle::scenario::Store::new(Some("tests/fixtures/scenarios".into())));
        let deck = builtin_deck(a.store(), &a.setup().catalog);
    a = a.with_deck(deck);
        for m in msgs {
            update(&mut a, m);
            let expected = expected_loaded(&a);
            prop_assert_eq!(
                a.loaded(), &expected,
                "after {:?}: the loaded values are those of \"{}\"", m, a.scenario()
            );
            prop_assert_eq!(a.is_edited(), *a.params() != expected, "after {:?}", m);
            prop_assert_eq!(a.projection(), &a.setup().project(a.params()), "after {:?}", m);
            // Undo then redo returns the same state.
            if !a.edits().undo.is_empty() {
                let before = a.snapshot();
                update(&mut a, Message::Undo);
                update(&mut a, Message::Redo);
                prop_assert_eq!(a.snapshot(), before, "undo + redo after {:?}", m);
            }
        }
    }
}
