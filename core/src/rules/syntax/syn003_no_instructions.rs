use crate::declare_rule;

declare_rule! {
/// ## What it does
/// Reports an empty Dockerfile or one holding only comments.
///
/// ## Why is this bad?
/// Docker refuses it with `file with no instructions`; usually the wrong file was given.
///
/// ## Example
/// ```dockerfile
/// # just a comment
/// ```
///
/// ## Use instead
/// ```dockerfile
/// FROM alpine:3.20
/// ```
    pub NoInstructions {
        code: "SYN003",
        name: "no-instructions",
        family: Syntax,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "The file has no instructions",
    }
}
