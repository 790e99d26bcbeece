//! The one table of keys: which presses ask for what, and how the help page lists them. The
//! keymap dispatches from it and the help page draws it, so the two cannot drift; tests check
//! the README's key table and the key bars against it.

use crate::chart::kind::ChartKind;
use crate::tui::input::message::Message;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// What a press of the explorer's table does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Does {
    /// This message, whatever the focus.
    Send(Message),
    /// What the focused panel does with an arrow or page key (the keymap decides).
    Move(Motion),
    /// Suspend to the shell (the loop does it: it owns the terminal; `fg` returns).
    Suspend,
}

impl Does {
    /// Whether the key works in presentation mode too: it changes what is shown, not what is
    /// assumed.
    pub fn is_view(self) -> bool {
        matches!(
            self,
            Does::Send(
                Message::ToggleHelp
                    | Message::Year(_)
                    | Message::Chart(_)
                    | Message::Replay
                    | Message::ToggleBaseline
                    | Message::ToggleAllYears
                    | Message::CycleView
                    | Message::CycleTableView
                    | Message::ToggleBands
            )
        )
    }
}

/// An arrow or page key of the explorer: the sliders step, the chart and the table move
/// through charts and years (see the keymap).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    /// Up: the slider above, the previous chart (or tornado bar) or the previous year.
    Up,
    /// Down: the next slider, chart (or bar) or year.
    Down,
    /// Left: step the slider down, or the previous year.
    Left,
    /// Right: step the slider up, or the next year.
    Right,
    /// Shift-Left: a large step down on the sliders, else the previous year.
    ShiftLeft,
    /// Shift-Right: a large step up on the sliders, else the next year.
    ShiftRight,
    /// Page up: a large step up on the sliders, else a page of years back.
    PageUp,
    /// Page down: a large step down on the sliders, else a page of years on.
    PageDown,
    /// The slider's minimum, or the first year.
    Home,
    /// The slider's maximum, or the last year.
    End,
}

/// A key press as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chord {
    /// A key without Ctrl (and, for keys other than characters, without Shift).
    Key(KeyCode),
    /// A key with Shift.
    Shift(KeyCode),
    /// A character with Ctrl.
    Ctrl(char),
}

impl Chord {
    /// Whether a press of `code` with `mods` is this chord.
    pub fn matches(self, code: KeyCode, mods: KeyModifiers) -> bool {
        let (ctrl, shift) = (
            mods.contains(KeyModifiers::CONTROL),
            mods.contains(KeyModifiers::SHIFT),
        );
        match self {
            // A character's case (and Shift-Tab's own code) already says Shift was held.
            Chord::Key(k @ (KeyCode::Char(_) | KeyCode::BackTab)) => !ctrl && code == k,
            Chord::Key(k) => !ctrl && !shift && code == k,
            Chord::Shift(k) => !ctrl && shift && code == k,
            Chord::Ctrl(c) => ctrl && code == KeyCode::Char(c),
        }
    }

    /// The chord as the help page and the README write it (`↑`, `PgUp`, `Shift-←`, `Ctrl-R`).
    pub fn name(self) -> String {
        let key = |k: KeyCode| -> String {
            match k {
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => "Shift-Tab".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Char(c) => c.to_string(),
                other => format!("{other:?}"),
            }
        };
        match self {
            Chord::Key(k) => key(k),
            Chord::Shift(k) => format!("Shift-{}", key(k)),
            Chord::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        }
    }
}

/// One line of the help page: the keys as shown, what they do, and the presses behind them
/// (none for mouse hints).
#[derive(Debug)]
pub struct Row {
    /// Keys as the help page shows them.
    pub keys: &'static str,
    /// What they do, in a few words.
    pub what: &'static str,
    /// Every press the line stands for, and what it asks for.
    pub presses: &'static [(Chord, Does)],
    /// Hints this line puts on the explorer's key bar: (place on the bar, keys, what).
    pub bar: &'static [(u8, &'static str, &'static str)],
}

/// A heading of the help page and its lines.
pub type Group = (&'static str, &'static [Row]);

use Chord::{Ctrl, Key, Shift};
use Does::{Move, Send};
use KeyCode::Char;
use Message as M;

const fn row(keys: &'static str, what: &'static str, presses: &'static [(Chord, Does)]) -> Row {
    Row {
        keys,
        what,
        presses,
        bar: &[],
    }
}

