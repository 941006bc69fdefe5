use crate::declare_rule;

declare_rule! {
/// ## What it does
/// Reports `# escape=` with a value other than `\\` or `` ` ``, and directives given twice.
///
/// ## Why is this bad?
/// Docker refuses the file.
///
/// ## Example
/// ```dockerfile
/// # escape=x
/// FROM alpine:3.20
/// ```
///
/// ## Use instead
/// ```dockerfile
/// # escape=`
/// FROM alpine:3.20
/// ```
    pub InvalidDirective {
        code: "SYN012",
        name: "invalid-directive",
        family: Syntax,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "An invalid or repeated parser directive",
    }
}
