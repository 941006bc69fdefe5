//! Configuration loading for the policy engine (`extends` files, hadolint configurations and
//! `HADOLINT_*` variables) and the `stowage config show` / `stowage migrate hadolint` commands.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use stowage_core::config::{HadolintConfig, HadolintEnv, preset, to_toml};
use stowage_core::{Config, ConfigError};

use crate::CmdResult;
use crate::config::{ConfigResolver, Overrides, config_error};
use crate::error::CliError;

/// hadolint's project configuration names.
pub const HADOLINT_NAMES: [&str; 2] = [".hadolint.yaml", ".hadolint.yml"];

/// A configuration file, fully loaded: `extends` resolved, hadolint converted.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub config: Config,
    /// The directory `[[overrides]]` globs are relative to.
    pub base_dir: PathBuf,
    /// Where the layers came from, base first (for `config show`).
    pub layers: Vec<String>,
    pub notes: Vec<String>,
}

impl Loaded {
    /// No configuration file: the defaults, or hadolint's variables when any is set.
    pub fn default_for_env() -> Result<Self, CliError> {
        let env = hadolint_env();
        if env.is_empty() {
            return Ok(Self {
                base_dir: PathBuf::from("."),
                layers: vec!["preset `recommended` (default)".into()],
                ..Self::default()
            });
        }
        let h = HadolintEnv::parse(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .map_err(|e| CliError::new(e.message))?;
        let (config, notes) = h.to_config();
        let config = config.resolve().map_err(|e| CliError::new(e.message))?;
        Ok(Self {
            config,
            base_dir: PathBuf::from("."),
            layers: vec![
                "preset `hadolint`".into(),
                "HADOLINT_* environment variables".into(),
            ],
            notes,
        })
    }
}

fn hadolint_env() -> Vec<(String, String)> {
    HadolintEnv::VARS
        .iter()
        .filter_map(|k| std::env::var(k).ok().map(|v| ((*k).to_owned(), v)))
        .collect()
}

/// hadolint's per-user configuration, in hadolint's order.
pub fn hadolint_user_config() -> Option<PathBuf> {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let mut candidates = Vec::new();
    if let Some(x) = std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        let x = PathBuf::from(x);
        candidates.push(x.join("hadolint.yaml"));
        candidates.push(x.join("hadolint.yml"));
    }
    if let Some(h) = &home {
        for rel in [
            ".config/hadolint.yaml",
            ".config/hadolint.yml",
            ".hadolint/hadolint.yaml",
            ".hadolint/hadolint.yml",
            "hadolint/config.yaml",
            "hadolint/config.yml",
            ".hadolint.yaml",
            ".hadolint.yml",
        ] {
            candidates.push(h.join(rel));
        }
    }
    candidates.into_iter().find(|p| p.is_file())
}

fn is_hadolint(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Loads a Stowage TOML or hadolint YAML configuration.
pub fn load_any(path: &Path) -> Result<Loaded, CliError> {
    let base_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    if is_hadolint(path) {
        let h = load_hadolint(path)?;
        let (config, notes) = h.to_config();
        let config = config.resolve().map_err(|e| CliError::new(e.message))?;
        let mut layers = vec!["preset `hadolint`".to_owned()];
        if !hadolint_env().is_empty() {
            layers.push("HADOLINT_* environment variables".into());
        }
        layers.push(path.display().to_string());
        return Ok(Loaded {
            config,
            base_dir,
            layers,
            notes,
        });
    }
    let mut layers = Vec::new();
    let config = load_toml(path, &mut Vec::new(), &mut layers)?;
    Ok(Loaded {
        config,
        base_dir,
        layers,
        notes: Vec::new(),
    })
}

/// Reads a hadolint YAML file and merges `HADOLINT_*` variables under it (hadolint's rules:
/// lists unioned, the file's scalars win).
pub fn load_hadolint(path: &Path) -> Result<HadolintConfig, CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| CliError::read(path, &e))?;
    let file = HadolintConfig::from_yaml(&text).map_err(|e| config_error(path, &text, &e))?;
    let env = hadolint_env();
    let env = HadolintEnv::parse(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(|e| CliError::new(e.message))?;
    Ok(HadolintConfig::merge(env, file))
}

