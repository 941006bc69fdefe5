use crate::declare_rule;

declare_rule! {
/// ## What it does
/// Reports `ONBUILD ONBUILD`, `ONBUILD FROM` and `ONBUILD MAINTAINER`.
///
/// ## Why is this bad?
/// Docker rejects these triggers.
///
/// ## Example
/// ```dockerfile
/// FROM alpine:3.20
/// ONBUILD FROM debian
/// ```
///
/// ## Use instead
/// ```dockerfile
/// FROM alpine:3.20
/// ONBUILD RUN echo hi
/// ```
    pub InvalidOnbuildTrigger {
        code: "SYN010",
        name: "invalid-onbuild-trigger",
        family: Syntax,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: ["DL3043"],
        summary: "ONBUILD with a trigger Docker forbids",
    }
}
