use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::Keyword;

use super::common::report_overridden;

declare_rule! {
    /// ## What it does
    /// Reports every `CMD` of a stage except the last one. ONBUILD triggers are not
    /// counted: they run in another build.
    ///
    /// ## Why is this bad?
    /// Only the last `CMD` of a stage takes effect; the earlier ones are silently
    /// ignored. Having several usually means a leftover from editing, and a reader may
    /// believe the wrong one is active.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// CMD ["python", "-m", "http.server"]
    /// COPY app.py /app.py
    /// CMD ["python", "/app.py"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// COPY app.py /app.py
    /// CMD ["python", "/app.py"]
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: deletes the ignored instruction (whole lines). The image does not change, but
    /// the deleted text may be the one the author meant to keep.
    pub MultipleCmd {
        code: "COR006",
        name: "multiple-cmd",
        family: Correctness,
        severity: Warning,
        default_enabled: true,
        fix: Always,
        aliases: ["DL4003", "MultipleInstructionsDisallowed", "DS-0016"],
        summary: "More than one CMD in a stage: only the last one counts",
    }
}

impl Rule for MultipleCmd {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        report_overridden(cx, Keyword::Cmd);
    }
}
