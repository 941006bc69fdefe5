use crate::declare_rule;
use crate::rules::{Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a `# stowage ignore=` code that suppressed nothing on its instruction (or, for
    /// `ignore-file=`, in the file).
    ///
    /// ## Why is this bad?
    /// Stale suppressions pile up as files change, and a forgotten one silently hides the next
    /// real finding on that line.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// # stowage ignore=maintainer-deprecated
    /// RUN echo hi
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN echo hi
    /// ```
    pub UnusedSuppression {
        code: "STY002",
        name: "unused-suppression",
        family: Style,
        severity: Info,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "A suppression comment suppresses nothing",
    }
}

// Reported by the engine after suppressions are resolved.
impl Rule for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
