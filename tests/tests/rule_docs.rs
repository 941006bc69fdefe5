//! Rule documentation: every rule has the required sections, its `## Example` triggers it and its
//! `## Use instead` does not; `docs/rules/` and `wasm/js/rule-docs.js` are generated from the code
//! and must not drift (`STOWAGE_UPDATE_DOCS=1` regenerates them).

use std::path::PathBuf;

use stowage_core::rules::{Target, docs, registry};
use stowage_core::{Config, Inputs, Linter};

#[test]
fn registry_is_sound() {
    let rules = registry();
    let mut codes: Vec<&str> = rules.iter().map(|r| r.meta().code).collect();
    let n = codes.len();
    codes.dedup();
    assert_eq!(codes.len(), n, "duplicate rule codes");
    let mut names: Vec<&str> = rules.iter().map(|r| r.meta().name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), n, "duplicate rule names");
    for r in rules {
        let m = r.meta();
        assert!(
            m.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}: name must be kebab-case",
            m.code
        );
        assert!(
            !m.summary.is_empty() && !m.summary.contains('\n'),
            "{}: one-line summary",
            m.code
        );
        for section in ["What it does", "Why is this bad?", "Use instead"] {
            assert!(
                m.section(section).is_some(),
                "{}: docs lack `## {section}`",
                m.code
            );
        }
    }
}

/// The options a rule declares (which the config reader enforces) are the ones its docs show,
/// and the `[rules.…]` example in its docs is a valid config.
#[test]
fn documented_options_are_declared() {
    for r in registry() {
        let m = r.meta();
        let declared: Vec<&str> = m.options.iter().map(|o| o.key).collect();
        let section = m.section("Options").unwrap_or_default();
        if !section.contains("[rules.") && declared.is_empty() {
            continue;
        }
        assert!(
            !section.is_empty(),
            "{}: declares options {declared:?} but its docs have no `## Options`",
            m.code
        );
        for key in &declared {
            assert!(
                section.contains(&format!("`{key}`")) || section.contains(&format!("{key} =")),
                "{}: option `{key}` is not in its docs' Options section",
                m.code
            );
        }
        if let Some(toml) = section
            .split("```toml\n")
            .nth(1)
            .and_then(|b| b.split("```").next())
        {
            stowage_core::Config::from_toml(toml).unwrap_or_else(|e| {
                panic!(
                    "{}: the Options example is not a valid config: {e:?}",
                    m.code
                )
            });
        }
    }
}

#[test]
fn doc_examples_behave_as_documented() {
    for r in registry() {
        let m = r.meta();
        // Configuration-driven rules (policy) show their configuration in `## Options`.
        let mut config = m
            .example("Options")
            .and_then(|toml| Config::from_toml(&toml).ok())
            .unwrap_or_default();
        config.select = Some(vec![m.code.to_owned()]);
        let linter = Linter::new(config).expect("config");
        let lint = |section: &str, text: &str| {
            if m.target == Target::Image {
                return linter.lint_image(text);
            }
            // A ```dockerignore block beside the example is the build context's .dockerignore.
            let dockerignore = m.example_dockerignore(section);
            let inputs = Inputs {
                dockerignore_checked: true,
                dockerignore,
                ..Inputs::default()
            };
            linter.lint_dockerfile_with(text, &inputs)
        };
        if let Some(bad) = m.example("Example") {
            let found = lint("Example", &bad)
                .diagnostics
                .iter()
                .any(|d| d.code == m.code);
            assert!(
                found,
                "{}: the `## Example` block does not trigger the rule:\n{bad}",
                m.code
            );
        }
        if let Some(good) = m.example("Use instead") {
            let hits: Vec<_> = lint("Use instead", &good)
                .diagnostics
                .into_iter()
                .filter(|d| d.code == m.code)
                .collect();
            assert!(
                hits.is_empty(),
                "{}: the `## Use instead` block triggers the rule: {hits:?}",
                m.code
            );
        }
    }
}

#[test]
fn generated_docs_do_not_drift() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/rules");
    let pages = docs::all_pages();
    if std::env::var_os("STOWAGE_UPDATE_DOCS").is_some() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("docs dir");
        for (name, text) in &pages {
            std::fs::write(dir.join(name), text).expect("write doc");
        }
    }
    let mut stale = Vec::new();
    for (name, text) in &pages {
        if std::fs::read_to_string(dir.join(name)).ok().as_deref() != Some(text.as_str()) {
            stale.push(name.clone());
        }
    }
    let on_disk = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
    assert!(
        stale.is_empty() && on_disk == pages.len(),
        "docs/rules is out of date for {stale:?}; run `STOWAGE_UPDATE_DOCS=1 cargo test -p stowage-tests --test rule_docs`"
    );
}

/// `wasm/js/rule-docs.js`: every rule's `RuleMeta::markdown()` keyed by code. The .wasm is built
/// without the docs (core's `docs` feature is off there); `rules()` in `wasm/js/index.js` merges
/// them back in.
fn rule_docs_js() -> String {
    let mut s = String::from(
        "// Generated from the rules' doc comments by tests/tests/rule_docs.rs; do not edit by hand.\n\
         // Regenerate: STOWAGE_UPDATE_DOCS=1 cargo test -p stowage-tests --test rule_docs\n\
         // Every rule's docs as Markdown, keyed by code: rules() in index.js adds them as `docs`.\n\
         export default {\n",
    );
    for r in registry() {
        let m = r.meta();
        let code = serde_json::to_string(m.code).expect("json");
        let docs = serde_json::to_string(&m.markdown()).expect("json");
        s.push_str(&format!("  {code}: {docs},\n"));
    }
    s.push_str("};\n");
    s
}

#[test]
fn wasm_rule_docs_do_not_drift() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../wasm/js/rule-docs.js");
    let text = rule_docs_js();
    if std::env::var_os("STOWAGE_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &text).expect("write wasm/js/rule-docs.js");
    }
    let on_disk = std::fs::read_to_string(&path).ok();
    assert!(
        on_disk.as_deref() == Some(text.as_str()),
        "wasm/js/rule-docs.js (the rule docs of @stowage/wasm) is {}; run `STOWAGE_UPDATE_DOCS=1 cargo test -p stowage-tests --test rule_docs`",
        if on_disk.is_some() {
            "out of date"
        } else {
            "missing"
        }
    );
}
