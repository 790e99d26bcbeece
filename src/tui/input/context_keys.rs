//! The keys of the places that take their own few keys: each overlay (help, picker, prompts,
//! confirmations) and presentation mode. One table per context, like the explorer's in
//! [`crate::tui::input::keys`]: the keymap dispatches from it and the overlays draw their hint
//! lines from it, so a hint cannot name a key that does nothing there (a test presses every
//! hinted key).

use crate::tui::input::keys::Chord::{self, Key, Shift};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// Where a key is pressed: the explorer (its table is [`crate::tui::input::keys::GROUPS`]),
/// one of its overlays, or presentation mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The explorer, no overlay open.
    Explorer,
    /// The help, either page.
    Help,
    /// About the selected slider.
    Info,
    /// What changed against the baseline.
    Changes,
    /// Problems of a scenario or deck.
    Problems,
    /// The scenario picker.
    Picker,
    /// Saving the settings: name and description.
    Save,
    /// Goal seek: the target.
    Seek,
    /// Quit with unsaved changes?
    ConfirmQuit,
    /// Overwrite a saved scenario?
    ConfirmOverwrite,
    /// Presentation mode.
    Presentation,
}

/// What a key asks for in a context other than the explorer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// Close the overlay (cancel a prompt).
    Close,
    /// Quit, asking first when there are unsaved changes.
    Quit,
    /// Quit without saving.
    QuitAnyway,
    /// The help's other page.
    OtherPage,
    /// The entry above.
    Up,
    /// The entry below.
    Down,
    /// The first entry.
    First,
    /// The last entry.
    Last,
    /// A page of entries up.
    PageUp,
    /// A page of entries down.
    PageDown,
    /// Load the highlighted entry.
    Choose,
    /// Submit the prompt.
    Submit,
    /// The prompt's other field.
    Field,
    /// The next output to seek.
    Output,
    /// The year before.
    EarlierYear,
    /// The year after.
    LaterYear,
    /// Save first.
    SaveFirst,
    /// Yes.
    Yes,
    /// No.
    No,
    /// Undo the last change.
    Undo,
    /// Reset every slider.
    ResetAll,
    /// The next scenario of the deck.
    NextSlide,
    /// The previous scenario of the deck.
    PreviousSlide,
    /// Leave presentation mode.
    Exit,
    /// Reveal the next year of the outcome.
    Reveal,
}

/// One line of a context's keys: the hint it puts on screen (keys, what; none for keys that
/// need no hint) and the presses behind it. A hinted line without presses stands for keys the
/// context hands on: the text prompt's editing keys, or in presentation mode the explorer's
/// view keys.
#[derive(Debug)]
pub struct ContextRow {
    /// The hint: keys as shown, and what they do (empty: the keys say it).
    pub hint: Option<(&'static str, &'static str)>,
    /// Every press the line stands for, and what it asks for.
    pub presses: &'static [(Chord, Ask)],
}

const fn hinted(
    keys: &'static str,
    what: &'static str,
    presses: &'static [(Chord, Ask)],
) -> ContextRow {
    ContextRow {
        hint: Some((keys, what)),
        presses,
    }
}

const fn unhinted(presses: &'static [(Chord, Ask)]) -> ContextRow {
    ContextRow {
        hint: None,
        presses,
    }
}

use Ask as K;
use KeyCode::{Char, Enter, Esc};

const QUIT: ContextRow = unhinted(&[(Key(Char('q')), K::Quit)]);

const HELP: &[ContextRow] = &[
    hinted("Tab", "", &[(Key(KeyCode::Tab), K::OtherPage)]),
    hinted(
        "Esc or ?",
        "closes",
        &[
            (Key(Esc), K::Close),
            (Key(Char('?')), K::Close),
            (Key(Char('w')), K::Close),
            (Key(Enter), K::Close),
        ],
    ),
    unhinted(&[(Key(KeyCode::BackTab), K::OtherPage)]),
    QUIT,
];

