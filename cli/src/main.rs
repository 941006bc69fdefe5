//! `stowage`: the command-line front end of the Stowage Dockerfile and image linter.
//!
//! All checking happens in `stowage-core` (which does no IO); this crate reads files, walks
//! directories, finds configuration, writes reports and fixed files, and picks exit codes:
//! 0 = nothing at or above the failure threshold, 1 = findings (or changes for `--diff`),
//! 2 = usage, configuration or I/O problems.

mod args;
mod commands;
mod config;
mod discover;
mod error;
mod formats;
mod optimize_cmd;
mod out;
mod position;

use std::process::ExitCode;

use clap::Parser as _;

use crate::args::{Cli, Command};
use crate::error::CliError;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and --version are "errors" to clap too; they print to stdout and exit 0.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let result = match cli.command {
        Command::Parse(a) => commands::parse::run(&a),
        Command::Lint(a) => commands::lint::run(&a),
        Command::Rules(a) => commands::rules::run_rules(&a),
        Command::Explain(a) => commands::rules::run_explain(&a),
        Command::Optimize(a) => optimize_cmd::run(&a),
        Command::Image(args::ImageCommand::Report(a)) => commands::image::run_report(&a),
        Command::GenerateDocs(a) => commands::rules::run_generate_docs(&a),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            e.report();
            ExitCode::from(2)
        }
    }
}

/// Shorthand for command results: an exit code, or an error that exits with 2.
pub type CmdResult = Result<u8, CliError>;
