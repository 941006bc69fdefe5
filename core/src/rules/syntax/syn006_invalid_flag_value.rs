use crate::declare_rule;

declare_rule! {
/// ## What it does
/// Reports flag values Docker rejects: durations without a unit in `HEALTHCHECK`, `--link=maybe`, unknown `--network` modes, `--mount` without a target or with an unknown type or option, flags that need a value but have none.
///
/// ## Why is this bad?
/// Docker fails the build when it reaches the instruction, often after minutes of earlier steps.
///
/// ## Example
/// ```dockerfile
/// FROM alpine:3.20
/// HEALTHCHECK --interval=30 CMD true
/// ```
///
/// ## Use instead
/// ```dockerfile
/// FROM alpine:3.20
/// HEALTHCHECK --interval=30s CMD true
/// ```
    pub InvalidFlagValue {
        code: "SYN006",
        name: "invalid-flag-value",
        family: Syntax,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "A flag value Docker rejects",
    }
}
