//! Scenarios: named sets of overrides with a description, built in or saved by users, and
//! presentation decks of them.

mod deck;
mod file;
pub mod share;
mod store;

pub use deck::{CatalogAt, builtin_deck, builtin_deck_at, load_deck, load_deck_at};
pub use file::{Scenario, clean_value, parse, peek_base_year, peek_name, to_toml};
pub use store::{BUILTIN, Entry, SaveError, ScenarioError, ScenarioText, Store, slug};
