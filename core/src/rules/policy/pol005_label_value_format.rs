use std::sync::OnceLock;

use regex_lite::Regex;

use crate::config::LabelFormat;
use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};

use super::{labels, policy, unquote};

declare_rule! {
    /// ## What it does
    /// Reports a `LABEL` value that is empty or does not have the format
    /// `[policy] required-labels` gives for its key: `url` (a URI with a scheme), `semver`
    /// (`1.2.3[-pre][+build]`), `hash` (7–40 lowercase hex digits, a git commit),
    /// `rfc3339` (`2024-05-01T12:00:00Z`), `spdx` (an SPDX licence expression such as
    /// `MIT OR Apache-2.0`), `email`, or `text` (anything non-empty). Values built from
    /// variables (`$VERSION`) are only known at build time and are skipped.
    ///
    /// ## Why is this bad?
    /// Tools parse these labels: a malformed source URL or version breaks provenance and
    /// inventory reports silently.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.version="v1.2"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.version="1.2.0"
    /// ```
    ///
    /// ## Options
    /// The formats of `[policy.required-labels]` (see `POL004`).
    /// ```toml
    /// [policy.required-labels]
    /// "org.opencontainers.image.version" = "semver"
    /// ```
    pub LabelValueFormat {
        code: "POL005",
        name: "label-value-format",
        family: Policy,
        severity: Warning,
        default_enabled: false,
        fix: None,
        aliases: ["DL3051", "DL3052", "DL3053", "DL3054", "DL3055", "DL3056", "DL3058"],
        summary: "a LABEL value is empty or does not have the format the policy requires",
    }
}

fn re(cell: &'static OnceLock<Option<Regex>>, pattern: &str) -> Option<&'static Regex> {
    cell.get_or_init(|| Regex::new(pattern).ok()).as_ref()
}

/// Why `value` does not have `format`, if it does not.
pub(crate) fn format_problem(format: LabelFormat, value: &str) -> Option<&'static str> {
    static URL: OnceLock<Option<Regex>> = OnceLock::new();
    static SEMVER: OnceLock<Option<Regex>> = OnceLock::new();
    static HASH: OnceLock<Option<Regex>> = OnceLock::new();
    static RFC3339: OnceLock<Option<Regex>> = OnceLock::new();
    static SPDX_ID: OnceLock<Option<Regex>> = OnceLock::new();
    static EMAIL: OnceLock<Option<Regex>> = OnceLock::new();
    let value = value.trim();
    if value.is_empty() {
        return Some("is empty");
    }
    let ok = |cell, pattern| re(cell, pattern).is_none_or(|r| r.is_match(value));
    match format {
        LabelFormat::Text => None,
        LabelFormat::Url => (!ok(&URL, r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]+$")).then_some("is not a URL"),
        LabelFormat::Semver => (!ok(
            &SEMVER,
            r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.\-]+)?(\+[0-9A-Za-z.\-]+)?$",
        ))
        .then_some("is not a semantic version (MAJOR.MINOR.PATCH)"),
        LabelFormat::Hash => (!ok(&HASH, r"^[0-9a-f]{7,40}$")).then_some("is not a git commit hash"),
        LabelFormat::Rfc3339 => (!ok(
            &RFC3339,
            r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt ]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([Zz]|[+\-][0-9]{2}:[0-9]{2})$",
        ))
        .then_some("is not an RFC 3339 timestamp"),
        LabelFormat::Spdx => {
            let id = re(&SPDX_ID, r"^[A-Za-z0-9][A-Za-z0-9.\-]*\+?$");
            let mut expect_id = true;
            let mut good = true;
            for tok in value.replace(['(', ')'], " ").split_whitespace() {
                if expect_id {
                    good &= id.is_none_or(|r| r.is_match(tok));
                } else {
                    good &= matches!(tok, "AND" | "OR" | "WITH");
                }
                expect_id = !expect_id;
            }
            (!good || expect_id).then_some("is not an SPDX licence expression")
        }
        LabelFormat::Email => (!ok(&EMAIL, r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")).then_some("is not an email address"),
    }
}

impl Rule for LabelValueFormat {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let Some(required) = &policy(cx).required_labels else {
            return;
        };
        for (_, kv) in labels(cx) {
            let key = unquote(&kv.key.text);
            let Some(format) = required.get(&key) else {
                continue;
            };
            let value = unquote(&kv.value.text);
            if value.contains('$') {
                continue;
            }
            if let Some(problem) = format_problem(*format, &value) {
                let range = if kv.value.range.is_empty() {
                    kv.key.range
                } else {
                    kv.value.range
                };
                cx.report(range, format!("label `{key}` {problem}"))
                    .set_help(format!("the policy requires a `{}` value", format.as_str()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{LabelFormat as F, format_problem};

    #[test]
    fn formats() {
        assert!(format_problem(F::Url, "https://x.org/a").is_none());
        assert!(format_problem(F::Url, "x.org").is_some());
        assert!(format_problem(F::Semver, "1.2.3-rc.1+b5").is_none());
        assert!(format_problem(F::Semver, "1.2").is_some());
        assert!(format_problem(F::Hash, "a1b2c3d").is_none());
        assert!(format_problem(F::Hash, "xyz").is_some());
        assert!(format_problem(F::Rfc3339, "2024-05-01T12:00:00Z").is_none());
        assert!(format_problem(F::Rfc3339, "2024-05-01").is_some());
        assert!(format_problem(F::Spdx, "(MIT OR Apache-2.0)").is_none());
        assert!(format_problem(F::Spdx, "MIT OR").is_some());
        assert!(format_problem(F::Email, "a@b.io").is_none());
        assert!(format_problem(F::Email, "a@b").is_some());
        assert!(format_problem(F::Text, " ").is_some());
    }
}
