//! Configuration: which rules run, at what severity, with which options. One type shared by
//! the CLI (from `stowage.toml`) and WebAssembly (from a JS object or TOML text).

mod decode;
mod glob;
mod hadolint;
mod policy;
mod presets;
mod selector;
mod show;
mod toml;
mod value;

use crate::util::VecMap;

use crate::diagnostic::Severity;

pub use glob::matches as glob_matches;
pub use hadolint::{HadolintConfig, HadolintEnv};
pub use policy::{BaseImageRule, CustomRule, FlagSpec, ImageAction, LabelFormat, Policy};
pub use presets::{PRESETS, Preset, preset};
pub use selector::{Selector, SelectorError};
pub use show::to_toml;
pub use value::{Table, Value};

/// The configuration file's model. Unknown keys are rejected.
///
/// Layering (see `docs/config.md`): `extends` bases first (in order), then this file, then
/// the `[[overrides]]` whose `files` globs match the linted path (in order).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// Presets (`recommended`, `strict`, `security`, `hadolint`) or files (relative to this
    /// one) this configuration builds on, in order. A string or a list.
    pub extends: Vec<String>,
    /// Rules to run (replaces the default set): codes, names, families, aliases, or `all`.
    pub select: Option<Vec<String>>,
    /// Rules to add to the selected set.
    pub extend_select: Vec<String>,
    /// Rules to turn off.
    pub ignore: Vec<String>,
    /// Per-rule severity overrides, keyed by code, name or alias.
    pub severity: VecMap<String, Severity>,
    /// Findings at or above this severity make the CLI exit with 1.
    pub failure_threshold: Option<Severity>,
    /// Never exit with 1 because of findings (hadolint's `no-fail`).
    pub no_fail: Option<bool>,
    /// Honour inline suppression comments (`# stowage ignore=…`, `# hadolint ignore=…`);
    /// `false` is hadolint's `disable-ignore-pragma`. Default `true`.
    pub inline_suppressions: Option<bool>,
    /// Per-rule options, keyed by code or name: `[rules.image-size-budget] max-bytes = …`.
    pub rules: VecMap<String, Value>,
    /// The stage that is built (`docker build --target`); the last one when unset.
    pub target: Option<String>,
    /// Organisation policy; each key turns its `POL` rule on.
    pub policy: Policy,
    /// User-defined rules.
    pub custom_rules: Vec<CustomRule>,
    /// Settings for some paths only: `[[overrides]] files = ["ci/**"]`.
    pub overrides: Vec<Override>,
}

/// `[[overrides]]`: the same keys as the top level (except `extends`, `custom-rules` and
/// `overrides`), applied to files matching `files`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Override {
    /// Globs on the linted file's path relative to the configuration file's directory
    /// (`/`-separated): `*` within a directory, `**` across directories; a pattern without
    /// `/` matches the file name in any directory.
    pub files: Vec<String>,
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub severity: VecMap<String, Severity>,
    pub failure_threshold: Option<Severity>,
    pub no_fail: Option<bool>,
    pub inline_suppressions: Option<bool>,
    pub rules: VecMap<String, Value>,
    pub target: Option<String>,
    pub policy: Policy,
}

impl Override {
    /// Whether the override applies to `path` (relative, `/`-separated).
    #[must_use]
    pub fn applies_to(&self, path: &str) -> bool {
        let path = path.trim_start_matches("./");
        let name = path.rsplit('/').next().unwrap_or(path);
        self.files.iter().any(|g| {
            let g = g.trim_start_matches("./");
            glob::matches(g, path) || (!g.contains('/') && glob::matches(g, name))
        })
    }

