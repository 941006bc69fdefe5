//! Finding, reading and layering configuration.
//!
//! Precedence: `--config FILE`, then `$STOWAGE_CONFIG`, then the nearest `stowage.toml` or
//! `.stowage.toml` from the linted file's directory upwards (the search stops at a directory
//! holding `.git`). Command-line selectors are layered on top: `--select` replaces the file's
//! `select`, `--extend-select` and `--ignore` add to the file's lists.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use stowage_core::config::Selector;
use stowage_core::{Config, ConfigError, Linter, Severity};

use crate::error::CliError;
use crate::position::SourceMap;

pub const CONFIG_NAMES: [&str; 2] = ["stowage.toml", ".stowage.toml"];

/// Command-line settings that apply on top of every configuration file.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    pub select: Vec<String>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub target: Option<String>,
}

impl Overrides {
    /// Checks the selectors up front so a typo names the flag it came from.
    pub fn validate(&self) -> Result<(), CliError> {
        for (flag, list) in [
            ("--select", &self.select),
            ("--extend-select", &self.extend_select),
            ("--ignore", &self.ignore),
        ] {
            for s in list {
                if let Err(e) = Selector::parse(s) {
                    let help = match e.suggestion {
                        Some(sug) => format!("  help: did you mean `{sug}`?"),
                        None => "  help: run `stowage rules` to list every rule code and name"
                            .to_owned(),
                    };
                    return Err(CliError::new(format!(
                        "unknown rule, family or alias `{}` in `{flag}`",
                        e.selector
                    ))
                    .with_detail(help));
                }
            }
        }
        Ok(())
    }

    fn apply(&self, mut config: Config) -> Config {
        let nonempty = |l: &Vec<String>| {
            l.iter()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
        };
        let select = nonempty(&self.select);
        if !select.is_empty() {
            config.select = Some(select);
            // A command-line `--select` is the final word on what runs: ignores from the file
            // still apply (like ruff), extend-select from the file does not.
            config.extend_select.clear();
        }
        config.extend_select.extend(nonempty(&self.extend_select));
        config.ignore.extend(nonempty(&self.ignore));
        if self.target.is_some() {
            config.target.clone_from(&self.target);
        }
        config
    }
}

/// A configured linter and where its configuration came from.
pub struct Resolved {
    pub linter: Linter,
    pub failure_threshold: Option<Severity>,
}

/// Resolves configuration per directory, caching by the configuration file used.
pub struct ConfigResolver {
    explicit: Option<PathBuf>,
    isolated: bool,
    overrides: Overrides,
    by_file: HashMap<Option<PathBuf>, std::sync::Arc<Resolved>>,
    by_dir: HashMap<PathBuf, Option<PathBuf>>,
}

impl ConfigResolver {
    pub fn new(explicit: Option<PathBuf>, isolated: bool, overrides: Overrides) -> Self {
        let explicit = explicit.or_else(|| {
            (!isolated)
                .then(|| std::env::var_os("STOWAGE_CONFIG"))
                .flatten()
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        });
        Self {
            explicit,
            isolated,
            overrides,
            by_file: HashMap::new(),
            by_dir: HashMap::new(),
        }
    }

    /// The linter for a file in `dir`.
    pub fn for_dir(&mut self, dir: &Path) -> Result<std::sync::Arc<Resolved>, CliError> {
        let file = if self.isolated {
            None
        } else if let Some(e) = &self.explicit {
            Some(e.clone())
        } else {
            self.discover(dir)
        };
        if let Some(r) = self.by_file.get(&file) {
            return Ok(r.clone());
        }
        let config = match &file {
            Some(path) => load(path)?,
            None => Config::default(),
        };
        let failure_threshold = config.failure_threshold;
        let config = self.overrides.apply(config);
        let linter = Linter::new(config).map_err(|e| {
            let mut err = CliError::new(match &file {
                Some(p) => format!("{}: {}", p.display(), e.message),
                None => e.message.clone(),
            });
            if let Some(h) = e.help {
                err = err.with_detail(format!("  help: {h}"));
            }
            err
        })?;
        let resolved = std::sync::Arc::new(Resolved {
            linter,
            failure_threshold,
        });
        self.by_file.insert(file, resolved.clone());
        Ok(resolved)
    }

    fn discover(&mut self, dir: &Path) -> Option<PathBuf> {
        let start = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let abs = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
        if let Some(hit) = self.by_dir.get(&abs) {
            return hit.clone();
        }
        let mut found = None;
        let mut cur: Option<&Path> = Some(&abs);
        while let Some(d) = cur {
            if let Some(f) = CONFIG_NAMES.iter().map(|n| d.join(n)).find(|p| p.is_file()) {
                found = Some(f);
                break;
            }
            if d.join(".git").exists() {
                break;
            }
            cur = d.parent();
        }
        // Report the path relative to the working directory when it is below it.
        let found = found.map(|f| relative_to_cwd(&f));
        self.by_dir.insert(abs, found.clone());
        found
    }
}

fn relative_to_cwd(p: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| p.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| p.to_path_buf())
}

/// Reads and parses a configuration file; errors point at `file:line:col`.
pub fn load(path: &Path) -> Result<Config, CliError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::new(format!("cannot read config {}: {e}", path.display())))?;
    Config::from_toml(&text).map_err(|e| config_error(path, &text, &e))
}

/// `stowage.toml:3:10: message` plus the offending line, a caret and the help.
pub fn config_error(path: &Path, text: &str, e: &ConfigError) -> CliError {
    let Some((start, end)) = e.span else {
        let mut err = CliError::new(format!("{}: {}", path.display(), e.message));
        err.bare = true;
        if let Some(h) = &e.help {
            err = err.with_detail(format!("  help: {h}"));
        }
        return err;
    };
    let map = SourceMap::new(text);
    let start32 = u32::try_from(start).unwrap_or(u32::MAX);
    let end32 = u32::try_from(end).unwrap_or(u32::MAX);
    let span = map.span(stowage_core::TextRange::new(start32, end32.max(start32)));
    let mut err = CliError::new(format!(
        "{}:{}:{}: {}",
        path.display(),
        span.line,
        span.column,
        e.message.lines().next().unwrap_or_default()
    ));
    err.bare = true;
    let line_text = map.line_text(span.line - 1);
    let gutter = span.line.to_string();
    let pad = " ".repeat(gutter.len());
    let width = if span.end_line == span.line {
        (span.end_column.saturating_sub(span.column)).max(1)
    } else {
        u32::try_from(line_text.chars().count())
            .unwrap_or(1)
            .saturating_sub(span.column - 1)
            .max(1)
    };
    err = err
        .with_detail(format!("{pad} |"))
        .with_detail(format!("{gutter} | {line_text}"))
        .with_detail(format!(
            "{pad} | {}{}",
            " ".repeat((span.column - 1) as usize),
            "^".repeat(width as usize)
        ));
    if let Some(h) = &e.help {
        err = err.with_detail(format!("  help: {h}"));
    }
    err
}
