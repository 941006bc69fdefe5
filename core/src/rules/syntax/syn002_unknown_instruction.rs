use crate::declare_rule;

declare_rule! {
/// ## What it does
/// Reports a line that starts with a word that is not a Dockerfile instruction, with a "did you mean" suggestion for typos.
///
/// ## Why is this bad?
/// Docker stops with `unknown instruction`. A typo such as `RUNN` or `COPPY` is easy to miss in review.
///
/// ## Example
/// ```dockerfile
/// FROM alpine:3.20
/// RUNN echo hi
/// ```
///
/// ## Use instead
/// ```dockerfile
/// FROM alpine:3.20
/// RUN echo hi
/// ```
    pub UnknownInstruction {
        code: "SYN002",
        name: "unknown-instruction",
        family: Syntax,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "An instruction keyword Docker does not know",
    }
}
