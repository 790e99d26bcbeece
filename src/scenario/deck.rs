//! A presentation deck: the scenarios to step through, one name or file per line.

use super::file::Scenario;
use super::store::{ScenarioError, Store};
use crate::data::{Problem, Problems};
use crate::params::Catalog;
use crate::units::Year;

/// The scenarios named in a deck file (`#` starts a comment; blank lines are skipped), loaded
/// and checked; every bad line is reported with its line number (not only the first).
pub fn load_deck(
    file: &str,
    text: &str,
    store: &Store,
    catalog: &Catalog,
) -> Result<Vec<Scenario>, Problems> {
    load_deck_at(file, text, store, &|_| Some(catalog.clone()))
}

/// The catalog a scenario is checked against: that of its own base year (`None`: the data's
/// default), or `None` when there is no such base year in the data.
pub type CatalogAt<'a> = &'a dyn Fn(Option<Year>) -> Option<Catalog>;

/// Reads and checks one scenario of a deck at its own base year (a slide about the past, like
/// the 2023 cuts, projects from 2022).
fn load_at(store: &Store, entry: &str, catalog_at: CatalogAt) -> Result<Scenario, ScenarioError> {
    let text = store.read(entry)?;
    let year = text.base_year();
    match catalog_at(year) {
        Some(catalog) => text.parse(&catalog),
        None => Err(ScenarioError::Unreadable {
            path: text.file.clone(),
            reason: format!(
                "its base year {} is not one the data can project from",
                year.map_or_else(String::new, |y| y.to_string())
            ),
        }),
    }
}

/// [`load_deck`], each scenario checked against the catalog of its own base year.
pub fn load_deck_at(
    file: &str,
    text: &str,
    store: &Store,
    catalog_at: CatalogAt,
) -> Result<Vec<Scenario>, Problems> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let entry = line.split('#').next().unwrap_or("").trim();
        if entry.is_empty() {
            continue;
        }
        match load_at(store, entry, catalog_at) {
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
    builtin_deck_at(store, &|_| Some(catalog.clone()))
}

/// [`builtin_deck`], each scenario at its own base year (so `cuts-2023` is a slide too).
pub fn builtin_deck_at(store: &Store, catalog_at: CatalogAt) -> Vec<Scenario> {
    super::store::BUILTIN
        .iter()
        .filter_map(|(id, _)| load_at(store, id, catalog_at).ok())
        .collect()
}
