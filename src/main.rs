//! The `memcycle` binary: parses arguments and dispatches to the CLI or the explorer.

use clap::Parser;
use memcycle::cli::{self, Cli, Command, ProjectFormat};

fn main() {
    let args = Cli::parse();
    let code = match &args.command {
        Some(command) => cli::run(
            command,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        None => {
            // Until the explorer lands: print the projection and how to use the commands.
            let command = Command::Project {
                scenario: args.explore.clone(),
                format: ProjectFormat::Table,
            };
            let code = cli::run(
                &command,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            );
            if code == 0 {
                eprintln!("\nSee `memcycle --help`: project, params and check.");
            }
            code
        }
    };
    std::process::exit(code);
}
