//! The one table of keys: which presses ask for what, and how the help page lists them. The
//! keymap dispatches from it and the help page draws it, so the two cannot drift; tests check
//! the README's key table and the key bars against it.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// What a key asks for; the keymap turns it into a message, some according to the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Up: select the slider above, the previous chart or the previous year.
    Up,
    /// Down: the next slider, chart or year.
    Down,
    /// Left: step the slider down, or the previous year.
    Left,
    /// Right: step the slider up, or the next year.
    Right,
    /// Shift-Left: a large step down on the sliders, else the previous year.
    ShiftLeft,
    /// Shift-Right: a large step up on the sliders, else the next year.
    ShiftRight,
    /// A large step down (a tenth of the range), whatever the focus.
    BigStepDown,
    /// A large step up, whatever the focus.
    BigStepUp,
    /// Page up: a large step up on the sliders, else a page of years back.
    PageUp,
    /// Page down: a large step down on the sliders, else a page of years on.
    PageDown,
    /// The slider's minimum, or the first year.
    Home,
    /// The slider's maximum, or the last year.
    End,
    /// Reset the selected slider.
    Reset,
    /// Reset every slider.
    ResetAll,
    /// The previous year.
    PrevYear,
    /// The next year.
    NextYear,
    /// Chart number n (0-based).
    Chart(usize),
    /// Market charts: DRAM or NAND.
    Memory,
    /// Backtest mode on or off.
    Backtest,
    /// Backtest base year earlier.
    BaseEarlier,
    /// Backtest base year later.
    BaseLater,
    /// Show or hide the baseline.
    Baseline,
    /// Charts over every history year, or around the base year.
    AllYears,
    /// Absolute, change, % change.
    View,
    /// What the year table shows: shipments, DRAM or NAND by segment, the market.
    TableView,
    /// Focus the next panel.
    FocusNext,
    /// Focus the previous panel.
    FocusPrev,
    /// Load a scenario.
    Load,
    /// Save the settings as a scenario.
    Save,
    /// Undo.
    Undo,
    /// Redo.
    Redo,
    /// What changed against the baseline.
    Changes,
    /// About the selected slider.
    Info,
    /// Pin the settings for comparison.
    Pin,
    /// Clear the pins.
    ClearPins,
    /// Presentation mode on or off.
    Present,
    /// Replay the last slider move.
    Replay,
    /// The help page.
    Help,
    /// Tornado of the insight output on or off.
    Tornado,
    /// The next insight output.
    Output,
    /// Select the highlighted tornado bar's slider.
    Choose,
    /// Goal seek with the selected slider.
    Seek,
    /// Uncertainty bands on or off.
    Bands,
    /// Quit, asking first when there are unsaved changes.
    Quit,
    /// Quit at once.
    ForceQuit,
    /// Suspend to the shell (`fg` returns).
    Suspend,
    /// Copy the settings to the clipboard.
    Share,
    /// Export the chart and the table.
    Export,
    /// Write the handout (HTML report).
    Report,
}

impl Action {
    /// Whether the key works in presentation mode too: it changes what is shown, not what is
    /// assumed.
    pub fn is_view(self) -> bool {
        matches!(
            self,
            Action::Help
                | Action::PrevYear
                | Action::NextYear
                | Action::Chart(_)
                | Action::Replay
                | Action::Baseline
                | Action::AllYears
                | Action::View
                | Action::TableView
                | Action::Bands
        )
    }
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
    pub presses: &'static [(Chord, Action)],
    /// Hints this line puts on the explorer's key bar: (place on the bar, keys, what).
    pub bar: &'static [(u8, &'static str, &'static str)],
}

/// A heading of the help page and its lines.
pub type Group = (&'static str, &'static [Row]);

use Action as A;
use Chord::{Ctrl, Key, Shift};
use KeyCode::Char;