impl Row {
    /// The line, also on the key bar with these hints (place, keys, what).
    const fn on_bar(mut self, bar: &'static [(u8, &'static str, &'static str)]) -> Self {
        self.bar = bar;
        self
    }
}

/// Every key of the explorer, in the help page's two columns of groups.
pub const GROUPS: [&[Group]; 2] = [
    &[
        (
            "Sliders",
            &[
                row(
                    "↑ ↓  k j",
                    "select a slider",
                    &[
                        (Key(KeyCode::Up), Move(Motion::Up)),
                        (Key(KeyCode::Down), Move(Motion::Down)),
                        (Key(Char('k')), Move(Motion::Up)),
                        (Key(Char('j')), Move(Motion::Down)),
                    ],
                ),
                row(
                    "← →  h l",
                    "step it",
                    &[
                        (Key(KeyCode::Left), Move(Motion::Left)),
                        (Key(KeyCode::Right), Move(Motion::Right)),
                        (Key(Char('h')), Move(Motion::Left)),
                        (Key(Char('l')), Move(Motion::Right)),
                    ],
                ),
                row(
                    "H L PgUp PgDn",
                    "step a tenth",
                    &[
                        (Key(Char('H')), Send(M::BigStep(-1))),
                        (Key(Char('L')), Send(M::BigStep(1))),
                        (Key(KeyCode::PageUp), Move(Motion::PageUp)),
                        (Key(KeyCode::PageDown), Move(Motion::PageDown)),
                        (Shift(KeyCode::Left), Move(Motion::ShiftLeft)),
                        (Shift(KeyCode::Right), Move(Motion::ShiftRight)),
                    ],
                ),
                row(
                    "Home End",
                    "minimum / maximum",
                    &[
                        (Key(KeyCode::Home), Move(Motion::Home)),
                        (Key(KeyCode::End), Move(Motion::End)),
                    ],
                ),
                row(
                    "r  R",
                    "reset it / reset all",
                    &[
                        (Key(Char('r')), Send(M::Reset)),
                        (Key(Char('R')), Send(M::ResetAll)),
                    ],
                )
                .on_bar(&[(7, "r/R", "reset")]),
            ],
        ),
        (
            "Mouse",
            &[row("drag wheel tab", "set a slider; chart", &[])],
        ),
        (
            "General",
            &[
                row("?", "this help", &[(Key(Char('?')), Send(M::ToggleHelp))])
                    .on_bar(&[(1, "?", "help")]),
                row(
                    "q  Esc",
                    "quit, asking first",
                    &[
                        (Key(Char('q')), Send(M::RequestQuit)),
                        (Key(KeyCode::Esc), Send(M::RequestQuit)),
                    ],
                )
                .on_bar(&[(0, "q", "quit")]),
                row("Ctrl-C", "quit at once", &[(Ctrl('c'), Send(M::Quit))]),
                row(
                    "Ctrl-Z",
                    "suspend (fg returns)",
                    &[(Ctrl('z'), Does::Suspend)],
                ),
            ],
        ),
        (
            "Insight",
            &[
                row(
                    "T  o",
                    "tornado; its output",
                    &[
                        (Key(Char('T')), Send(M::ToggleTornado)),
                        (Key(Char('o')), Send(M::CycleOutput)),
                    ],
                ),
                row(
                    "Enter",
                    "tornado bar's slider",
                    &[(Key(KeyCode::Enter), Send(M::TornadoChoose))],
                ),
                row(
                    "g",
                    "goal seek (slider)",
                    &[(Key(Char('g')), Send(M::OpenSeek))],
                ),
                row(
                    "B",
                    "bands: draws, errors",
                    &[(Key(Char('B')), Send(M::ToggleBands))],
                ),
            ],
        ),
    ],
    &[
        (
            "Charts and years",
            &[
                row(
                    "1 2 3 4",
                    "DRAM NAND ships base",
                    &[
                        (Key(Char('1')), Send(M::Chart(ChartKind::Dram))),
                        (Key(Char('2')), Send(M::Chart(ChartKind::Nand))),
                        (Key(Char('3')), Send(M::Chart(ChartKind::Shipments))),
                        (Key(Char('4')), Send(M::Chart(ChartKind::InstalledBase))),
                    ],
                )
                .on_bar(&[(3, "1-6", "chart")]),
                row(
                    "5 6",
                    "supply/demand, price",
                    &[
                        (Key(Char('5')), Send(M::Chart(ChartKind::Balance))),
                        (Key(Char('6')), Send(M::Chart(ChartKind::Price))),
                    ],
                ),
                row(
                    "m",
                    "market: DRAM / NAND",
                    &[(Key(Char('m')), Send(M::ToggleMemory))],
                ),
                row(
                    "[ ]",
                    "previous / next year",
                    &[
                        (Key(Char('[')), Send(M::Year(-1))),
                        (Key(Char(']')), Send(M::Year(1))),
                    ],
                )
                .on_bar(&[(2, "[ ]", "year")]),
                row(
                    "b  v",
                    "baseline; view",
                    &[
                        (Key(Char('b')), Send(M::ToggleBaseline)),
                        (Key(Char('v')), Send(M::CycleView)),
                    ],
                )
                .on_bar(&[(5, "b", "baseline"), (6, "v", "view")]),
                row(
                    "z",
                    "all years / recent",
                    &[(Key(Char('z')), Send(M::ToggleAllYears))],
                ),
                row(
                    "d",
                    "table: ships, EB, mkt",
                    &[(Key(Char('d')), Send(M::CycleTableView))],
                ),
                row(
                    "t  { }",
                    "backtest; base year",
                    &[
                        (Key(Char('t')), Send(M::ToggleBacktest)),
                        (Key(Char('{')), Send(M::BaseYear(-1))),
                        (Key(Char('}')), Send(M::BaseYear(1))),
                    ],
                )
                .on_bar(&[(4, "t", "backtest")]),
                row(
                    "Tab Shift-Tab",
                    "move focus",
                    &[
                        (Key(KeyCode::Tab), Send(M::CycleFocus(1))),
                        (Key(KeyCode::BackTab), Send(M::CycleFocus(-1))),
                    ],
                )
                .on_bar(&[(8, "Tab", "focus")]),
            ],
        ),
        (
            "Scenarios and meetings",
            &[
                row(
                    "s  S",
                    "load; save as",
                    &[
                        (Key(Char('s')), Send(M::OpenPicker)),
                        (Key(Char('S')), Send(M::OpenSave)),
                    ],
                ),
                row(
                    "u  Ctrl-R",
                    "undo; redo",
                    &[(Key(Char('u')), Send(M::Undo)), (Ctrl('r'), Send(M::Redo))],
                ),
                row(
                    "w  i",
                    "changes; slider info",
                    &[
                        (Key(Char('w')), Send(M::ToggleChanges)),
                        (Key(Char('i')), Send(M::ToggleInfo)),
                    ],
                ),
                row(
                    "c  x",
                    "pin to compare; clear",
                    &[
                        (Key(Char('c')), Send(M::Pin)),
                        (Key(Char('x')), Send(M::ClearPins)),
                    ],
                ),
                row(
                    "p  y",
                    "present; share",
                    &[
                        (Key(Char('p')), Send(M::TogglePresentation)),
                        (Key(Char('y')), Send(M::Share)),
                    ],
                ),
                row(
                    ".  e",
                    "replay; export",
                    &[
                        (Key(Char('.')), Send(M::Replay)),
                        (Key(Char('e')), Send(M::Export)),
                    ],
                ),
                row("E", "handout (HTML)", &[(Key(Char('E')), Send(M::Report))]),
            ],
        ),
    ],
];

