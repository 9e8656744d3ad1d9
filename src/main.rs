//! Without a subcommand the window opens; with one, the command line runs it.

use std::process::ExitCode;

use regio_in_beeld::{cli, ui};

fn main() -> ExitCode {
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(shown) => return shown,
    };
    match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => ui::run(&cli.open_options(), cli.first_frame),
    }
}
