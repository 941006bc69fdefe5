use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, Keyword};

declare_rule! {
    /// ## What it does
    /// Reports `LABEL` keys that break Docker's naming convention: keys should use lower-case
    /// letters, digits, `.`, `-`, `_` and `/`, start and end with a letter or digit, not
    /// repeat `.` or `-`, and stay out of the namespaces Docker reserves (`com.docker.`,
    /// `io.docker.`, `org.dockerproject.`). Keys built from variables are skipped.
    ///
    /// ## Why is this bad?
    /// Labels are read by registries, orchestrators and scanners that expect reverse-DNS,
    /// lower-case keys such as `org.opencontainers.image.source`; `Author` and `author`
    /// become two different labels, and reserved namespaces may be overwritten by Docker.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL Maintainer="Jane Doe"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.authors="Jane Doe"
    /// ```
    pub LabelKeyFormat {
        code: "STY009",
        name: "label-key-format",
        family: Style,
        severity: Style,
        default_enabled: true,
        fix: None,
        aliases: ["DL3048"],
        summary: "LABEL key breaks the naming convention",
    }
}

fn key_problem(key: &str) -> Option<&'static str> {
    if key.is_empty() {
        return Some("is empty");
    }
    for ns in ["com.docker.", "io.docker.", "org.dockerproject."] {
        if key.starts_with(ns) {
            return Some("uses a namespace reserved by Docker");
        }
    }
    if key.chars().any(|c| c.is_ascii_uppercase()) {
        return Some("has upper-case letters");
    }
    if !key
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_' | '/'))
    {
        return Some("has characters other than a-z, 0-9, `.`, `-`, `_` and `/`");
    }
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if !alnum(key.chars().next()) || !alnum(key.chars().last()) {
        return Some("should start and end with a letter or digit");
    }
    if key.contains("..") || key.contains("--") {
        return Some("repeats `.` or `-`");
    }
    None
}

impl Rule for LabelKeyFormat {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (_, ins, _) in cx.instructions_with(Keyword::Label) {
            let Args::Label(pairs) = &ins.args else {
                continue;
            };
            for kv in pairs {
                if kv.key.text.contains('$') {
                    continue;
                }
                let key = kv.key.text.trim_matches(['"', '\'']);
                if let Some(problem) = key_problem(key) {
                    cx.report(kv.key.range, format!("label key `{key}` {problem}"))
                        .set_help("use lower-case reverse-DNS keys, e.g. `org.opencontainers.image.title`");
                }
            }
        }
    }
}
