use crate::declare_rule;

declare_rule! {
/// ## What it does
/// Reports a heredoc (`<<EOF`) with no line holding only its delimiter after the body.
///
/// ## Why is this bad?
/// Docker fails with `unterminated heredoc`, and everything after the marker would become the heredoc body.
///
/// ## Example
/// ```dockerfile
/// FROM alpine:3.20
/// RUN <<EOF
/// echo hi
/// ```
///
/// ## Use instead
/// ```dockerfile
/// FROM alpine:3.20
/// RUN <<EOF
/// echo hi
/// EOF
/// ```
    pub UnterminatedHeredoc {
        code: "SYN011",
        name: "unterminated-heredoc",
        family: Syntax,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "A heredoc is never terminated",
    }
}
