//! What a command-line tool is expected to offer: shell completions that know the parameter ids
//! and scenario names, a manual page, and a version that names the data.

use super::args::Cli;
use crate::scenario::Store;
use crate::setup::Setup;
use clap::CommandFactory;
use clap::builder::PossibleValuesParser;

/// The command with `--set` offering every `ID=` and `--scenario` every scenario id as values
/// (for completion only: parsing keeps the real parsers).
fn with_values(mut cmd: clap::Command, ids: &[String], scenarios: &[String]) -> clap::Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |sub| with_values(sub, ids, scenarios));
    }
    cmd.mut_args(|a| match a.get_id().as_str() {
        "set" => a.value_parser(PossibleValuesParser::new(ids.to_vec())),
        "scenario" => a.value_parser(PossibleValuesParser::new(scenarios.to_vec())),
        _ => a,
    })
}

/// Whether `word` is safe to paste unquoted into any shell's completion code: letters,
/// digits and `. _ - + / , : @ %`, not starting with `-`.
fn shell_safe(word: &str) -> bool {
    !word.is_empty()
        && !word.starts_with('-')
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-+/,:@%".contains(c))
}

/// The completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, store: &Store) -> String {
    let ids: Vec<String> = Setup::load(None, None)
        .map(|s| {
            s.catalog
                .specs()
                .iter()
                .map(|p| format!("{}=", p.id))
                .collect()
        })
        .unwrap_or_default();
    // Only ids every shell can take as they are: completion scripts paste them into code
    // (bash's `compgen -W "..."`), so a file named `$(touch x).toml` must never reach one.
    let scenarios: Vec<String> = store
        .list()
        .into_iter()
        .map(|e| e.id)
        .filter(|id| shell_safe(id))
        .collect();
    let mut cmd = with_values(Cli::command(), &ids, &scenarios);
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "memcycle", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The manual page, in roff.
pub fn man() -> String {
    let mut out = Vec::new();
    // Rendering into a Vec cannot fail.
    let _ = clap_mangen::Man::new(Cli::command()).render(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The version line: the program's, and the built-in data set's title and years.
pub fn version() -> String {
    let data = crate::data::load(None)
        .map(|d| {
            let years = format!("{}-{}", d.first_year(), d.last_observed_year());
            if d.title.contains(&years) {
                format!(" (data: {})", d.title)
            } else {
                format!(" (data: {}, {years})", d.title)
            }
        })
        .unwrap_or_default();
    format!("{}{data}", env!("CARGO_PKG_VERSION"))
}
