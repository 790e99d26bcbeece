//! The `memcycle` binary: parses arguments and runs a headless command or the explorer.

// A panic is never the way to report something a user can cause (tests may unwrap: see
// clippy.toml).
#![deny(clippy::unwrap_used, clippy::expect_used)]

use clap::{CommandFactory, FromArgMatches};
use memcycle::cli::{self, Cli, Command, ProjectFormat};
use memcycle::scenario;
use memcycle::tui;
use memcycle::tui::App;
use memcycle::tui::Theme;
use std::io::{IsTerminal, Write};

/// Ends the process on a clap error or on `--help` / `--version`: help and version go to
/// standard output as clap writes them; errors go to standard error with the text the user
/// typed stripped of control, bidirectional and zero-width characters, as every other error
/// path does (clap echoed `--set $'\u202ehorizon=1e999'` as it was).
fn clap_exit(e: &clap::Error) -> ! {
    if e.use_stderr() {
        let text = memcycle::data::sanitize_lines(&e.render().to_string());
        eprint!("{text}");
        std::process::exit(e.exit_code());
    }
    e.exit()
}

fn main() {
    // A file-size limit (ulimit -f) must make a write fail with an error we report, not kill
    // the process with SIGXFSZ (which would leave the terminal in the explorer's mode and a
    // half-written temporary file behind).
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    // The version names the built-in data set too, which clap cannot know at compile time.
    let version = cli::conventions::version();
    let matches = match Cli::command().version(version).try_get_matches() {
        Ok(m) => m,
        Err(e) => clap_exit(&e),
    };
    let mut args = match Cli::from_arg_matches(&matches) {
        Ok(args) => args,
        Err(e) => clap_exit(&e),
    };
    if let Some(option) = args.explorer_options_with_a_command() {
        eprintln!(
            "memcycle: {option} before the command is an option of the explorer; give it after the command (`memcycle COMMAND {option} ...`)"
        );
        std::process::exit(2);
    }
    // The configuration file fills what the command line left open; a broken one is an error
    // with its file, line and column, before anything else happens.
    let config = match memcycle::config::load(args.config.as_deref()) {
        Ok(c) => c,
        Err(problems) => {
            eprintln!("{}", memcycle::data::sanitize_lines(&problems.to_string()));
            std::process::exit(1);
        }
    };
    // Its years are checked against the data the command will use, located in the file.
    if let Err(problems) = cli::settings::check(&args, &config) {
        eprintln!("{}", memcycle::data::sanitize_lines(&problems.to_string()));
        std::process::exit(1);
    }
    if matches!(args.command, Some(Command::Config)) {
        print!(
            "{}",
            memcycle::data::sanitize_lines(&cli::settings::describe(&args, &config))
        );
        std::process::exit(0);
    }
    cli::settings::apply(&mut args, &config);
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let code = match &args.command {
        Some(command) => cli::run(command, &mut out, &mut err),
        None if !std::io::stdout().is_terminal() => {
            // Not a terminal (piped or redirected): print the projection instead; a --deck
            // with problems is still an error.
            if let Some(e) = deck_error(&args) {
                let _ = writeln!(err, "{}", memcycle::data::sanitize_lines(&e));
                std::process::exit(1);
            }
            let command = Command::Project {
                scenario: args.explore.clone(),
                format: ProjectFormat::Table,
            };
            cli::run(&command, &mut out, &mut err)
        }
        None => {
            drop((out, err));
            explore(&args, &config)
        }
    };
    std::process::exit(code);
}

