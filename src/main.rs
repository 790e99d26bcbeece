//! The `memcycle` binary: parses arguments and runs a headless command or the explorer.

use clap::Parser;
use memcycle::cli::{self, Cli, Command, ProjectFormat};
use memcycle::tui::{self, App, Theme};
use std::io::IsTerminal;

fn main() {
    let args = Cli::parse();
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let code = match &args.command {
        Some(command) => cli::run(command, &mut out, &mut err),
        None if !std::io::stdout().is_terminal() => {
            // Not a terminal (piped or redirected): print the projection instead.
            let command = Command::Project {
                scenario: args.explore.clone(),
                format: ProjectFormat::Table,
            };
            cli::run(&command, &mut out, &mut err)
        }
        None => {
            drop((out, err));
            explore(&args)
        }
    };
    std::process::exit(code);
}

/// Loads the data (reporting problems before the screen is taken over) and runs the explorer.
fn explore(args: &Cli) -> i32 {
    let (setup, params) = match args.explore.load() {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    let name = if args.explore.set.is_empty() {
        "Baseline"
    } else {
        "Custom (--set)"
    };
    let app = App::new(setup, params, name, Theme::from_env(args.marker.marker()));
    match tui::run(app) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("memcycle: terminal error: {e}");
            1
        }
    }
}
