//! The keys of the places that take their own few keys: each overlay (help, picker, prompts,
//! confirmations) and presentation mode. One table per context, like the explorer's in
//! [`crate::tui::input::keys`]: the keymap dispatches from it and the overlays draw their hint
//! lines from it, so a hint cannot name a key that does nothing there (a test presses every
//! hinted key). A press does what a press of the explorer's table does ([`Does`]): a message,
//! or a motion (in the picker: through its entries).

use crate::tui::input::keys::Chord::{self, Key, Shift};
use crate::tui::input::keys::{Does, Motion, pressed};
use crate::tui::input::message::Message;
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

/// One line of a context's keys: the hint it puts on screen (keys, what; none for keys that
/// need no hint) and the presses behind it. A hinted line without presses stands for keys the
/// context hands on: the text prompt's editing keys, or in presentation mode the explorer's
/// view keys.
#[derive(Debug)]
pub struct ContextRow {
    /// The hint: keys as shown, and what they do (empty: the keys say it).
    pub hint: Option<(&'static str, &'static str)>,
    /// Every press the line stands for, and what it asks for.
    pub presses: &'static [(Chord, Does)],
}

const fn hinted(
    keys: &'static str,
    what: &'static str,
    presses: &'static [(Chord, Does)],
) -> ContextRow {
    ContextRow {
        hint: Some((keys, what)),
        presses,
    }
}

const fn unhinted(presses: &'static [(Chord, Does)]) -> ContextRow {
    ContextRow {
        hint: None,
        presses,
    }
}

use Does::{Move, Send};
use KeyCode::{Char, Enter, Esc};
use Message as M;

const QUIT: ContextRow = unhinted(&[(Key(Char('q')), Send(M::RequestQuit))]);

const HELP: &[ContextRow] = &[
    hinted("Tab", "", &[(Key(KeyCode::Tab), Send(M::HelpPage))]),
    hinted(
        "Esc or ?",
        "closes",
        &[
            (Key(Esc), Send(M::CloseOverlay)),
            (Key(Char('?')), Send(M::CloseOverlay)),
            (Key(Char('w')), Send(M::CloseOverlay)),
            (Key(Enter), Send(M::CloseOverlay)),
        ],
    ),
    unhinted(&[(Key(KeyCode::BackTab), Send(M::HelpPage))]),
    QUIT,
];

const INFO: &[ContextRow] = &[
    hinted(
        "Esc or i",
        "closes",
        &[
            (Key(Esc), Send(M::CloseOverlay)),
            (Key(Enter), Send(M::CloseOverlay)),
            (Key(Char('i')), Send(M::CloseOverlay)),
        ],
    ),
    QUIT,
];

const CHANGES: &[ContextRow] = &[
    hinted(
        "w or Esc",
        "closes",
        &[
            (Key(Char('w')), Send(M::CloseOverlay)),
            (Key(Esc), Send(M::CloseOverlay)),
            (Key(Char('?')), Send(M::CloseOverlay)),
            (Key(Enter), Send(M::CloseOverlay)),
        ],
    ),
    hinted("u", "undoes", &[(Key(Char('u')), Send(M::Undo))]),
    hinted("R", "resets all", &[(Key(Char('R')), Send(M::ResetAll))]),
    QUIT,
];

const PROBLEMS: &[ContextRow] = &[hinted(
    "Esc or Enter",
    "closes",
    &[
        (Key(Esc), Send(M::CloseOverlay)),
        (Key(Enter), Send(M::CloseOverlay)),
        (Key(Char('q')), Send(M::CloseOverlay)),
    ],
)];

const PICKER: &[ContextRow] = &[
    hinted(
        "↑↓",
        "choose",
        &[
            (Key(KeyCode::Up), Move(Motion::Up)),
            (Key(KeyCode::Down), Move(Motion::Down)),
            (Key(Char('k')), Move(Motion::Up)),
            (Key(Char('j')), Move(Motion::Down)),
        ],
    ),
    hinted(
        "Home End PgUp PgDn",
        "",
        &[
            (Key(KeyCode::Home), Move(Motion::Home)),
            (Key(KeyCode::End), Move(Motion::End)),
            (Key(KeyCode::PageUp), Move(Motion::PageUp)),
            (Key(KeyCode::PageDown), Move(Motion::PageDown)),
        ],
    ),
    hinted("Enter", "load", &[(Key(Enter), Send(M::PickerChoose))]),
    hinted(
        "Esc",
        "close",
        &[
            (Key(Esc), Send(M::CloseOverlay)),
            (Key(Char('s')), Send(M::CloseOverlay)),
            (Key(Char('q')), Send(M::CloseOverlay)),
        ],
    ),
];

