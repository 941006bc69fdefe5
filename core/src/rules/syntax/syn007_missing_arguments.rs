use crate::declare_rule;

declare_rule! {
/// ## What it does
/// Reports instructions with too few arguments: `COPY` with one path, `WORKDIR` alone, `ENV KEY` with no value, `FROM` with nothing.
///
/// ## Why is this bad?
/// Docker rejects the instruction.
///
/// ## Example
/// ```dockerfile
/// FROM alpine:3.20
/// WORKDIR
/// ```
///
/// ## Use instead
/// ```dockerfile
/// FROM alpine:3.20
/// WORKDIR /app
/// ```
    pub MissingArguments {
        code: "SYN007",
        name: "missing-arguments",
        family: Syntax,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "An instruction lacks a required argument",
    }
}
