//! `stowage.toml` → [`Config`], by hand.
//!
//! `toml.rs` reads the text into a spanned tree; the mapping onto our types is written here
//! rather than derived with serde. Derived deserialisers were a third of the WebAssembly
//! module, and doing it by hand gives every error the exact byte span of the offending key or
//! value, the dotted key path, and a "did you mean" for near misses.

use crate::util::VecMap;

use super::policy::{BaseImageRule, CustomRule, ImageAction, LabelFormat, Policy};
use super::toml::{self, Kind, Node, Table as TomlTable};
use super::value::Value;
use super::{Config, ConfigError, Override};
use crate::diagnostic::Severity;

type Result<T> = std::result::Result<T, ConfigError>;

/// The keys a top-level config and an `[[overrides]]` entry share.
const LAYER_KEYS: &[&str] = &[
    "select",
    "extend-select",
    "ignore",
    "severity",
    "failure-threshold",
    "no-fail",
    "inline-suppressions",
    "rules",
    "target",
    "policy",
];

const CONFIG_KEYS: &[&[&str]] = &[&["extends"], LAYER_KEYS, &["custom-rules", "overrides"]];

const OVERRIDE_KEYS: &[&[&str]] = &[&["files"], LAYER_KEYS];

const POLICY_KEYS: &[&str] = &[
    "trusted-registries",
    "base-images",
    "required-labels",
    "strict-labels",
    "max-layers",
    "require-non-root",
    "require-healthcheck",
    "forbidden-instructions",
    "forbidden-commands",
    "forbidden-flags",
    "require-syntax",
    "no-inline-suppressions",
];

const BASE_IMAGE_KEYS: &[&str] = &[
    "pattern",
    "action",
    "require-digest",
    "tag-pattern",
    "reason",
];

const CUSTOM_RULE_KEYS: &[&str] = &[
    "id",
    "name",
    "message",
    "help",
    "severity",
    "instructions",
    "pattern",
    "command",
    "args",
    "fix",
];

const SEVERITIES: &[&str] = &["style", "info", "warning", "error"];

/// Parses and maps TOML text (no cross-field validation: see [`Config::validate`]).
pub(super) fn config(text: &str) -> Result<Config> {
    let doc = toml::parse(text).map_err(|e| ConfigError {
        message: e.message,
        key: None,
        span: Some((e.span.start, e.span.end)),
        help: None,
    })?;
    let t = Fields::new(&doc, "", CONFIG_KEYS)?;
    let layer = layer(&t)?;
    Ok(Config {
        extends: t.opt("extends", one_or_many)?.unwrap_or_default(),
        select: layer.select,
        extend_select: layer.extend_select,
        ignore: layer.ignore,
        severity: layer.severity,
        failure_threshold: layer.failure_threshold,
        no_fail: layer.no_fail,
        inline_suppressions: layer.inline_suppressions,
        rules: layer.rules,
        target: layer.target,
        policy: layer.policy,
        custom_rules: t
            .opt("custom-rules", |v, p| tables(v, p, custom_rule))?
            .unwrap_or_default(),
        overrides: t
            .opt("overrides", |v, p| tables(v, p, override_))?
            .unwrap_or_default(),
    })
}

/// The keys a top-level config and an `[[overrides]]` entry share.
fn layer(t: &Fields<'_>) -> Result<Override> {
    Ok(Override {
        files: Vec::new(),
        select: t.opt("select", strings)?,
        extend_select: t.opt("extend-select", strings)?.unwrap_or_default(),
        ignore: t.opt("ignore", strings)?.unwrap_or_default(),
        severity: t.opt("severity", severity_map)?.unwrap_or_default(),
        failure_threshold: t.opt("failure-threshold", severity)?,
        no_fail: t.opt("no-fail", boolean)?,
        inline_suppressions: t.opt("inline-suppressions", boolean)?,
        rules: t.opt("rules", rule_options)?.unwrap_or_default(),
        target: t.opt("target", string)?,
        policy: t.opt("policy", policy)?.unwrap_or_default(),
    })
}

fn override_(item: &Node, path: &str) -> Result<Override> {
    let t = Fields::new(item, path, OVERRIDE_KEYS)?;
    let mut o = layer(&t)?;
    o.files = t.required("files", strings)?;
    Ok(o)
}