const INFO: &[ContextRow] = &[
    hinted(
        "Esc or i",
        "closes",
        &[
            (Key(Esc), K::Close),
            (Key(Enter), K::Close),
            (Key(Char('i')), K::Close),
        ],
    ),
    QUIT,
];

const CHANGES: &[ContextRow] = &[
    hinted(
        "w or Esc",
        "closes",
        &[
            (Key(Char('w')), K::Close),
            (Key(Esc), K::Close),
            (Key(Char('?')), K::Close),
            (Key(Enter), K::Close),
        ],
    ),
    hinted("u", "undoes", &[(Key(Char('u')), K::Undo)]),
    hinted("R", "resets all", &[(Key(Char('R')), K::ResetAll)]),
    QUIT,
];

const PROBLEMS: &[ContextRow] = &[hinted(
    "Esc or Enter",
    "closes",
    &[
        (Key(Esc), K::Close),
        (Key(Enter), K::Close),
        (Key(Char('q')), K::Close),
    ],
)];

const PICKER: &[ContextRow] = &[
    hinted(
        "↑↓",
        "choose",
        &[
            (Key(KeyCode::Up), K::Up),
            (Key(KeyCode::Down), K::Down),
            (Key(Char('k')), K::Up),
            (Key(Char('j')), K::Down),
        ],
    ),
    hinted(
        "Home End PgUp PgDn",
        "",
        &[
            (Key(KeyCode::Home), K::First),
            (Key(KeyCode::End), K::Last),
            (Key(KeyCode::PageUp), K::PageUp),
            (Key(KeyCode::PageDown), K::PageDown),
        ],
    ),
    hinted("Enter", "load", &[(Key(Enter), K::Choose)]),
    hinted(
        "Esc",
        "close",
        &[
            (Key(Esc), K::Close),
            (Key(Char('s')), K::Close),
            (Key(Char('q')), K::Close),
        ],
    ),
];

const SAVE: &[ContextRow] = &[
    hinted("Enter", "save", &[(Key(Enter), K::Submit)]),
    hinted(
        "Tab",
        "field",
        &[
            (Key(KeyCode::Tab), K::Field),
            (Key(KeyCode::BackTab), K::Field),
        ],
    ),
    hinted("Esc", "cancel", &[(Key(Esc), K::Close)]),
    // The text prompt's editing keys.
    hinted("←→ Home End", "", &[]),
    hinted("Ctrl-U Ctrl-W", "", &[]),
];

const SEEK: &[ContextRow] = &[
    hinted("Tab", "output", &[(Key(KeyCode::Tab), K::Output)]),
    hinted(
        "↑↓",
        "year",
        &[
            (Key(KeyCode::Up), K::EarlierYear),
            (Key(KeyCode::Down), K::LaterYear),
        ],
    ),
    hinted("Enter", "seek", &[(Key(Enter), K::Submit)]),
    hinted("Esc", "cancel", &[(Key(Esc), K::Close)]),
];

const CONFIRM_QUIT: &[ContextRow] = &[
    hinted("S", "save", &[(Key(Char('S')), K::SaveFirst)]),
    hinted("q", "quit anyway", &[(Key(Char('q')), K::QuitAnyway)]),
    hinted("Esc", "stay", &[(Key(Esc), K::Close)]),
];

const CONFIRM_OVERWRITE: &[ContextRow] = &[
    hinted(
        "y",
        "",
        &[(Key(Char('y')), K::Yes), (Key(Char('Y')), K::Yes)],
    ),
    hinted(
        "n",
        "",
        &[
            (Key(Char('n')), K::No),
            (Key(Char('N')), K::No),
            (Key(Esc), K::No),
        ],
    ),
];

