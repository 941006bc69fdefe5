//! `stowage optimize`: size and layer-caching advice with estimated savings.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use stowage_core::{Inputs, optimize};

use crate::CmdResult;
use crate::discover;
use crate::error::CliError;
use crate::out;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OptimizeFormat {
    /// Human-readable advice.
    Tty,
    /// The report as JSON (suggestions with ranges, savings, methods, confidence).
    Json,
}

#[derive(Debug, Args)]
pub struct OptimizeArgs {
    /// The Dockerfile, or `-` for standard input. Its directory's `.dockerignore` (or
    /// `<file>.dockerignore`) is read, as `lint` does.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OptimizeFormat::Tty)]
    pub format: OptimizeFormat,
    /// The file name to use for standard input (to find its .dockerignore).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
}

pub fn run(args: &OptimizeArgs) -> CmdResult {
    let bytes = crate::commands::read_input(&args.file)?;
    let (text, _) = stowage_core::syntax::parse_bytes(&bytes);
    let is_stdin = args.file.as_os_str() == "-";
    let (display, inputs) = match (is_stdin, &args.stdin_filename) {
        (false, _) => (
            args.file.display().to_string(),
            discover::dockerignore_for(&args.file),
        ),
        (true, Some(name)) => (name.display().to_string(), discover::dockerignore_for(name)),
        (true, None) => ("-".to_owned(), Inputs::default()),
    };
    let report = optimize::optimize(&text, &inputs);
    let output = match args.format {
        OptimizeFormat::Json => {
            let mut s = serde_json::to_string_pretty(&serde_json::json!({
                "file": display,
                "dockerignore": dockerignore_state(&inputs),
                "report": report,
            }))
            .map_err(|e| CliError::new(format!("cannot serialise the report: {e}")))?;
            s.push('\n');
            s
        }
        OptimizeFormat::Tty => format!("{display}: {}", report.render_text()),
    };
    out::stdout(&output)?;
    Ok(0)
}

fn dockerignore_state(inputs: &Inputs) -> &'static str {
    match (inputs.dockerignore_checked, &inputs.dockerignore) {
        (false, _) => "unknown",
        (true, None) => "absent",
        (true, Some(_)) => "present",
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn states() {
        assert_eq!(dockerignore_state(&Inputs::default()), "unknown");
        assert_eq!(
            dockerignore_state(&discover::dockerignore_for(Path::new(
                "/nonexistent/dir/Dockerfile"
            ))),
            "absent"
        );
    }
}
