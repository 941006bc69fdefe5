use crate::declare_rule;

declare_rule! {
/// ## What it does
/// Reports instructions before the first `FROM`. Only `ARG` (and comments and parser directives) may come first.
///
/// ## Why is this bad?
/// Docker fails with `no build stage in current context`.
///
/// ## Example
/// ```dockerfile
/// LABEL version=1
/// FROM alpine:3.20
/// ```
///
/// ## Use instead
/// ```dockerfile
/// FROM alpine:3.20
/// LABEL version=1
/// ```
    pub InstructionBeforeFrom {
        code: "SYN004",
        name: "instruction-before-from",
        family: Syntax,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: ["DL3061"],
        summary: "An instruction other than ARG comes before the first FROM",
    }
}