fn policy(item: &Node, path: &str) -> Result<Policy> {
    let t = Fields::new(item, path, &[POLICY_KEYS])?;
    Ok(Policy {
        trusted_registries: t.opt("trusted-registries", strings)?,
        base_images: t.opt("base-images", |v, p| tables(v, p, base_image))?,
        required_labels: t.opt("required-labels", label_formats)?,
        strict_labels: t.opt("strict-labels", boolean)?,
        max_layers: t.opt("max-layers", unsigned)?,
        require_non_root: t.opt("require-non-root", boolean)?,
        require_healthcheck: t.opt("require-healthcheck", boolean)?,
        forbidden_instructions: t.opt("forbidden-instructions", strings)?,
        forbidden_commands: t.opt("forbidden-commands", strings)?,
        forbidden_flags: t.opt("forbidden-flags", strings)?,
        require_syntax: t.opt("require-syntax", string)?,
        no_inline_suppressions: t.opt("no-inline-suppressions", boolean)?,
    })
}

fn base_image(item: &Node, path: &str) -> Result<BaseImageRule> {
    let t = Fields::new(item, path, &[BASE_IMAGE_KEYS])?;
    Ok(BaseImageRule {
        pattern: t.required("pattern", string)?,
        action: t
            .opt("action", |v, p| {
                variant(v, p, &["allow", "deny"]).map(|s| {
                    if s == "deny" {
                        ImageAction::Deny
                    } else {
                        ImageAction::Allow
                    }
                })
            })?
            .unwrap_or_default(),
        require_digest: t.opt("require-digest", boolean)?,
        tag_pattern: t.opt("tag-pattern", string)?,
        reason: t.opt("reason", string)?,
    })
}

fn custom_rule(item: &Node, path: &str) -> Result<CustomRule> {
    let t = Fields::new(item, path, &[CUSTOM_RULE_KEYS])?;
    Ok(CustomRule {
        id: t.required("id", string)?,
        name: t.opt("name", string)?,
        message: t.required("message", string)?,
        help: t.opt("help", string)?,
        severity: t.opt("severity", severity)?,
        instructions: t.opt("instructions", strings)?,
        pattern: t.opt("pattern", string)?,
        command: t.opt("command", string)?,
        args: t.opt("args", string)?,
        fix: t.opt("fix", string)?,
    })
}

/// A table's entries, checked against the keys it accepts.
struct Fields<'a> {
    table: &'a TomlTable,
    span: std::ops::Range<usize>,
    /// Dotted path of the table (`""` at the top, `policy`, `overrides.0`).
    path: String,
}

impl<'a> Fields<'a> {
    fn new(item: &'a Node, path: &str, allowed: &[&[&str]]) -> Result<Self> {
        match &item.kind {
            Kind::Table(t) => Self::check(t, item.span.clone(), path, allowed),
            other => Err(invalid_type(item, other, path, "a table")),
        }
    }

    fn check(
        table: &'a TomlTable,
        span: std::ops::Range<usize>,
        path: &str,
        allowed: &[&[&str]],
    ) -> Result<Self> {
        let allowed: Vec<&str> = allowed
            .iter()
            .flat_map(|list| list.iter().copied())
            .collect();
        for (key, _) in &table.entries {
            let name = key.name.as_str();
            if !allowed.contains(&name) {
                let list: Vec<String> = allowed.iter().map(|k| format!("`{k}`")).collect();
                return Err(ConfigError {
                    message: format!(
                        "unknown field `{name}`, expected one of {}",
                        list.join(", ")
                    ),
                    key: Some(join(path, name)),
                    span: Some((key.span.start, key.span.end)),
                    help: crate::util::suggest::closest(name, allowed.iter().copied())
                        .map(|s| format!("did you mean `{s}`?")),
                });
            }
        }
        Ok(Self {
            table,
            span,
            path: path.to_owned(),
        })
    }

