use crate::declare_rule;

declare_rule! {
/// ## What it does
/// Reports a `SHELL` instruction in shell form.
///
/// ## Why is this bad?
/// Docker only accepts `SHELL ["executable", "parameters"]` and fails otherwise.
///
/// ## Example
/// ```dockerfile
/// FROM alpine:3.20
/// SHELL /bin/ash -c
/// ```
///
/// ## Use instead
/// ```dockerfile
/// FROM alpine:3.20
/// SHELL ["/bin/ash", "-c"]
/// ```
    pub ShellNotJson {
        code: "SYN009",
        name: "shell-not-json",
        family: Syntax,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "SHELL is not written as a JSON array",
    }
}
