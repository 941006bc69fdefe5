//! Configuration: which rules run, at what severity, with which options. One serde type shared
//! by the CLI (from `stowage.toml`) and WebAssembly (from a JS object or TOML text).

mod selector;

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diagnostic::Severity;

pub use selector::{Selector, SelectorError};

/// The configuration file's model. Unknown keys are rejected.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Rules to run (replaces the default set): codes, names, families, aliases, or `all`.
    pub select: Option<Vec<String>>,
    /// Rules to add to the selected set.
    #[serde(default)]
    pub extend_select: Vec<String>,
    /// Rules to turn off.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Per-rule severity overrides, keyed by code, name or alias.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Findings at or above this severity make the CLI exit with 1.
    pub failure_threshold: Option<Severity>,
    /// Per-rule options, keyed by code or name: `[rules.image-size-budget] max-bytes = …`.
    #[serde(default)]
    pub rules: BTreeMap<String, toml::Value>,
    /// The stage that is built (`docker build --target`); the last one when unset.
    pub target: Option<String>,
}

/// A configuration problem: what is wrong, where (a byte range in the TOML text when known),
/// and what to do.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ConfigError {
    pub message: String,
    /// The key path, e.g. `rules.SEC012.max`.
    pub key: Option<String>,
    pub span: Option<(usize, usize)>,
    pub help: Option<String>,
}

impl ConfigError {
    #[must_use]
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            key: None,
            span: None,
            help: None,
        }
    }
}

impl Config {
    /// Parses TOML text.
    ///
    /// # Errors
    /// On invalid TOML, unknown keys, wrong types, or unknown rule selectors — each with the
    /// byte span of the offending key.
    pub fn from_toml(text: &str) -> Result<Self, ConfigError> {
        let config: Self = toml::from_str(text).map_err(|e| {
            let message = e.message().trim().to_owned();
            let help = suggestion_for_unknown_key(&message);
            ConfigError {
                message,
                key: None,
                span: e.span().map(|r| (r.start, r.end)),
                help,
            }
        })?;
        config.validate().map_err(|mut e| {
            if let Some(key) = &e.key {
                e.span = find_key_span(text, key);
            }
            e
        })?;
        Ok(config)
    }

    /// Checks that every selector names a rule, family or alias.
    ///
    /// # Errors
    /// The first unknown selector, with a "did you mean" when one is close.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let lists = [
            ("select", self.select.as_deref().unwrap_or(&[])),
            ("extend-select", &self.extend_select),
            ("ignore", &self.ignore),
        ];
        for (key, list) in lists {
            for s in list {
                Selector::parse(s).map_err(|e| e.into_config_error(key))?;
            }
        }
        for key in self.severity.keys().chain(self.rules.keys()) {
            match Selector::parse(key) {
                Ok(Selector::Rule(_) | Selector::Alias(_)) => {}
                Ok(_) => {
                    let mut e = ConfigError::new(format!(
                        "`{key}` names a group of rules; use one rule code or name here"
                    ));
                    e.key = Some(key.to_string());
                    return Err(e);
                }
                Err(e) => return Err(e.into_config_error(key)),
            }
        }
        Ok(())
    }
}

fn suggestion_for_unknown_key(message: &str) -> Option<String> {
    // toml/serde say: "unknown field `selct`, expected one of `select`, `extend-select`, …"
    let field = message.split('`').nth(1)?;
    let expected: Vec<&str> = message
        .split("expected")
        .nth(1)?
        .split('`')
        .skip(1)
        .step_by(2)
        .collect();
    crate::util::suggest::closest(field, expected.iter().copied())
        .map(|s| format!("did you mean `{s}`?"))
}

/// Best-effort position of a key in TOML text (for errors found after deserialising).
fn find_key_span(text: &str, key: &str) -> Option<(usize, usize)> {
    let quoted = format!("\"{key}\"");
    text.find(&quoted)
        .map(|i| (i, i + quoted.len()))
        .or_else(|| {
            let mut from = 0;
            while let Some(i) = text[from..].find(key) {
                let at = from + i;
                let before_ok = at == 0 || !text.as_bytes()[at - 1].is_ascii_alphanumeric();
                let after = at + key.len();
                let after_ok =
                    after >= text.len() || !text.as_bytes()[after].is_ascii_alphanumeric();
                if before_ok && after_ok {
                    return Some((at, after));
                }
                from = after;
            }
            None
        })
}