    fn get(&self, key: &str) -> Option<&'a Node> {
        self.table
            .entries
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v)
    }

    fn opt<T>(&self, key: &str, decode: impl Fn(&Node, &str) -> Result<T>) -> Result<Option<T>> {
        self.get(key)
            .map(|v| decode(v, &join(&self.path, key)))
            .transpose()
    }

    fn required<T>(&self, key: &str, decode: impl Fn(&Node, &str) -> Result<T>) -> Result<T> {
        self.opt(key, decode)?.ok_or_else(|| ConfigError {
            message: format!("missing field `{key}`"),
            key: Some(join(&self.path, key)),
            span: Some((self.span.start, self.span.end)),
            help: None,
        })
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn invalid_type(item: &Node, value: &Kind, path: &str, expected: &str) -> ConfigError {
    let found = match value {
        Kind::String(s) => format!("string \"{s}\""),
        Kind::Integer(i) => format!("integer `{i}`"),
        // Not printed: float formatting would add ~18 KB to the WebAssembly module.
        Kind::Float(_) => "float".to_owned(),
        Kind::Boolean(b) => format!("boolean `{b}`"),
        Kind::Datetime(_) => "date-time".to_owned(),
        Kind::Array(_) => "array".to_owned(),
        Kind::Table(_) => "table".to_owned(),
    };
    ConfigError {
        message: format!("invalid type: {found}, expected {expected}"),
        key: (!path.is_empty()).then(|| path.to_owned()),
        span: Some((item.span.start, item.span.end)),
        help: None,
    }
}

fn string(item: &Node, path: &str) -> Result<String> {
    match &item.kind {
        Kind::String(s) => Ok(s.to_string()),
        other => Err(invalid_type(item, other, path, "a string")),
    }
}

fn boolean(item: &Node, path: &str) -> Result<bool> {
    match &item.kind {
        Kind::Boolean(b) => Ok(*b),
        other => Err(invalid_type(item, other, path, "`true` or `false`")),
    }
}

fn unsigned(item: &Node, path: &str) -> Result<u32> {
    match &item.kind {
        Kind::Integer(i) => u32::try_from(*i).map_err(|_| ConfigError {
            message: format!(
                "invalid value: integer `{i}`, expected a number from 0 to {}",
                u32::MAX
            ),
            key: Some(path.to_owned()),
            span: Some((item.span.start, item.span.end)),
            help: None,
        }),
        other => Err(invalid_type(item, other, path, "a whole number")),
    }
}

fn strings(item: &Node, path: &str) -> Result<Vec<String>> {
    match &item.kind {
        Kind::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, v)| string(v, &format!("{path}.{i}")))
            .collect(),
        other => Err(invalid_type(item, other, path, "a list of strings")),
    }
}

/// `extends = "recommended"` or `extends = ["recommended", "team.toml"]`.
fn one_or_many(item: &Node, path: &str) -> Result<Vec<String>> {
    match &item.kind {
        Kind::String(s) => Ok(vec![s.to_string()]),
        Kind::Array(_) => strings(item, path),
        other => Err(invalid_type(
            item,
            other,
            path,
            "a preset name, a file path, or a list of them",
        )),
    }
}

/// An array of tables (`[[overrides]]`), each decoded by `decode`.
fn tables<T>(item: &Node, path: &str, decode: impl Fn(&Node, &str) -> Result<T>) -> Result<Vec<T>> {
    match &item.kind {
        Kind::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, v)| decode(v, &format!("{path}.{i}")))
            .collect(),
        other => Err(invalid_type(item, other, path, "an array of tables")),
    }
}

/// One of `names`, with serde's wording for anything else.
fn variant<'n>(item: &Node, path: &str, names: &[&'n str]) -> Result<&'n str> {
    let s = string(item, path)?;
    names.iter().copied().find(|n| *n == s).ok_or_else(|| {
        let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        ConfigError {
            message: format!("unknown variant `{s}`, expected one of {}", list.join(", ")),
            key: Some(path.to_owned()),
            span: Some((item.span.start, item.span.end)),
            help: crate::util::suggest::closest(&s, names.iter().copied())
                .map(|n| format!("did you mean `{n}`?")),
        }
    })
}

fn severity(item: &Node, path: &str) -> Result<Severity> {
    variant(item, path, SEVERITIES).map(|s| Severity::parse(s).unwrap_or(Severity::Warning))
}