/// Reads a TOML configuration and the files it `extends` (relative to it), presets expanded.
fn load_toml(
    path: &Path,
    stack: &mut Vec<PathBuf>,
    layers: &mut Vec<String>,
) -> Result<Config, CliError> {
    let canon = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if stack.contains(&canon) {
        return Err(CliError::new(format!(
            "{}: `extends` forms a cycle",
            path.display()
        )));
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::new(format!("cannot read config {}: {e}", path.display())))?;
    let mut config = Config::from_toml(&text).map_err(|e| config_error(path, &text, &e))?;
    stack.push(canon);
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut base = Config::default();
    for entry in std::mem::take(&mut config.extends) {
        if let Some(p) = preset(&entry) {
            base = Config::merge(base, (p.config)());
            layers.push(format!("preset `{}`", p.name));
            continue;
        }
        let file = dir.join(&entry);
        if !file.is_file() {
            let mut e = ConfigError::new(format!(
                "`extends`: `{entry}` is neither a preset (recommended, strict, security, hadolint) nor a file"
            ));
            e.span = find_quoted(&text, &entry);
            e.help = stowage_core::util::suggest::closest(
                &entry,
                stowage_core::config::PRESETS.iter().map(|p| p.name),
            )
            .map(|s| format!("did you mean `{s}`?"));
            return Err(config_error(path, &text, &e));
        }
        let child = if is_hadolint(&file) {
            let (c, _) = load_hadolint(&file)?.to_config();
            layers.push("preset `hadolint`".into());
            layers.push(file.display().to_string());
            c.resolve().map_err(|e| CliError::new(e.message))?
        } else {
            load_toml(&file, stack, layers)?
        };
        base = Config::merge(base, child);
    }
    stack.pop();
    layers.push(path.display().to_string());
    let merged = Config::merge(base, config);
    merged
        .validate()
        .map_err(|e| CliError::new(format!("{}: {}", path.display(), e.message)))?;
    Ok(merged)
}

fn find_quoted(text: &str, s: &str) -> Option<(usize, usize)> {
    let q = format!("\"{s}\"");
    text.find(&q).map(|i| (i, i + q.len()))
}

/// The linted file's path relative to the configuration's directory, `/`-separated.
pub fn relative_for_overrides(base_dir: &Path, file: &Path) -> String {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let base = abs(if base_dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        base_dir
    });
    let f = abs(file);
    let rel = f.strip_prefix(&base).map_or(f.as_path(), |r| r);
    rel.to_string_lossy().replace('\\', "/")
}

/// `stowage config show [PATH]`.
pub fn run_show(path: Option<&Path>, config: Option<PathBuf>, isolated: bool) -> CmdResult {
    let target = path.map_or_else(|| PathBuf::from("Dockerfile"), Path::to_path_buf);
    let dir = if target.is_dir() {
        target.clone()
    } else {
        target.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let file = if target.is_dir() {
        target.join("Dockerfile")
    } else {
        target.clone()
    };
    let mut resolver = ConfigResolver::new(config, isolated, Overrides::default());
    let source = resolver.source_for(&dir);
    let loaded = match &source {
        Some(p) => load_any(p)?,
        None => Loaded::default_for_env()?,
    };
    let rel = relative_for_overrides(&loaded.base_dir, &file);
    let mut layers = loaded.layers.clone();
    for i in loaded.config.matching_overrides(&rel) {
        if let Some(o) = loaded.config.overrides.get(i) {
            layers.push(format!("[[overrides]] #{} (files = {:?})", i + 1, o.files));
        }
    }
    let effective = loaded
        .config
        .for_path(&rel)
        .resolve()
        .map_err(|e| CliError::new(e.message))?;
    let mut out = format!(
        "# Effective configuration for {}\n# Layers, base first:\n",
        file.display()
    );
    for (i, l) in layers.iter().enumerate() {
        out.push_str(&format!("#   {}. {l}\n", i + 1));
    }
    for n in &loaded.notes {
        out.push_str(&format!("# note: {n}\n"));
    }
    out.push('\n');
    out.push_str(&to_toml(&effective));
    write_out(&out, None)?;
    Ok(0)
}

/// `stowage migrate hadolint [FILE] [-o OUT]`.
pub fn run_migrate_hadolint(file: Option<&Path>, output: Option<&Path>) -> CmdResult {
    let path = match file {
        Some(p) => p.to_path_buf(),
        None => HADOLINT_NAMES
            .iter()
            .map(PathBuf::from)
            .find(|p| p.is_file())
            .or_else(hadolint_user_config)
            .ok_or_else(|| CliError::new("no .hadolint.yaml found; name the file to migrate"))?,
    };
    let h = load_hadolint(&path)?;
    let (config, notes) = h.to_config();
    let mut out = format!(
        "# Migrated from {} by `stowage migrate hadolint`.\n# `extends = \"hadolint\"` keeps hadolint's rule set and severities.\n",
        path.display()
    );
    for n in &notes {
        out.push_str(&format!("# note: {n}\n"));
    }
    out.push('\n');
    out.push_str(&to_toml(&config));
    write_out(&out, output)?;
    Ok(0)
}

fn write_out(text: &str, output: Option<&Path>) -> Result<(), CliError> {
    match output {
        Some(p) => std::fs::write(p, text)
            .map_err(|e| CliError::new(format!("cannot write {}: {e}", p.display()))),
        None => {
            let stdout = std::io::stdout();
            let mut w = stdout.lock();
            w.write_all(text.as_bytes())?;
            Ok(())
        }
    }
}