/// The explorer's key bar, in order (whole hints only, as many as fit): key label, what; drawn
/// from the lines of the table that are on it (once).
pub fn bar() -> &'static [(&'static str, &'static str)] {
    static BAR: std::sync::LazyLock<Vec<(&'static str, &'static str)>> =
        std::sync::LazyLock::new(|| {
            let mut hints: Vec<(u8, &'static str, &'static str)> =
                rows().flat_map(|r| r.bar.iter().copied()).collect();
            hints.sort_by_key(|h| h.0);
            hints
                .into_iter()
                .map(|(_, keys, what)| (keys, what))
                .collect()
        });
    &BAR
}

/// The two arrow hints the key bar shows after `?`, by focus: sliders, chart, table.
pub const BAR_ARROWS: [[(&str, &str); 2]; 3] = [
    [("↑↓", "select"), ("←→", "adjust")],
    [("↑↓", "chart"), ("←→", "year")],
    [("↑↓", "year"), ("PgUp/Dn", "page")],
];

/// The chord names a bar label stands for: `r/R` is r and R, `1-6` is 1 to 6, `↑↓` is ↑ and ↓,
/// `PgUp/Dn` is PgUp and PgDn.
pub fn bar_label_keys(label: &str) -> Vec<String> {
    if let Some((a, b)) = label.split_once('-')
        && let (Some(a), Some(b)) = (a.parse::<u8>().ok(), b.parse::<u8>().ok())
    {
        return (a..=b).map(|n| n.to_string()).collect();
    }
    if label == "PgUp/Dn" {
        return vec!["PgUp".into(), "PgDn".into()];
    }
    if label.chars().count() == 2 && label.chars().all(|c| "↑↓←→".contains(c)) {
        return label.chars().map(String::from).collect();
    }
    label
        .split([' ', '/'])
        .filter(|k| !k.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Every row of the table.
pub fn rows() -> impl Iterator<Item = &'static Row> {
    GROUPS
        .iter()
        .flat_map(|column| column.iter())
        .flat_map(|(_, rows)| rows.iter())
}

/// What a press does, if the table has it.
pub fn does(code: KeyCode, mods: KeyModifiers) -> Option<Does> {
    pressed(rows().flat_map(|r| r.presses.iter()), code, mods)
}

/// What the first of `presses` that a press of `code` with `mods` matches does (every key table
/// looks a press up this way).
pub fn pressed<'a>(
    mut presses: impl Iterator<Item = &'a (Chord, Does)>,
    code: KeyCode,
    mods: KeyModifiers,
) -> Option<Does> {
    presses
        .find(|(chord, _)| chord.matches(code, mods))
        .map(|(_, d)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The help text of each row names exactly presses of that row, so the page cannot promise
    /// a key that does something else.
    #[test]
    fn every_shown_key_is_a_press_of_its_row() {
        for r in rows().filter(|r| !r.presses.is_empty()) {
            let names: Vec<String> = r.presses.iter().map(|(c, _)| c.name()).collect();
            for shown in r.keys.split_whitespace() {
                assert!(names.iter().any(|n| n == shown), "{shown} in {r:?}");
            }
        }
    }

    /// The help page has two columns of 38 characters: a key column of 15 and the text. A
    /// longer text used to be cut off ("what changed; about a").
    #[test]
    fn every_row_fits_its_help_column() {
        for r in rows() {
            assert!(r.keys.chars().count() <= 15, "{r:?}");
            assert!(r.what.chars().count() <= 21, "{r:?}");
        }
    }

    /// The key bars name only keys the table binds.
    #[test]
    fn every_key_bar_key_is_bound() {
        let bound: Vec<String> = rows()
            .flat_map(|r| r.presses.iter().map(|(c, _)| c.name()))
            .collect();
        let main = bar();
        assert_eq!(main.len(), 9, "{main:?}");
        let bars = main.iter().chain(BAR_ARROWS.iter().flatten());
        for (label, what) in bars {
            let keys = bar_label_keys(label);
            assert!(!keys.is_empty(), "{label}");
            for k in keys {
                assert!(bound.contains(&k), "bar `{label} {what}`: {k} is not bound");
            }
        }
        assert_eq!(bar_label_keys("1-6").len(), 6);
        assert_eq!(bar_label_keys("r/R"), ["r", "R"]);
    }

    #[test]
    fn no_press_is_bound_twice() {
        let presses: Vec<Chord> = rows()
            .flat_map(|r| r.presses.iter().map(|(c, _)| *c))
            .collect();
        for (i, c) in presses.iter().enumerate() {
            assert!(!presses[i + 1..].contains(c), "{c:?} bound twice");
        }
    }

    #[test]
    fn shift_matters_for_arrows_not_for_letters() {
        assert_eq!(
            does(KeyCode::Left, KeyModifiers::SHIFT),
            Some(Move(Motion::ShiftLeft))
        );
        assert_eq!(
            does(KeyCode::Left, KeyModifiers::NONE),
            Some(Move(Motion::Left))
        );
        assert_eq!(
            does(KeyCode::Char('H'), KeyModifiers::SHIFT),
            Some(Send(M::BigStep(-1)))
        );
        assert_eq!(
            does(KeyCode::Char('r'), KeyModifiers::CONTROL),
            Some(Send(M::Redo))
        );
        assert_eq!(does(KeyCode::Char('Z'), KeyModifiers::NONE), None);
    }
}
