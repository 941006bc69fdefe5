use crate::declare_rule;
use crate::optimize::{Suggestion, SuggestionKind, human_bytes};
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a shipped stage built on the full variant of a common image (`node`, `python`,
    /// `ruby`, `php`, `debian`, `ubuntu`, …) when the optimizer's built-in size table knows a
    /// much smaller variant (`-slim`, `-alpine`, distroless). The message gives the estimated
    /// compressed saving. Opt-in: the full variants are sometimes chosen on purpose.
    ///
    /// ## Why is this bad?
    /// The full variants carry compilers, headers, version control and documentation: a
    /// `node:20` image is several times the size of `node:20-slim`. Every pull, push and cold
    /// start pays for it, and every extra package is more to patch.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20
    /// COPY server.js /app/
    /// CMD ["node", "/app/server.js"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY server.js /app/
    /// CMD ["node", "/app/server.js"]
    /// ```
    ///
    /// ## References
    /// `stowage optimize` prints the same advice with the size table's figures and date.
    pub BloatedBaseImage {
        code: "SZ019",
        name: "bloated-base-image",
        family: Size,
        severity: Info,
        default_enabled: false,
        fix: None,
        aliases: [],
        summary: "The shipped image is built on a full base image that has a much smaller variant",
    }
}

/// Reports the optimizer's suggestions of `kind` made for `rule`.
pub(crate) fn report_advice(
    cx: &mut Context<'_>,
    rule: &str,
    kind: SuggestionKind,
    keep: impl Fn(&Suggestion) -> bool,
) {
    let advice: Vec<&Suggestion> = cx
        .advice()
        .iter()
        .filter(|s| s.rule == rule && s.kind == kind && keep(s))
        .collect();
    for s in advice {
        let saving = if s.saving.bytes == 0 {
            String::new()
        } else {
            format!(
                " (saves ~{}, {})",
                human_bytes(s.saving.bytes),
                s.saving.basis.as_str()
            )
        };
        let first = s.detail.lines().next().unwrap_or("");
        let help = first.trim_end_matches([':', '.', ' ']);
        cx.report(s.range, format!("{}{saving}", s.title))
            .set_help(format!("{help}; `stowage optimize` shows how"));
    }
}

impl Rule for BloatedBaseImage {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        report_advice(cx, Self::META.code, SuggestionKind::SlimmerBase, |_| true);
    }
}
