//! Writing to stdout and stderr through locked handles, and colours.

use std::io::{IsTerminal as _, Write};

/// Writes `text` to stdout. A closed pipe (`stowage … | head`) is not an error.
pub fn stdout(text: &str) -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    match w.write_all(text.as_bytes()).and_then(|()| w.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Writes `text` to stderr, ignoring failures (there is nowhere left to report them).
pub fn stderr(text: &str) {
    let stderr = std::io::stderr();
    let mut w = stderr.lock();
    let _ = w.write_all(text.as_bytes());
    let _ = w.flush();
}

/// Whether to colour stdout: not with `--no-color`, not with `NO_COLOR` set (non-empty),
/// and only on a terminal unless `FORCE_COLOR`/`CLICOLOR_FORCE` is set.
pub fn use_color(no_color_flag: bool) -> bool {
    if no_color_flag || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return false;
    }
    let forced = ["FORCE_COLOR", "CLICOLOR_FORCE"]
        .iter()
        .any(|k| std::env::var_os(k).is_some_and(|v| !v.is_empty() && v != "0"));
    forced || std::io::stdout().is_terminal()
}

/// ANSI styling that is a no-op when colours are off.
#[derive(Clone, Copy, Debug)]
pub struct Paint {
    pub on: bool,
}

impl Paint {
    pub fn paint(self, code: &str, text: &str) -> String {
        if self.on && !text.is_empty() {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    pub fn blue(self, text: &str) -> String {
        self.paint("1;34", text)
    }

    pub fn green(self, text: &str) -> String {
        self.paint("1;32", text)
    }

    pub fn severity(self, sev: stowage_core::Severity, text: &str) -> String {
        use stowage_core::Severity;
        let code = match sev {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
            Severity::Style => "1;35",
        };
        self.paint(code, text)
    }
}