const SAVE: &[ContextRow] = &[
    hinted("Enter", "save", &[(Key(Enter), Send(M::Submit))]),
    hinted(
        "Tab",
        "field",
        &[
            (Key(KeyCode::Tab), Send(M::SwitchField)),
            (Key(KeyCode::BackTab), Send(M::SwitchField)),
        ],
    ),
    hinted("Esc", "cancel", &[(Key(Esc), Send(M::CloseOverlay))]),
    // The text prompt's editing keys.
    hinted("←→ Home End", "", &[]),
    hinted("Ctrl-U Ctrl-W", "", &[]),
];

const SEEK: &[ContextRow] = &[
    hinted(
        "Tab",
        "output",
        &[(Key(KeyCode::Tab), Send(M::CycleOutput))],
    ),
    hinted(
        "↑↓",
        "year",
        &[
            (Key(KeyCode::Up), Send(M::Year(-1))),
            (Key(KeyCode::Down), Send(M::Year(1))),
        ],
    ),
    hinted("Enter", "seek", &[(Key(Enter), Send(M::Submit))]),
    hinted("Esc", "cancel", &[(Key(Esc), Send(M::CloseOverlay))]),
];

const CONFIRM_QUIT: &[ContextRow] = &[
    hinted("S", "save", &[(Key(Char('S')), Send(M::OpenSave))]),
    hinted("q", "quit anyway", &[(Key(Char('q')), Send(M::Quit))]),
    hinted("Esc", "stay", &[(Key(Esc), Send(M::CloseOverlay))]),
];

const CONFIRM_OVERWRITE: &[ContextRow] = &[
    hinted(
        "y",
        "",
        &[
            (Key(Char('y')), Send(M::Confirm(true))),
            (Key(Char('Y')), Send(M::Confirm(true))),
        ],
    ),
    hinted(
        "n",
        "",
        &[
            (Key(Char('n')), Send(M::Confirm(false))),
            (Key(Char('N')), Send(M::Confirm(false))),
            (Key(Esc), Send(M::Confirm(false))),
        ],
    ),
];

const PRESENTATION: &[ContextRow] = &[
    hinted(
        "←/→",
        "scenario",
        &[
            (Key(KeyCode::Left), Send(M::DeckStep(-1))),
            (Key(KeyCode::Right), Send(M::DeckStep(1))),
            (Shift(KeyCode::Left), Send(M::DeckStep(-1))),
            (Shift(KeyCode::Right), Send(M::DeckStep(1))),
            (Key(KeyCode::PageUp), Send(M::DeckStep(-1))),
            (Key(KeyCode::PageDown), Send(M::DeckStep(1))),
            (Key(Char(' ')), Send(M::DeckStep(1))),
            (Key(Char('h')), Send(M::DeckStep(-1))),
            (Key(Char('l')), Send(M::DeckStep(1))),
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
        &[
            (Key(Char('p')), Send(M::TogglePresentation)),
            (Key(Esc), Send(M::TogglePresentation)),
        ],
    ),
    hinted("q", "quit", &[(Key(Char('q')), Send(M::RequestQuit))]),
    unhinted(&[(Key(Char('o')), Send(M::Reveal))]),
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

/// What a press does in `context`, if its table has it.
pub fn does(context: Context, code: KeyCode, mods: KeyModifiers) -> Option<Does> {
    pressed(
        rows(context).iter().flat_map(|r| r.presses.iter()),
        code,
        mods,
    )
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

/// The keys of the hint whose presses send `message` in `context` (empty if none).
pub fn keys_for(context: Context, message: Message) -> &'static str {
    rows(context)
        .iter()
        .find(|r| r.presses.iter().any(|(_, d)| *d == Send(message)))
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
        assert_eq!(keys_for(Context::Help, M::CloseOverlay), "Esc or ?");
    }
}