    fn into_config(self) -> Config {
        Config {
            select: self.select,
            extend_select: self.extend_select,
            ignore: self.ignore,
            severity: self.severity,
            failure_threshold: self.failure_threshold,
            no_fail: self.no_fail,
            inline_suppressions: self.inline_suppressions,
            rules: self.rules,
            target: self.target,
            policy: self.policy,
            ..Config::default()
        }
    }
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
        let config = decode::config(text)?;
        config.validate().map_err(|mut e| {
            if let Some(key) = &e.key {
                e.span = find_key_span(text, key);
            }
            e
        })?;
        Ok(config)
    }

    /// Checks what the decoder cannot: selectors name rules (built-in or custom), globs and
    /// regexes compile, custom rules are well formed, policy entries make sense.
    ///
    /// # Errors
    /// The first problem, with a "did you mean" when one is close. `key` names the offending
    /// text so [`Config::from_toml`] can point at it.
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.validate_custom_rules()?;
        self.validate_layer(
            self.select.as_deref(),
            &self.extend_select,
            &self.ignore,
            &self.severity,
            &self.rules,
            &self.policy,
        )?;
        for e in &self.extends {
            if e.trim().is_empty() {
                let mut err = ConfigError::new("`extends` has an empty entry");
                err.key = Some("extends".into());
                return Err(err);
            }
        }
        for o in &self.overrides {
            if o.files.is_empty() {
                let mut err = ConfigError::new("`[[overrides]]` needs `files = [\"glob\", …]`");
                err.key = Some("overrides".into());
                return Err(err);
            }
            for g in &o.files {
                glob::validate(g).map_err(|m| keyed(m, g, None))?;
            }
            self.validate_layer(
                o.select.as_deref(),
                &o.extend_select,
                &o.ignore,
                &o.severity,
                &o.rules,
                &o.policy,
            )?;
        }
        Ok(())
    }

    fn is_custom(&self, s: &str) -> bool {
        self.custom_rules.iter().any(|c| c.is_named(s))
    }

    fn validate_layer(
        &self,
        select: Option<&[String]>,
        extend_select: &[String],
        ignore: &[String],
        severity: &VecMap<String, Severity>,
        rules: &VecMap<String, Value>,
        policy: &Policy,
    ) -> Result<(), ConfigError> {
        let lists = [
            ("select", select.unwrap_or(&[])),
            ("extend-select", extend_select),
            ("ignore", ignore),
        ];
        for (key, list) in lists {
            for s in list {
                if self.is_custom(s) {
                    continue;
                }
                Selector::parse(s).map_err(|e| self.selector_error(e, key))?;
            }
        }
        for key in severity.keys() {
            if !self.is_custom(key) {
                single_rule(key).map_err(|e| self.selector_error_or(e, "severity"))?;
            }
        }
        for key in rules.keys() {
            single_rule(key).map_err(|e| self.selector_error_or(e, "rules"))?;
        }
        validate_policy(policy)
    }

    fn selector_error(&self, e: SelectorError, key: &str) -> ConfigError {
        let custom = self.custom_rules.iter().map(|c| c.id.as_str());
        let better = crate::util::suggest::closest(&e.selector, custom).map(str::to_owned);
        let mut err = e.clone().into_config_error(key);
        if e.suggestion.is_none()
            && let Some(b) = better
        {
            err.help = Some(format!("did you mean `{b}`?"));
        }
        err
    }

    fn selector_error_or(&self, e: Result<SelectorError, ConfigError>, key: &str) -> ConfigError {
        match e {
            Ok(s) => self.selector_error(s, key),
            Err(c) => c,
        }
    }

    fn validate_custom_rules(&self) -> Result<(), ConfigError> {
        let mut seen: Vec<&str> = Vec::new();
        for c in &self.custom_rules {
            let id_ok = c.id.len() >= 4
                && c.id.starts_with(|ch: char| ch.is_ascii_uppercase())
                && c.id
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
                && c.id.ends_with(|ch: char| ch.is_ascii_digit());
            if !id_ok {
                return Err(keyed(
                    format!(
                        "custom rule id `{}` must be uppercase letters followed by digits, like `ACME001`",
                        c.id
                    ),
                    &c.id,
                    None,
                ));
            }
            if crate::rules::find(&c.id).is_some() || Selector::find(&c.id).is_some() {
                return Err(keyed(
                    format!(
                        "custom rule id `{}` is already a built-in rule, family or alias",
                        c.id
                    ),
                    &c.id,
                    Some("pick a prefix of your own, like `ACME001`".into()),
                ));
            }
            if let Some(n) = &c.name {
                let kebab = !n.is_empty()
                    && n.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                if !kebab || crate::rules::find(n).is_some() {
                    return Err(keyed(
                        format!(
                            "custom rule name `{n}` must be kebab-case and not a built-in rule's name"
                        ),
                        n,
                        None,
                    ));
                }
            }
            if seen.iter().any(|s| s.eq_ignore_ascii_case(&c.id)) {
                return Err(keyed(
                    format!("custom rule id `{}` is defined twice", c.id),
                    &c.id,
                    None,
                ));
            }
            seen.push(&c.id);
            match (&c.pattern, &c.command) {
                (Some(_), Some(_)) | (None, None) => {
                    return Err(keyed(
                        format!(
                            "custom rule `{}` needs exactly one of `pattern` or `command`",
                            c.id
                        ),
                        &c.id,
                        None,
                    ));
                }
                _ => {}
            }
            for (what, re) in [("pattern", &c.pattern), ("args", &c.args)] {
                if let Some(re) = re {
                    check_regex(re)
                        .map_err(|m| keyed(format!("`{what}` of `{}`: {m}", c.id), re, None))?;
                }
            }
            if c.args.is_some() && c.command.is_none() {
                return Err(keyed(
                    format!("custom rule `{}`: `args` needs `command`", c.id),
                    &c.id,
                    None,
                ));
            }
            if c.fix.is_some() && c.pattern.is_none() {
                return Err(keyed(
                    format!(
                        "custom rule `{}`: `fix` replaces the `pattern` match, so it needs `pattern`",
                        c.id
                    ),
                    &c.id,
                    None,
                ));
            }
            for k in c.instructions.iter().flatten() {
                check_keyword(k)?;
            }
        }
        Ok(())
    }

    /// Layers `child` over `base` (see `docs/config.md`, "Merging"): a child `select`
    /// starts afresh (dropping the base's `select`, `extend-select` and `ignore`), otherwise
    /// `extend-select`/`ignore` are appended (the child's entry wins a tie); `severity` and
    /// `rules` entries are replaced per rule; scalars and `[policy]` keys: the child's value
    /// wins; `custom-rules` are appended (same id: the child's replaces); `overrides` are
    /// appended. `extends` is not merged (resolve it first).
    #[must_use]
    pub fn merge(base: Self, child: Self) -> Self {
        let (select, mut extend_select, mut ignore) = if child.select.is_some() {
            (child.select, child.extend_select, child.ignore)
        } else {
            let same = |a: &str, list: &[String]| list.iter().any(|b| same_selector(a, b));
            let mut ext: Vec<String> = base
                .extend_select
                .into_iter()
                .filter(|s| !same(s, &child.ignore))
                .collect();
            let mut ign: Vec<String> = base
                .ignore
                .into_iter()
                .filter(|s| !same(s, &child.extend_select))
                .collect();
            ext.extend(child.extend_select);
            ign.extend(child.ignore);
            (base.select, ext, ign)
        };
        dedup(&mut extend_select);
        dedup(&mut ignore);
        let mut custom_rules = base.custom_rules;
        for c in child.custom_rules {
            custom_rules.retain(|b| !b.id.eq_ignore_ascii_case(&c.id));
            custom_rules.push(c);
        }
        let mut overrides = base.overrides;
        overrides.extend(child.overrides);
        Self {
            extends: Vec::new(),
            select,
            extend_select,
            ignore,
            severity: merge_per_rule(base.severity, child.severity),
            failure_threshold: child.failure_threshold.or(base.failure_threshold),
            no_fail: child.no_fail.or(base.no_fail),
            inline_suppressions: child.inline_suppressions.or(base.inline_suppressions),
            rules: merge_per_rule(base.rules, child.rules),
            target: child.target.or(base.target),
            policy: Policy::merge(base.policy, child.policy),
            custom_rules,
            overrides,
        }
    }

    /// Expands the preset names in `extends` (in order, this file on top) and turns `[policy]`
    /// switches into selections. Idempotent.
    ///
    /// # Errors
    /// An `extends` entry that is neither a preset nor already loaded by the caller (the core
    /// cannot read files: the CLI merges `extends` files before calling this).
    pub fn resolve(mut self) -> Result<Self, ConfigError> {
        let extends = std::mem::take(&mut self.extends);
        let mut base = Self::default();
        for name in &extends {
            let Some(p) = preset(name) else {
                let names: Vec<&str> = PRESETS.iter().map(|p| p.name).collect();
                let mut e = ConfigError::new(format!(
                    "`extends = \"{name}\"` is not a preset ({}) and no file was loaded for it",
                    names.join(", ")
                ));
                e.key = Some(name.clone());
                e.help = crate::util::suggest::closest(name, names.iter().copied())
                    .map(|s| format!("did you mean `{s}`?"));
                return Err(e);
            };
            base = Self::merge(base, (p.config)());
        }
        let mut out = Self::merge(base, self);
        out.apply_policy_switches();
        Ok(out)
    }

    /// `[policy]` keys turn their rules on (an explicit `ignore` of the rule's code still wins).
    fn apply_policy_switches(&mut self) {
        let mut on: Vec<&str> = self.policy.configured_rules();
        let mut promote: Vec<&str> = Vec::new();
        if self.policy.require_non_root == Some(true) {
            promote.push("SEC001");
        }
        if self.policy.require_healthcheck == Some(true) {
            promote.push("REP022");
        }
        on.extend(&promote);
        for code in on {
            if !self
                .extend_select
                .iter()
                .any(|s| s.eq_ignore_ascii_case(code))
            {
                self.extend_select.push(code.to_owned());
            }
        }
        for code in promote {
            let rules = Selector::find(code)
                .map(Selector::rules)
                .unwrap_or_default();
            let has = self.severity.keys().any(|k| {
                Selector::find(k)
                    .map(Selector::rules)
                    .unwrap_or_default()
                    .iter()
                    .any(|i| rules.contains(i))
            });
            if !has {
                self.severity.insert(code.to_owned(), Severity::Error);
            }
        }
    }

    /// The configuration for one file: the `[[overrides]]` whose globs match `path`
    /// (relative to the configuration file's directory, `/`-separated) layered on top, in
    /// order. The result has no overrides left.
    #[must_use]
    pub fn for_path(&self, path: &str) -> Self {
        let mut base = self.clone();
        let overrides = std::mem::take(&mut base.overrides);
        let path = path.replace('\\', "/");
        for o in overrides {
            if o.applies_to(&path) {
                base = Self::merge(base, o.into_config());
            }
        }
        base.extends.clone_from(&self.extends);
        base
    }

    /// Indices of the overrides that apply to `path` (for caching per distinct set).
    #[must_use]
    pub fn matching_overrides(&self, path: &str) -> Vec<usize> {
        let path = path.replace('\\', "/");
        self.overrides
            .iter()
            .enumerate()
            .filter(|(_, o)| o.applies_to(&path))
            .map(|(i, _)| i)
            .collect()
    }
}

