use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Rule, RuleMeta};
use crate::text::TextRange;

use super::policy;

/// What the fix inserts.
const DEFAULT_SYNTAX: &str = "docker/dockerfile:1";

declare_rule! {
    /// ## What it does
    /// With `[policy] require-syntax` set, reports a Dockerfile without a `# syntax=` parser
    /// directive, or whose directive's image does not match the regex (an empty string
    /// accepts any). When `docker/dockerfile:1` would satisfy the policy, the fix inserts
    /// `# syntax=docker/dockerfile:1` as the first line.
    ///
    /// ## Why is this bad?
    /// Without the directive the Dockerfile is built by whatever frontend the builder bundles,
    /// so features (heredocs, `--mount`, `--checksum`) and checks vary between machines.
    /// Pinning the frontend makes builds behave the same everywhere.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// # syntax=docker/dockerfile:1
    /// FROM alpine:3.20
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the build switches to the named frontend, which may behave differently.
    ///
    /// ## Options
    /// `require-syntax`: a regex the directive's value must match, `""` for any value.
    /// ```toml
    /// [policy]
    /// require-syntax = '^docker/dockerfile:1'
    /// ```
    pub SyntaxDirectiveMissing {
        code: "POL011",
        name: "syntax-directive-missing",
        family: Policy,
        severity: Warning,
        default_enabled: false,
        fix: Sometimes,
        aliases: [],
        summary: "the `# syntax=` directive is missing or names a frontend the policy does not allow",
    }
}

impl Rule for SyntaxDirectiveMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let Some(pattern) = &policy(cx).require_syntax else {
            return;
        };
        let Ok(re) = regex_lite::Regex::new(pattern) else {
            return;
        };
        if let Some(d) = cx.dockerfile.directive("syntax") {
            if !re.is_match(d.value.trim()) {
                cx.report(
                    d.value_range,
                    format!(
                        "`# syntax={}` does not match the required `{pattern}`",
                        d.value.trim()
                    ),
                );
            }
            return;
        }
        let start = u32::from(cx.dockerfile.bom) * 3;
        let at = cx
            .dockerfile
            .instructions()
            .next()
            .map_or(TextRange::empty(start), |i| i.first_line_range());
        let d = cx.report(at, "the Dockerfile has no `# syntax=` directive");
        if re.is_match(DEFAULT_SYNTAX) {
            d.set_fix(Fix::unsafe_(
                format!("Insert `# syntax={DEFAULT_SYNTAX}`"),
                vec![Edit::insert(start, format!("# syntax={DEFAULT_SYNTAX}\n"))],
            ));
        } else {
            d.set_help(format!(
                "add a first line `# syntax=<image>` matching `{pattern}`"
            ));
        }
    }
}
