use crate::declare_rule;

declare_rule! {
/// ## What it does
/// Reports text Docker's parser or instruction reader rejects: a JSON array with non-string elements, an `ENV`/`LABEL` pair without `=` in the `KEY=value` form, a blank variable name, `FROM image XS name`.
///
/// ## Why is this bad?
/// Docker refuses to build the file. Stowage keeps checking the rest of the file, so you see every problem at once.
///
/// ## Example
/// ```dockerfile
/// FROM alpine:3.20
/// CMD ["echo", 1]
/// ```
///
/// ## Use instead
/// ```dockerfile
/// FROM alpine:3.20
/// CMD ["echo", "1"]
/// ```
    pub InvalidSyntax {
        code: "SYN001",
        name: "invalid-syntax",
        family: Syntax,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "Malformed instruction text Docker cannot read",
    }
}
