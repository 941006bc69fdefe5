use crate::declare_rule;

declare_rule! {
/// ## What it does
/// Reports extra words: `FROM image AS name extra`, `HEALTHCHECK NONE something`.
///
/// ## Why is this bad?
/// Docker rejects the instruction; the extra text is usually a leftover or a missing line break.
///
/// ## Example
/// ```dockerfile
/// FROM alpine:3.20 AS base extra
/// ```
///
/// ## Use instead
/// ```dockerfile
/// FROM alpine:3.20 AS base
/// ```
    pub ExtraArguments {
        code: "SYN008",
        name: "extra-arguments",
        family: Syntax,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "An instruction has arguments Docker does not accept",
    }
}
