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
    pub no_fail: bool,
}

/// Resolves configuration per directory, caching by the configuration file used.
pub struct ConfigResolver {
    explicit: Option<PathBuf>,
    isolated: bool,
    overrides: Overrides,
    by_file: HashMap<(Option<PathBuf>, Vec<usize>), std::sync::Arc<Resolved>>,
    loaded: HashMap<Option<PathBuf>, std::sync::Arc<crate::config_cmd::Loaded>>,
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
            loaded: HashMap::new(),
            by_dir: HashMap::new(),
        }
    }

    /// The linter for a file in `dir` (no per-path overrides).
    pub fn for_dir(&mut self, dir: &Path) -> Result<std::sync::Arc<Resolved>, CliError> {
        self.for_file(dir, Path::new(""))
    }

    /// The linter for `file` (found in `dir`): its configuration file, layered with the
    /// `[[overrides]]` that match the file's path relative to the configuration's directory.
    pub fn for_file(
        &mut self,
        dir: &Path,
        file: &Path,
    ) -> Result<std::sync::Arc<Resolved>, CliError> {
        let source = if self.isolated {
            None
        } else if let Some(e) = &self.explicit {
            Some(e.clone())
        } else {
            self.discover(dir)
        };
        let loaded = match self.loaded.get(&source) {
            Some(l) => l.clone(),
            None => {
                let l = std::sync::Arc::new(match &source {
                    Some(path) => crate::config_cmd::load_any(path)?,
                    None => crate::config_cmd::Loaded::default_for_env()?,
                });
                self.loaded.insert(source.clone(), l.clone());
                l
            }
        };
        let rel = crate::config_cmd::relative_for_overrides(&loaded.base_dir, file);
        let matching = loaded.config.matching_overrides(&rel);
        let key = (source.clone(), matching);
        if let Some(r) = self.by_file.get(&key) {
            return Ok(r.clone());
        }
        let config = loaded.config.for_path(&rel);
        let failure_threshold = config.failure_threshold;
        let no_fail = config.no_fail == Some(true);
        let config = self.overrides.apply(config);
        let linter = Linter::new(config).map_err(|e| {
            let mut err = CliError::new(match &source {
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
            no_fail,
        });
        self.by_file.insert(key, resolved.clone());
        Ok(resolved)
    }

    /// The configuration file that applies in `dir` (for `stowage config show`).
    pub fn source_for(&mut self, dir: &Path) -> Option<PathBuf> {
        if self.isolated {
            None
        } else if let Some(e) = &self.explicit {
            Some(e.clone())
        } else {
            self.discover(dir)
        }
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
        let walk = |names: &[&str]| {
            let mut cur: Option<&Path> = Some(&abs);
            while let Some(d) = cur {
                if let Some(f) = names.iter().map(|n| d.join(n)).find(|p| p.is_file()) {
                    return Some(f);
                }
                if d.join(".git").exists() {
                    break;
                }
                cur = d.parent();
            }
            None
        };
        // A Stowage configuration wins; without one, hadolint's (so a switching team keeps
        // its settings): `.hadolint.yaml` upwards, then hadolint's per-user locations.
        let found = walk(&CONFIG_NAMES)
            .or_else(|| walk(&crate::config_cmd::HADOLINT_NAMES))
            .or_else(crate::config_cmd::hadolint_user_config);
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
