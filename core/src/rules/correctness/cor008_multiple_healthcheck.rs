use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::Keyword;

use super::common::report_overridden;

declare_rule! {
    /// ## What it does
    /// Reports every `HEALTHCHECK` of a stage except the last one. ONBUILD triggers are not
    /// counted: they run in another build.
    ///
    /// ## Why is this bad?
    /// Only the last `HEALTHCHECK` of a stage takes effect; the earlier ones are silently
    /// ignored. Having several usually means a leftover from editing, and a reader may
    /// believe the wrong one is active.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// HEALTHCHECK CMD curl -f http://localhost/ || exit 1
    /// HEALTHCHECK --interval=30s CMD curl -f http://localhost/health || exit 1
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// HEALTHCHECK --interval=30s CMD curl -f http://localhost/health || exit 1
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: deletes the ignored instruction (whole lines). The image does not change, but
    /// the deleted text may be the one the author meant to keep.
    pub MultipleHealthcheck {
        code: "COR008",
        name: "multiple-healthcheck",
        family: Correctness,
        severity: Error,
        default_enabled: true,
        fix: Always,
        aliases: ["DL3012", "DS-0023"],
        summary: "More than one HEALTHCHECK in a stage: only the last one counts",
    }
}

impl Rule for MultipleHealthcheck {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        report_overridden(cx, Keyword::Healthcheck);
    }
}
