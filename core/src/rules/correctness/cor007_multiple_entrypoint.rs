use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::Keyword;

use super::common::report_overridden;

declare_rule! {
    /// ## What it does
    /// Reports every `ENTRYPOINT` of a stage except the last one. ONBUILD triggers are not
    /// counted: they run in another build.
    ///
    /// ## Why is this bad?
    /// Only the last `ENTRYPOINT` of a stage takes effect; the earlier ones are silently
    /// ignored. Having several usually means a leftover from editing, and a reader may
    /// believe the wrong one is active.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ENTRYPOINT ["/bin/sh"]
    /// ENTRYPOINT ["/usr/local/bin/app"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ENTRYPOINT ["/usr/local/bin/app"]
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: deletes the ignored instruction (whole lines). The image does not change, but
    /// the deleted text may be the one the author meant to keep.
    pub MultipleEntrypoint {
        code: "COR007",
        name: "multiple-entrypoint",
        family: Correctness,
        severity: Error,
        default_enabled: true,
        fix: Always,
        aliases: ["DL4004", "DS-0007"],
        summary: "More than one ENTRYPOINT in a stage: only the last one counts",
    }
}

impl Rule for MultipleEntrypoint {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        report_overridden(cx, Keyword::Entrypoint);
    }
}
