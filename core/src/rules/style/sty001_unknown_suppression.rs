use crate::declare_rule;
use crate::rules::{Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a `# stowage ignore=` comment naming a code that is not a Stowage rule code,
    /// name or alias.
    ///
    /// ## Why is this bad?
    /// A misspelled code suppresses nothing, so the finding it was meant to silence keeps
    /// appearing — or worse, the comment gives a false sense that something was reviewed.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// # stowage ignore=SEC999
    /// RUN echo hi
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN echo hi
    /// ```
    pub UnknownSuppression {
        code: "STY001",
        name: "unknown-suppression",
        family: Style,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "A suppression comment names an unknown rule",
    }
}

// Reported by the engine after suppressions are resolved.
impl Rule for UnknownSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