const fn row(keys: &'static str, what: &'static str, presses: &'static [(Chord, Action)]) -> Row {
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
                        (Key(KeyCode::Up), A::Up),
                        (Key(KeyCode::Down), A::Down),
                        (Key(Char('k')), A::Up),
                        (Key(Char('j')), A::Down),
                    ],
                ),
                row(
                    "← →  h l",
                    "step it",
                    &[
                        (Key(KeyCode::Left), A::Left),
                        (Key(KeyCode::Right), A::Right),
                        (Key(Char('h')), A::Left),
                        (Key(Char('l')), A::Right),
                    ],
                ),
                row(
                    "H L PgUp PgDn",
                    "step a tenth",
                    &[
                        (Key(Char('H')), A::BigStepDown),
                        (Key(Char('L')), A::BigStepUp),
                        (Key(KeyCode::PageUp), A::PageUp),
                        (Key(KeyCode::PageDown), A::PageDown),
                        (Shift(KeyCode::Left), A::ShiftLeft),
                        (Shift(KeyCode::Right), A::ShiftRight),
                    ],
                ),
                row(
                    "Home End",
                    "minimum / maximum",
                    &[(Key(KeyCode::Home), A::Home), (Key(KeyCode::End), A::End)],
                ),
                row(
                    "r  R",
                    "reset it / reset all",
                    &[(Key(Char('r')), A::Reset), (Key(Char('R')), A::ResetAll)],
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
                row("?", "this help", &[(Key(Char('?')), A::Help)]).on_bar(&[(1, "?", "help")]),
                row(
                    "q  Esc",
                    "quit, asking first",
                    &[(Key(Char('q')), A::Quit), (Key(KeyCode::Esc), A::Quit)],
                )
                .on_bar(&[(0, "q", "quit")]),
                row("Ctrl-C", "quit at once", &[(Ctrl('c'), A::ForceQuit)]),
                row("Ctrl-Z", "suspend (fg returns)", &[(Ctrl('z'), A::Suspend)]),
            ],
        ),
        (
            "Insight",
            &[
                row(
                    "T  o",
                    "tornado; its output",
                    &[(Key(Char('T')), A::Tornado), (Key(Char('o')), A::Output)],
                ),
                row(
                    "Enter",
                    "tornado bar's slider",
                    &[(Key(KeyCode::Enter), A::Choose)],
                ),
                row("g", "goal seek (slider)", &[(Key(Char('g')), A::Seek)]),
                row("B", "bands: draws, errors", &[(Key(Char('B')), A::Bands)]),
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
                        (Key(Char('1')), A::Chart(0)),
                        (Key(Char('2')), A::Chart(1)),
                        (Key(Char('3')), A::Chart(2)),
                        (Key(Char('4')), A::Chart(3)),
                    ],
                )
                .on_bar(&[(3, "1-6", "chart")]),
                row(
                    "5 6",
                    "supply/demand, price",
                    &[(Key(Char('5')), A::Chart(4)), (Key(Char('6')), A::Chart(5))],
                ),
                row("m", "market: DRAM / NAND", &[(Key(Char('m')), A::Memory)]),
                row(
                    "[ ]",
                    "previous / next year",
                    &[(Key(Char('[')), A::PrevYear), (Key(Char(']')), A::NextYear)],
                )
                .on_bar(&[(2, "[ ]", "year")]),
                row(
                    "b  v",
                    "baseline; view",
                    &[(Key(Char('b')), A::Baseline), (Key(Char('v')), A::View)],
                )
                .on_bar(&[(5, "b", "baseline"), (6, "v", "view")]),
                row("z", "all years / recent", &[(Key(Char('z')), A::AllYears)]),
                row(
                    "d",
                    "table: ships, EB, mkt",
                    &[(Key(Char('d')), A::TableView)],
                ),
                row(
                    "t  { }",
                    "backtest; base year",
                    &[
                        (Key(Char('t')), A::Backtest),
                        (Key(Char('{')), A::BaseEarlier),
                        (Key(Char('}')), A::BaseLater),
                    ],
                )
                .on_bar(&[(4, "t", "backtest")]),
                row(
                    "Tab Shift-Tab",
                    "move focus",
                    &[
                        (Key(KeyCode::Tab), A::FocusNext),
                        (Key(KeyCode::BackTab), A::FocusPrev),
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
                    &[(Key(Char('s')), A::Load), (Key(Char('S')), A::Save)],
                ),
                row(
                    "u  Ctrl-R",
                    "undo; redo",
                    &[(Key(Char('u')), A::Undo), (Ctrl('r'), A::Redo)],
                ),
                row(
                    "w  i",
                    "changes; slider info",
                    &[(Key(Char('w')), A::Changes), (Key(Char('i')), A::Info)],
                ),
                row(
                    "c  x",
                    "pin to compare; clear",
                    &[(Key(Char('c')), A::Pin), (Key(Char('x')), A::ClearPins)],
                ),
                row(
                    "p  y",
                    "present; share",
                    &[(Key(Char('p')), A::Present), (Key(Char('y')), A::Share)],
                ),
                row(
                    ".  e",
                    "replay; export",
                    &[(Key(Char('.')), A::Replay), (Key(Char('e')), A::Export)],
                ),
                row("E", "handout (HTML)", &[(Key(Char('E')), A::Report)]),
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

/// What a press asks for, if the table has it.
pub fn action(code: KeyCode, mods: KeyModifiers) -> Option<Action> {
    rows()
        .flat_map(|r| r.presses.iter())
        .find(|(chord, _)| chord.matches(code, mods))
        .map(|(_, a)| *a)
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
            action(KeyCode::Left, KeyModifiers::SHIFT),
            Some(Action::ShiftLeft)
        );
        assert_eq!(
            action(KeyCode::Left, KeyModifiers::NONE),
            Some(Action::Left)
        );
        assert_eq!(
            action(KeyCode::Char('H'), KeyModifiers::SHIFT),
            Some(Action::BigStepDown)
        );
        assert_eq!(
            action(KeyCode::Char('r'), KeyModifiers::CONTROL),
            Some(Action::Redo)
        );
        assert_eq!(action(KeyCode::Char('Z'), KeyModifiers::NONE), None);
    }
}
