//! The subcommands.

pub mod image;
pub mod lint;
pub mod parse;
pub mod rules;

use std::io::Read as _;
use std::path::Path;

use crate::error::CliError;

/// Reads a file, or standard input for `-`.
pub fn read_input(path: &Path) -> Result<Vec<u8>, CliError> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .map_err(|e| CliError::new(format!("cannot read standard input: {e}")))?;
        return Ok(buf);
    }
    if path.is_dir() {
        return Err(CliError::new(format!(
            "cannot read {}: it is a directory; name a Dockerfile (or use `stowage lint DIR`)",
            path.display()
        )));
    }
    std::fs::read(path).map_err(|e| CliError::read(path, &e))
}
