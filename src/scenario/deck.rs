//! A presentation deck: the scenarios to step through, one name or file per line.

use super::file::Scenario;
use super::store::{ScenarioError, Store};
use crate::data::{Problem, Problems};
use crate::params::Catalog;

/// The scenarios named in a deck file (`#` starts a comment; blank lines are skipped), loaded
/// and checked; every bad line is reported with its line number (not only the first).
pub fn load_deck(
    file: &str,
    text: &str,
    store: &Store,
    catalog: &Catalog,
) -> Result<Vec<Scenario>, Problems> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let entry = line.split('#').next().unwrap_or("").trim();
        if entry.is_empty() {
            continue;
        }
        match store.load(entry, catalog) {
            Ok(s) => out.push(s),
            Err(ScenarioError::Invalid(p)) => problems.extend(p.0),
            Err(e) => problems.extend(deck_problem(file, n + 1, e.to_string()).0),
        }
    }
    if !problems.is_empty() {
        return Err(Problems(problems));
    }
    if out.is_empty() {
        return Err(deck_problem(
            file,
            0,
            "no scenarios; expected one scenario name or file per line".into(),
        ));
    }
    Ok(out)
}

/// A deck's problem at `line` (0: the whole file).
fn deck_problem(file: &str, line: usize, message: String) -> Problems {
    Problems(vec![Problem {
        file: file.to_owned(),
        line,
        column: 1,
        message,
    }])
}

/// The default deck: every built-in scenario in order.
pub fn builtin_deck(store: &Store, catalog: &Catalog) -> Vec<Scenario> {
    super::store::BUILTIN
        .iter()
        .filter_map(|(id, _)| store.load(id, catalog).ok())
        .collect()
}