fn dedup(list: &mut Vec<String>) {
    let mut seen: Vec<String> = Vec::new();
    list.retain(|s| {
        let k = s.to_ascii_lowercase();
        if seen.contains(&k) {
            false
        } else {
            seen.push(k);
            true
        }
    });
}

fn same_selector(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
        || matches!((Selector::find(a), Selector::find(b)), (Some(x), Some(y)) if x == y)
}

/// Per-rule maps: a child key replaces every base key that names one of the same rules.
fn merge_per_rule<V>(mut base: VecMap<String, V>, child: VecMap<String, V>) -> VecMap<String, V> {
    let rules_of = |k: &str| Selector::find(k).map(Selector::rules).unwrap_or_default();
    for k in child.keys() {
        let mine = rules_of(k);
        base.retain(|b, _| {
            !b.eq_ignore_ascii_case(k) && !rules_of(b).iter().any(|i| mine.contains(i))
        });
    }
    base.extend(child);
    base
}

/// A key naming exactly one rule or an alias; `Ok(SelectorError)` for an unknown one.
fn single_rule(key: &str) -> Result<(), Result<SelectorError, ConfigError>> {
    match Selector::parse(key) {
        Ok(Selector::Rule(_) | Selector::Alias(_)) => Ok(()),
        Ok(_) => {
            let mut e = ConfigError::new(format!(
                "`{key}` names a group of rules; use one rule code or name here"
            ));
            e.key = Some(key.to_string());
            Err(Err(e))
        }
        Err(e) => Err(Ok(e)),
    }
}