const PRESENTATION: &[ContextRow] = &[
    hinted(
        "←/→",
        "scenario",
        &[
            (Key(KeyCode::Left), K::PreviousSlide),
            (Key(KeyCode::Right), K::NextSlide),
            (Shift(KeyCode::Left), K::PreviousSlide),
            (Shift(KeyCode::Right), K::NextSlide),
            (Key(KeyCode::PageUp), K::PreviousSlide),
            (Key(KeyCode::PageDown), K::NextSlide),
            (Key(Char(' ')), K::NextSlide),
            (Key(Char('h')), K::PreviousSlide),
            (Key(Char('l')), K::NextSlide),
        ],
    ),
    // The explorer's view keys, which work here too.
    hinted("1-6", "chart", &[]),
    hinted("[ ]", "year", &[]),
    hinted(".", "replay", &[]),
    hinted("v", "view", &[]),
    hinted(
        "p",
        "exit",
        &[(Key(Char('p')), K::Exit), (Key(Esc), K::Exit)],
    ),
    hinted("q", "quit", &[(Key(Char('q')), K::Quit)]),
    unhinted(&[(Key(Char('o')), K::Reveal)]),
];

/// The keys of `context` (none for the explorer, whose table is the help page's).
pub fn rows(context: Context) -> &'static [ContextRow] {
    match context {
        Context::Explorer => &[],
        Context::Help => HELP,
        Context::Info => INFO,
        Context::Changes => CHANGES,
        Context::Problems => PROBLEMS,
        Context::Picker => PICKER,
        Context::Save => SAVE,
        Context::Seek => SEEK,
        Context::ConfirmQuit => CONFIRM_QUIT,
        Context::ConfirmOverwrite => CONFIRM_OVERWRITE,
        Context::Presentation => PRESENTATION,
    }
}

/// What a press asks for in `context`, if its table has it.
pub fn ask(context: Context, code: KeyCode, mods: KeyModifiers) -> Option<Ask> {
    rows(context)
        .iter()
        .flat_map(|r| r.presses.iter())
        .find(|(chord, _)| chord.matches(code, mods))
        .map(|(_, a)| *a)
}

/// The hints of `context`, in order: (keys, what).
pub fn hints(context: Context) -> Vec<(&'static str, &'static str)> {
    rows(context).iter().filter_map(|r| r.hint).collect()
}

/// The hint line of `context`: "keys what · keys what ...".
pub fn hint_line(context: Context) -> String {
    hints(context)
        .into_iter()
        .map(|(keys, what)| {
            if what.is_empty() {
                keys.to_owned()
            } else {
                format!("{keys} {what}")
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The keys of the hint whose presses include `ask` in `context` (empty if none).
pub fn keys_for(context: Context, ask: Ask) -> &'static str {
    rows(context)
        .iter()
        .find(|r| r.presses.iter().any(|(_, a)| *a == ask))
        .and_then(|r| r.hint)
        .map_or("", |(keys, _)| keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Context; 10] = [
        Context::Help,
        Context::Info,
        Context::Changes,
        Context::Problems,
        Context::Picker,
        Context::Save,
        Context::Seek,
        Context::ConfirmQuit,
        Context::ConfirmOverwrite,
        Context::Presentation,
    ];

    #[test]
    fn no_press_is_bound_twice_in_a_context() {
        for context in ALL {
            let presses: Vec<Chord> = rows(context)
                .iter()
                .flat_map(|r| r.presses.iter().map(|(c, _)| *c))
                .collect();
            for (i, c) in presses.iter().enumerate() {
                assert!(
                    !presses[i + 1..].contains(c),
                    "{c:?} bound twice in {context:?}"
                );
            }
        }
    }

    /// The hint lines the overlays showed before they were drawn from the table.
    #[test]
    fn the_hint_lines_read_as_before() {
        assert_eq!(
            hint_line(Context::Picker),
            "↑↓ choose · Home End PgUp PgDn · Enter load · Esc close"
        );
        assert_eq!(
            hint_line(Context::Save),
            "Enter save · Tab field · Esc cancel · ←→ Home End · Ctrl-U Ctrl-W"
        );
        assert_eq!(
            hint_line(Context::Seek),
            "Tab output · ↑↓ year · Enter seek · Esc cancel"
        );
        assert_eq!(
            hint_line(Context::Changes),
            "w or Esc closes · u undoes · R resets all"
        );
        assert_eq!(keys_for(Context::Help, Ask::Close), "Esc or ?");
    }
}
