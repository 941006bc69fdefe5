//! Rule documentation rendered from the metadata (for `docs/rules/*.md`, `stowage explain`,
//! the playground and editor hovers).

use std::fmt::Write as _;

use super::{FixAvailability, Rule, RuleMeta, registry};

/// The file name of a rule's page: `SEC001-root-user.md`.
#[must_use]
pub fn file_name(meta: &RuleMeta) -> String {
    format!("{}-{}.md", meta.code, meta.name)
}

/// A rule's full page in Markdown.
#[must_use]
pub fn render(meta: &RuleMeta) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {} `{}`\n", meta.code, meta.name);
    let _ = writeln!(s, "{}\n", meta.summary);
    let _ = writeln!(s, "| | |\n|---|---|");
    let _ = writeln!(s, "| Family | {} |", meta.family.as_str());
    let _ = writeln!(s, "| Default severity | {} |", meta.severity.as_str());
    let _ = writeln!(
        s,
        "| Enabled by default | {} |",
        if meta.default_enabled {
            "yes"
        } else {
            "no (opt-in)"
        }
    );
    let fix = match meta.fix {
        FixAvailability::None => "no",
        FixAvailability::Sometimes => "sometimes",
        FixAvailability::Always => "yes",
    };
    let _ = writeln!(s, "| Automatic fix | {fix} |");
    if !meta.aliases.is_empty() {
        let aliases: Vec<String> = meta.aliases.iter().map(|a| format!("`{a}`")).collect();
        let _ = writeln!(s, "| Same as | {} |", aliases.join(", "));
    }
    let _ = writeln!(s, "\n{}", meta.markdown().trim());
    if !meta.options.is_empty() {
        let _ = writeln!(
            s,
            "\n## Option reference\n\nUnder `[rules.{}]` (or `[rules.{}]`) in `stowage.toml`; any other key there is a config error.\n\n| Key | Type | What it does |\n|---|---|---|",
            meta.name, meta.code
        );
        for o in meta.options {
            let _ = writeln!(s, "| `{}` | {} | {} |", o.key, o.kind.describe(), o.summary);
        }
    }
    s
}

/// The index page listing every rule.
#[must_use]
pub fn render_index() -> String {
    let mut s = String::from(
        "# Rules\n\nGenerated from the code by `stowage generate-docs`; do not edit by hand.\n\n| Code | Name | Family | Severity | Default | Fix | Same as |\n|---|---|---|---|---|---|---|\n",
    );
    for rule in registry() {
        let m = rule.meta();
        let _ = writeln!(
            s,
            "| [{}]({}) | `{}` | {} | {} | {} | {} | {} |",
            m.code,
            file_name(m),
            m.name,
            m.family.as_str(),
            m.severity.as_str(),
            if m.default_enabled { "on" } else { "opt-in" },
            match m.fix {
                FixAvailability::None => "",
                FixAvailability::Sometimes => "sometimes",
                FixAvailability::Always => "yes",
            },
            m.aliases.join(", ")
        );
    }
    s
}

/// Every generated docs file: `(relative path, contents)`.
#[must_use]
pub fn all_pages() -> Vec<(String, String)> {
    let mut pages = vec![("README.md".to_owned(), render_index())];
    pages.extend(
        registry()
            .iter()
            .map(|r: &&dyn Rule| (file_name(r.meta()), render(r.meta()))),
    );
    pages
}