/// Loads the data (reporting problems before the screen is taken over) and runs the explorer.
fn explore(args: &Cli, config: &memcycle::config::Config) -> i32 {
    let (setup, params, scenario) = match args.explore.load_scenario() {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("{}", memcycle::data::sanitize_lines(&cli::describe(&e)));
            return 1;
        }
    };
    let store = args.explore.pick.store();
    store.remove_stale_temp_files();
    let deck = match load_deck(args, &store, &setup) {
        Ok(deck) => deck,
        Err(e) => {
            eprintln!("{}", memcycle::data::sanitize_lines(&e.to_string()));
            return 1;
        }
    };
    let mut name = scenario
        .as_ref()
        .map_or_else(|| "Baseline".to_owned(), |s| s.name.clone());
    if !args.explore.set.is_empty() {
        name.push_str(" + --set");
    }
    // The handout lists the opening scenario's sources, as it does for one loaded with `l`.
    let (description, sources) = match scenario {
        Some(s) => (s.description, s.sources),
        None => deck
            .first()
            .map(|s| (s.description.clone(), s.sources.clone()))
            .unwrap_or_default(),
    };
    let marker = args.marker.unwrap_or(cli::MarkerArg::Braille).marker();
    let light = config.settings.theme == Some(memcycle::config::ThemeName::Light);
    let exports = cli::settings::exports_dir(config, &store);
    let chart = config
        .settings
        .chart
        .map_or(memcycle::tui::state::app::ChartKind::Dram, Into::into);
    let mut app = App::new(
        setup,
        params,
        name,
        Theme::from_env(marker).with_light(light),
    )
    .with_description(description)
    .with_sources(sources)
    .with_store(store)
    .with_deck(deck)
    .with_exports_dir(exports)
    .with_chart(chart);
    let kept = tui::io::last_session::path();
    if restores_session(args)
        && let Some(file) = &kept
    {
        match tui::io::last_session::load_from(file) {
            Ok(Some(saved)) => tui::io::last_session::restore(&mut app, &saved),
            Ok(None) => {}
            Err(e) => app.show_status(format!("last session not restored: {e}"), true),
        }
    }
    let watch = args.watch.then(|| args.explore.data.clone()).flatten();
    match tui::run(app, watch) {
        Ok(app) => {
            // Nothing is lost: the session comes back at the next start (not --fresh).
            if let Some(file) = &kept
                && let Err(e) = tui::io::last_session::save_to(&app, file)
            {
                eprintln!("memcycle: the session was not kept: {e}");
            }
            0
        }
        Err(e) => {
            eprintln!("memcycle: terminal error: {e}");
            1
        }
    }
}

/// Whether the explorer starts from the last session: not with --fresh, and not when the
/// command line says where to start (a scenario, --set, a base year or a deck).
fn restores_session(args: &Cli) -> bool {
    !args.fresh
        && args.explore.pick.scenario.is_none()
        && args.explore.set.is_empty()
        && args.explore.base_year.is_none()
        && args.deck.is_none()
}

/// The presentation deck: `--deck FILE` (every problem an error) or the built-in scenarios.
fn load_deck(
    args: &Cli,
    store: &scenario::Store,
    setup: &memcycle::setup::Setup,
) -> Result<Vec<scenario::Scenario>, DeckError> {
    let catalog_at = |year| setup.catalog_at(year);
    match &args.deck {
        None => Ok(scenario::builtin_deck_at(store, &catalog_at)),
        Some(path) => {
            let name = memcycle::data::sanitize(&path.display().to_string());
            let text = memcycle::data::read_text(path).map_err(|source| DeckError::Text {
                name: name.clone(),
                source,
            })?;
            Ok(scenario::load_deck_at(&name, &text, store, &catalog_at)?)
        }
    }
}

/// Why the deck given with `--deck` was not used.
#[derive(Debug, thiserror::Error)]
enum DeckError {
    /// The file was not read, or is not UTF-8.
    #[error("{}", deck_text_problem(name, source))]
    Text {
        /// The file as given, sanitised.
        name: String,
        /// What went wrong.
        source: memcycle::data::TextError,
    },
    /// Every problem of its lines.
    #[error(transparent)]
    Lines(#[from] memcycle::data::Problems),
}

/// A deck file's reading problem, located where it is at a place in the file.
fn deck_text_problem(name: &str, e: &memcycle::data::TextError) -> String {
    match e.location() {
        None => format!("{name}: {e}; expected a deck file (one scenario per line)"),
        Some((line, column)) => format!("{name}:{line}:{column}: {e}"),
    }
}

/// The problem with `--deck`, if one was given and it has any.
fn deck_error(args: &Cli) -> Option<String> {
    args.deck.as_ref()?;
    let (setup, _, _) = match args.explore.load_scenario() {
        Ok(loaded) => loaded,
        Err(e) => return Some(cli::describe(&e)),
    };
    load_deck(args, &args.explore.pick.store(), &setup)
        .err()
        .map(|e| e.to_string())
}
