//! Errors that end a command with exit code 2: usage, configuration and I/O problems.

use std::io::Write as _;

/// A problem to report on stderr, as `stowage: message` plus optional indented lines.
#[derive(Debug)]
pub struct CliError {
    /// The first line, without the `stowage: ` prefix.
    pub message: String,
    /// Extra lines (help, context), printed as they are.
    pub details: Vec<String>,
    /// Print `message` as it is, without the `stowage: ` prefix (for `file:line:col:` errors).
    pub bare: bool,
}

impl CliError {
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            details: Vec::new(),
            bare: false,
        }
    }

    #[must_use]
    pub fn with_detail(mut self, line: impl Into<String>) -> Self {
        self.details.push(line.into());
        self
    }

    /// A file that could not be read: one line naming the file, the OS error and what to do.
    pub fn read(path: &std::path::Path, err: &std::io::Error) -> Self {
        let hint = match err.kind() {
            std::io::ErrorKind::NotFound => "; check the path, or pass `-` to read standard input",
            std::io::ErrorKind::PermissionDenied => "; check the file's permissions",
            _ => "",
        };
        Self::new(format!("cannot read {}: {err}{hint}", path.display()))
    }

    pub fn report(&self) {
        let stderr = std::io::stderr();
        let mut w = stderr.lock();
        if self.bare {
            let _ = writeln!(w, "{}", self.message);
        } else {
            let _ = writeln!(w, "stowage: {}", self.message);
        }
        for d in &self.details {
            let _ = writeln!(w, "{d}");
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        Self::new(format!("cannot write output: {e}"))
    }
}
