//! JSON Schema of `stowage.toml`: generated here from a description of the config fields,
//! committed as `docs/stowage.schema.json` (`STOWAGE_UPDATE_SCHEMA=1` regenerates), and checked
//! against the code: every table's properties must equal the keys serde accepts.

use std::path::PathBuf;

use serde_json::{Value, json};
use stowage_core::Config;
use stowage_core::config::{LabelFormat, PRESETS};
use stowage_core::rules::{Family, registry};

fn selector() -> Value {
    let mut names: Vec<String> = vec!["all".into()];
    names.extend(Family::ALL.iter().map(|f| f.as_str().to_owned()));
    for r in registry() {
        let m = r.meta();
        names.push(m.code.into());
        names.push(m.name.into());
        names.extend(m.aliases.iter().map(|a| (*a).to_owned()));
    }
    names.sort();
    names.dedup();
    // Custom rule ids are allowed too, hence the plain string alternative.
    json!({ "anyOf": [ { "enum": names }, { "type": "string" } ] })
}

fn severity() -> Value {
    json!({ "enum": ["error", "warning", "info", "style"] })
}

fn strings() -> Value {
    json!({ "type": "array", "items": { "type": "string" } })
}

/// `[rules.<code or name>]`: the options each rule declares, so editors complete and check them.
fn rule_options() -> Value {
    use stowage_core::rules::OptionKind;
    let mut props = serde_json::Map::new();
    for r in registry() {
        let m = r.meta();
        if m.options.is_empty() {
            continue;
        }
        let mut options = serde_json::Map::new();
        for o in m.options {
            let mut schema = match o.kind {
                OptionKind::Integer => json!({ "type": "integer" }),
                OptionKind::Float => json!({ "type": "number" }),
                OptionKind::Bool => json!({ "type": "boolean" }),
                OptionKind::String => json!({ "type": "string" }),
                OptionKind::Strings => strings(),
            };
            schema["description"] = json!(o.summary);
            options.insert(o.key.into(), schema);
        }
        let table = json!({
            "type": "object",
            "properties": options,
            "additionalProperties": false,
            "description": format!("Options of {} ({}).", m.code, m.name),
        });
        for key in [m.code, m.name].iter().chain(m.aliases) {
            props.insert((*key).into(), table.clone());
        }
    }
    json!({
        "type": "object",
        "properties": props,
        "additionalProperties": { "type": "object", "maxProperties": 0 },
        "description": "Options per rule code or name; a rule accepts only the options it declares.",
    })
}

fn layer(extra: &[(&str, Value)], policy: &Value) -> serde_json::Map<String, Value> {
    let mut p = serde_json::Map::new();
    p.insert("select".into(), json!({ "type": "array", "items": selector(), "description": "Rules to run instead of the default set." }));
    p.insert(
        "extend-select".into(),
        json!({ "type": "array", "items": selector(), "description": "Rules to add." }),
    );
    p.insert(
        "ignore".into(),
        json!({ "type": "array", "items": selector(), "description": "Rules to turn off." }),
    );
    p.insert("severity".into(), json!({ "type": "object", "additionalProperties": severity(), "description": "Severity per rule code, name or alias." }));
    p.insert("failure-threshold".into(), json!({ "allOf": [severity()], "description": "Findings at or above this severity make the CLI exit with 1." }));
    p.insert(
        "no-fail".into(),
        json!({ "type": "boolean", "description": "Never exit with 1 because of findings." }),
    );
    p.insert("inline-suppressions".into(), json!({ "type": "boolean", "description": "Honour inline suppression comments (default true)." }));
    p.insert("rules".into(), rule_options());
    p.insert(
        "target".into(),
        json!({ "type": "string", "description": "The stage that is built." }),
    );
    p.insert("policy".into(), policy.clone());
    for (k, v) in extra {
        p.insert((*k).into(), v.clone());
    }
    p
}

