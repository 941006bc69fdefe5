use crate::declare_rule;

declare_rule! {
/// ## What it does
/// Reports the first byte that is not valid UTF-8. Stowage reads the rest with replacement characters and keeps checking.
///
/// ## Why is this bad?
/// Docker reads Dockerfiles as UTF-8; other encodings (Latin-1, UTF-16) give garbled labels and commands.
///
/// ## Use instead
/// ```dockerfile
/// FROM alpine:3.20
/// ```
    pub InvalidUtf8 {
        code: "SYN013",
        name: "invalid-utf8",
        family: Syntax,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "The file is not valid UTF-8",
    }
}
