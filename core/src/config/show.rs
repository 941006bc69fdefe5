//! Writes a [`Config`] back as TOML (for `stowage config show` and `stowage migrate hadolint`).

use std::fmt::Write as _;

use super::value::{Table, Value};
use super::{Config, Override};
use crate::config::policy::{BaseImageRule, CustomRule, ImageAction, Policy};

/// The configuration as a `stowage.toml` document: plain keys first, then tables, then arrays
/// of tables.
#[must_use]
pub fn to_toml(config: &Config) -> String {
    let mut out = String::new();
    table(&mut out, &[], &config.to_table());
    out
}

impl Config {
    /// The configuration as a TOML table, with the keys `stowage.toml` uses; unset and empty
    /// entries are left out.
    #[must_use]
    pub fn to_table(&self) -> Table {
        let mut t = Table::new();
        if !self.extends.is_empty() {
            t.insert("extends".into(), self.extends.clone().into());
        }
        layer(
            &mut t,
            &Override {
                files: Vec::new(),
                select: self.select.clone(),
                extend_select: self.extend_select.clone(),
                ignore: self.ignore.clone(),
                severity: self.severity.clone(),
                failure_threshold: self.failure_threshold,
                no_fail: self.no_fail,
                inline_suppressions: self.inline_suppressions,
                rules: self.rules.clone(),
                target: self.target.clone(),
                policy: self.policy.clone(),
            },
        );
        if !self.custom_rules.is_empty() {
            let rules = self.custom_rules.iter().map(custom_rule).collect();
            t.insert("custom-rules".into(), Value::Array(rules));
        }
        if !self.overrides.is_empty() {
            let list = self
                .overrides
                .iter()
                .map(|o| {
                    let mut t = Table::new();
                    t.insert("files".into(), o.files.clone().into());
                    layer(&mut t, o);
                    Value::Table(t)
                })
                .collect();
            t.insert("overrides".into(), Value::Array(list));
        }
        t
    }
}

fn put<T: Into<Value>>(t: &mut Table, key: &str, v: Option<T>) {
    if let Some(v) = v {
        t.insert(key.to_owned(), v.into());
    }
}

fn put_list(t: &mut Table, key: &str, v: &[String]) {
    if !v.is_empty() {
        t.insert(key.to_owned(), v.to_vec().into());
    }
}

fn layer(t: &mut Table, o: &Override) {
    put(t, "select", o.select.clone());
    put_list(t, "extend-select", &o.extend_select);
    put_list(t, "ignore", &o.ignore);
    if !o.severity.is_empty() {
        let sev = o
            .severity
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().into()))
            .collect();
        t.insert("severity".into(), Value::Table(sev));
    }
    put(
        t,
        "failure-threshold",
        o.failure_threshold.map(|s| s.as_str()),
    );
    put(t, "no-fail", o.no_fail);
    put(t, "inline-suppressions", o.inline_suppressions);
    if !o.rules.is_empty() {
        t.insert("rules".into(), Value::Table(o.rules.clone()));
    }
    put(t, "target", o.target.clone());
    let p = policy(&o.policy);
    if !p.is_empty() {
        t.insert("policy".into(), Value::Table(p));
    }
}

fn policy(p: &Policy) -> Table {
    let mut t = Table::new();
    put(&mut t, "trusted-registries", p.trusted_registries.clone());
    if let Some(list) = &p.base_images {
        let rules = list.iter().map(base_image).collect();
        t.insert("base-images".into(), Value::Array(rules));
    }
    if let Some(labels) = &p.required_labels {
        let l = labels
            .iter()
            .map(|(k, f)| (k.clone(), f.as_str().into()))
            .collect();
        t.insert("required-labels".into(), Value::Table(l));
    }
    put(&mut t, "strict-labels", p.strict_labels);
    if let Some(n) = p.max_layers {
        t.insert("max-layers".into(), Value::Integer(i64::from(n)));
    }
    put(&mut t, "require-non-root", p.require_non_root);
    put(&mut t, "require-healthcheck", p.require_healthcheck);
    put(
        &mut t,
        "forbidden-instructions",
        p.forbidden_instructions.clone(),
    );
    put(&mut t, "forbidden-commands", p.forbidden_commands.clone());
    put(&mut t, "forbidden-flags", p.forbidden_flags.clone());
    put(&mut t, "require-syntax", p.require_syntax.clone());
    put(&mut t, "no-inline-suppressions", p.no_inline_suppressions);
    t
}

fn base_image(b: &BaseImageRule) -> Value {
    let mut t = Table::new();
    t.insert("pattern".into(), b.pattern.as_str().into());
    if b.action == ImageAction::Deny {
        t.insert("action".into(), "deny".into());
    }
    put(&mut t, "require-digest", b.require_digest);
    put(&mut t, "tag-pattern", b.tag_pattern.clone());
    put(&mut t, "reason", b.reason.clone());
    Value::Table(t)
}

fn custom_rule(c: &CustomRule) -> Value {
    let mut t = Table::new();
    t.insert("id".into(), c.id.as_str().into());
    put(&mut t, "name", c.name.clone());
    t.insert("message".into(), c.message.as_str().into());
    put(&mut t, "help", c.help.clone());
    put(&mut t, "severity", c.severity.map(|s| s.as_str()));
    put(&mut t, "instructions", c.instructions.clone());
    put(&mut t, "pattern", c.pattern.clone());
    put(&mut t, "command", c.command.clone());
    put(&mut t, "args", c.args.clone());
    put(&mut t, "fix", c.fix.clone());
    Value::Table(t)
}

fn is_table_array(v: &Value) -> bool {
    matches!(v, Value::Array(a) if !a.is_empty() && a.iter().all(Value::is_table))
}

fn table(out: &mut String, path: &[String], t: &Table) {
    for (k, v) in t {
        if !v.is_table() && !is_table_array(v) {
            let _ = writeln!(out, "{} = {}", key(k), inline(v));
        }
    }
    for (k, v) in t {
        if let Value::Table(sub) = v {
            let mut p = path.to_vec();
            p.push(key(k));
            // A table of only sub-tables needs no header of its own.
            if sub.values().any(|x| !x.is_table()) || sub.is_empty() {
                let _ = writeln!(out, "\n[{}]", p.join("."));
            }
            table(out, &p, sub);
        }
    }
    for (k, v) in t {
        if let Value::Array(items) = v
            && is_table_array(v)
        {
            let mut p = path.to_vec();
            p.push(key(k));
            for item in items {
                if let Value::Table(sub) = item {
                    let _ = writeln!(out, "\n[[{}]]", p.join("."));
                    table(out, &p, sub);
                }
            }
        }
    }
}

fn key(k: &str) -> String {
    if !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        k.to_owned()
    } else {
        string(k)
    }
}

fn string(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            '\r' => o.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(o, "\\u{:04X}", u32::from(c));
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn inline(v: &Value) -> String {
    match v {
        Value::String(s) => string(s),
        Value::Integer(i) => i.to_string(),
        Value::Float(f) => {
            let s = f.to_string();
            if s.contains(['.', 'e', 'E', 'n', 'i']) {
                s
            } else {
                format!("{s}.0")
            }
        }
        Value::Boolean(b) => b.to_string(),
        Value::Datetime(d) => d.clone(),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(inline).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Table(t) => {
            let items: Vec<String> = t
                .iter()
                .map(|(k, v)| format!("{} = {}", key(k), inline(v)))
                .collect();
            if items.is_empty() {
                "{}".into()
            } else {
                format!("{{ {} }}", items.join(", "))
            }
        }
    }
}