/// A table whose keys are free (rule selectors, label names) and whose values `decode` maps.
fn map<T>(
    item: &Node,
    path: &str,
    decode: impl Fn(&Node, &str) -> Result<T>,
) -> Result<VecMap<String, T>> {
    match &item.kind {
        Kind::Table(t) => {
            let mut out = Vec::with_capacity(t.entries.len());
            for (k, v) in &t.entries {
                let k = k.name.as_str();
                out.push((k.to_owned(), decode(v, &join(path, k))?));
            }
            Ok(out.into_iter().collect())
        }
        other => Err(invalid_type(item, other, path, "a table")),
    }
}

fn severity_map(item: &Node, path: &str) -> Result<VecMap<String, Severity>> {
    map(item, path, severity)
}

fn label_formats(item: &Node, path: &str) -> Result<VecMap<String, LabelFormat>> {
    let names = LabelFormat::ALL.map(LabelFormat::as_str);
    map(item, path, |v, p| {
        variant(v, p, &names).map(|s| LabelFormat::parse(s).unwrap_or(LabelFormat::Text))
    })
}

/// `[rules.<rule>]`: each rule's options, checked against the keys and types the rule
/// declares, then kept as plain values (each rule reads its own).
fn rule_options(item: &Node, path: &str) -> Result<VecMap<String, Value>> {
    map(item, path, |v, p| {
        check_rule_options(v, p)?;
        Ok(value(&v.kind))
    })
}

/// A typo in a rule option would otherwise be ignored without a word, leaving the default in
/// force. An unknown rule is left to `Config::validate`, which suggests the right one.
fn check_rule_options(item: &Node, path: &str) -> Result<()> {
    let selector = path.rsplit('.').next().unwrap_or(path);
    let Some(rule) = crate::rules::find(selector) else {
        return Ok(());
    };
    let meta = rule.meta();
    let Kind::Table(table) = &item.kind else {
        return Err(invalid_type(
            item,
            &item.kind,
            path,
            "a table of the rule's options",
        ));
    };
    for (key, v) in &table.entries {
        let name = key.name.as_str();
        let key_path = join(path, name);
        let Some(option) = meta.options.iter().find(|o| o.key == name) else {
            let keys: Vec<String> = meta
                .options
                .iter()
                .map(|o| format!("`{}`", o.key))
                .collect();
            let help = crate::util::suggest::closest(name, meta.options.iter().map(|o| o.key))
                .map(|s| format!("did you mean `{s}`?"))
                .or_else(|| {
                    Some(if keys.is_empty() {
                        format!("{} has no options; remove this key", meta.code)
                    } else {
                        format!("its options are {}", keys.join(", "))
                    })
                });
            return Err(ConfigError {
                message: format!("`{name}` is not an option of {} ({})", meta.code, meta.name),
                key: Some(key_path),
                span: Some((key.span.start, key.span.end)),
                help,
            });
        };
        use crate::rules::OptionKind as K;
        match (option.kind, &v.kind) {
            (K::Integer, Kind::Integer(_))
            | (K::Float, Kind::Integer(_) | Kind::Float(_))
            | (K::Bool, Kind::Boolean(_))
            | (K::String, Kind::String(_)) => {}
            (K::Strings, Kind::Array(items)) => {
                if let Some(bad) = items.iter().find(|x| !matches!(x.kind, Kind::String(_))) {
                    return Err(invalid_type(bad, &bad.kind, &key_path, "a string"));
                }
            }
            _ => return Err(invalid_type(v, &v.kind, &key_path, option.kind.describe())),
        }
    }
    Ok(())
}

/// A span-free copy of a TOML value.
fn value(v: &Kind) -> Value {
    match v {
        Kind::String(s) => Value::String(s.clone()),
        Kind::Integer(i) => Value::Integer(*i),
        Kind::Float(f) => Value::Float(*f),
        Kind::Boolean(b) => Value::Boolean(*b),
        Kind::Datetime(d) => Value::Datetime(d.clone()),
        Kind::Array(a) => Value::Array(a.iter().map(|x| value(&x.kind)).collect()),
        Kind::Table(t) => Value::Table(
            t.entries
                .iter()
                .map(|(k, x)| (k.name.clone(), value(&x.kind)))
                .collect(),
        ),
    }
}
