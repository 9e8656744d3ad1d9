//! Without a subcommand the window opens; with one, the command line runs it.

use std::process::ExitCode;

use clap::Parser;
use regio_in_beeld::{cli, ui};

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => ui::run(&cli.open_options(), cli.first_frame),
    }
}
