use crate::declare_rule;

declare_rule! {
/// ## What it does
/// Reports `--flags` an instruction does not accept, such as `COPY --form=build` or `RUN --mnt=...`, with a suggestion.
///
/// ## Why is this bad?
/// Docker fails with `unknown flag`. Misspelled flags are a common source of confusing build failures.
///
/// ## Example
/// ```dockerfile
/// FROM alpine:3.20 AS build
/// FROM alpine:3.20
/// COPY --form=build /a /a
/// ```
///
/// ## Use instead
/// ```dockerfile
/// FROM alpine:3.20 AS build
/// FROM alpine:3.20
/// COPY --from=build /a /a
/// ```
    pub UnknownFlag {
        code: "SYN005",
        name: "unknown-flag",
        family: Syntax,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "A flag the instruction does not accept",
    }
}