fn keyed(message: impl Into<String>, key: &str, help: Option<String>) -> ConfigError {
    let mut e = ConfigError::new(message);
    e.key = Some(key.to_owned());
    e.help = help;
    e
}

/// Compiles a regex, with the engine's message on failure.
pub(crate) fn check_regex(re: &str) -> Result<regex_lite::Regex, String> {
    regex_lite::Regex::new(re).map_err(|e| {
        format!(
            "invalid regex `{re}`: {}",
            e.to_string().lines().last().unwrap_or("").trim()
        )
    })
}

fn check_keyword(k: &str) -> Result<(), ConfigError> {
    if crate::syntax::Keyword::parse(k) == crate::syntax::Keyword::Unknown {
        let names = crate::syntax::Keyword::ALL.map(crate::syntax::Keyword::as_str);
        let sug = crate::util::suggest::closest(&k.to_ascii_uppercase(), names.iter().copied());
        return Err(keyed(
            format!("`{k}` is not a Dockerfile instruction"),
            k,
            sug.map(|s| format!("did you mean `{s}`?")),
        ));
    }
    Ok(())
}

fn validate_policy(p: &Policy) -> Result<(), ConfigError> {
    for g in p.trusted_registries.iter().flatten() {
        glob::validate(g).map_err(|m| keyed(m, g, None))?;
    }
    for b in p.base_images.iter().flatten() {
        glob::validate(&b.pattern).map_err(|m| keyed(m, &b.pattern, None))?;
        if let Some(re) = &b.tag_pattern {
            check_regex(re).map_err(|m| keyed(format!("`tag-pattern`: {m}"), re, None))?;
        }
    }
    for k in p.forbidden_instructions.iter().flatten() {
        check_keyword(k)?;
    }
    for c in p.forbidden_commands.iter().flatten() {
        if c.trim().is_empty() || c.contains(char::is_whitespace) {
            return Err(keyed(
                format!("forbidden command `{c}` must be one command name, like `sudo`"),
                c,
                None,
            ));
        }
    }
    for f in p.forbidden_flags.iter().flatten() {
        FlagSpec::parse(f).map_err(|m| keyed(m, f, None))?;
    }
    if let Some(re) = &p.require_syntax {
        check_regex(re).map_err(|m| keyed(format!("`require-syntax`: {m}"), re, None))?;
    }
    if let Some(labels) = &p.required_labels {
        for k in labels.keys() {
            if k.trim().is_empty() {
                return Err(keyed(
                    "empty label name in `required-labels`",
                    "required-labels",
                    None,
                ));
            }
        }
    }
    Ok(())
}

/// Best-effort position of a key in TOML text (for errors found after deserialising).
fn find_key_span(text: &str, key: &str) -> Option<(usize, usize)> {
    let quoted = format!("\"{key}\"");
    let single = format!("'{key}'");
    text.find(&quoted)
        .map(|i| (i, i + quoted.len()))
        .or_else(|| text.find(&single).map(|i| (i, i + single.len())))
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