fn schema() -> Value {
    let formats: Vec<&str> = LabelFormat::ALL.iter().map(|f| f.as_str()).collect();
    let policy = json!({
        "type": "object", "additionalProperties": false,
        "description": "Organisation policy; each key turns its POL rule on.",
        "properties": {
            "trusted-registries": { "allOf": [strings()], "description": "POL001: registry globs (`*.gcr.io`)." },
            "base-images": { "type": "array", "description": "POL002/POL003: first matching entry decides.", "items": {
                "type": "object", "additionalProperties": false, "required": ["pattern"],
                "properties": {
                    "pattern": { "type": "string" },
                    "action": { "enum": ["allow", "deny"] },
                    "require-digest": { "type": "boolean" },
                    "tag-pattern": { "type": "string", "format": "regex" },
                    "reason": { "type": "string" }
                } } },
            "required-labels": { "type": "object", "additionalProperties": { "enum": formats }, "description": "POL004/POL005: label → format." },
            "strict-labels": { "type": "boolean", "description": "POL006." },
            "max-layers": { "type": "integer", "minimum": 0, "description": "POL007." },
            "require-non-root": { "type": "boolean", "description": "SEC001 as an error." },
            "require-healthcheck": { "type": "boolean", "description": "REP022 as an error." },
            "forbidden-instructions": { "allOf": [strings()], "description": "POL008." },
            "forbidden-commands": { "allOf": [strings()], "description": "POL009." },
            "forbidden-flags": { "allOf": [strings()], "description": "POL010: `[INSTRUCTION] --flag[=value]`." },
            "require-syntax": { "type": "string", "format": "regex", "description": "POL011." },
            "no-inline-suppressions": { "type": "boolean", "description": "POL012." }
        }
    });
    let custom = json!({ "type": "array", "description": "User-defined rules.", "items": {
        "type": "object", "additionalProperties": false, "required": ["id", "message"],
        "properties": {
            "id": { "type": "string", "pattern": "^[A-Z][A-Z0-9_]*[0-9]$" },
            "name": { "type": "string", "pattern": "^[a-z0-9-]+$" },
            "message": { "type": "string" },
            "help": { "type": "string" },
            "severity": severity(),
            "instructions": strings(),
            "pattern": { "type": "string", "format": "regex" },
            "command": { "type": "string" },
            "args": { "type": "string", "format": "regex" },
            "fix": { "type": "string" }
        } } });
    let presets: Vec<&str> = PRESETS.iter().map(|p| p.name).collect();
    let extends_item = json!({ "anyOf": [ { "enum": presets }, { "type": "string" } ] });
    let overrides = json!({ "type": "array", "description": "Settings for matching paths.", "items": {
        "type": "object", "additionalProperties": false, "required": ["files"],
        "properties": layer(&[("files", strings())], &policy) } });
    let top = layer(
        &[
            (
                "extends",
                json!({ "anyOf": [extends_item.clone(), { "type": "array", "items": extends_item }], "description": "Presets or files to build on." }),
            ),
            ("custom-rules", custom),
            ("overrides", overrides),
        ],
        &policy,
    );
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "stowage.toml",
        "type": "object",
        "additionalProperties": false,
        "properties": top
    })
}

/// The keys serde accepts for a table, from its "unknown field" message.
fn accepted(toml_prefix: &str) -> Vec<String> {
    let e = Config::from_toml(&format!("{toml_prefix}zz-unknown = 1\n")).expect_err("unknown");
    let list = e.message.split("expected one of").nth(1).unwrap_or("");
    let mut keys: Vec<String> = list
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    keys.sort();
    keys
}

fn props(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v["properties"]
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    k.sort();
    k
}

#[test]
fn schema_matches_the_config_model() {
    let s = schema();
    assert_eq!(props(&s), accepted(""));
    assert_eq!(props(&s["properties"]["policy"]), accepted("[policy]\n"));
    assert_eq!(
        props(&s["properties"]["overrides"]["items"]),
        accepted("[[overrides]]\nfiles = []\n")
    );
    assert_eq!(
        props(&s["properties"]["custom-rules"]["items"]),
        accepted("[[custom-rules]]\nid = \"ACME001\"\nmessage = \"m\"\n")
    );
    assert_eq!(
        props(&s["properties"]["policy"]["properties"]["base-images"]["items"]),
        accepted("[[policy.base-images]]\npattern = \"x\"\n")
    );
}

#[test]
fn committed_schema_does_not_drift() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/stowage.schema.json");
    let text = serde_json::to_string_pretty(&schema()).expect("json") + "\n";
    if std::env::var_os("STOWAGE_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &text).expect("write schema");
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == text,
        "docs/stowage.schema.json is out of date; run `STOWAGE_UPDATE_SCHEMA=1 cargo test -p stowage-tests --test config_schema`"
    );
}
