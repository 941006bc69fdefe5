use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::correctness::common::whole_lines;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports empty lines inside an instruction continued with `\`.
    ///
    /// ## Why is this bad?
    /// Docker skips them today but warns that they will become an error, and a blank line in
    /// the middle of a long `RUN` looks like the end of the instruction to a reader.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && \
    ///
    ///     apt-get install -y curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && \
    ///     apt-get install -y curl
    /// ```
    ///
    /// ## Fix safety
    /// Safe: deletes the empty lines, which Docker already ignores.
    pub EmptyContinuationLine {
        code: "STY007",
        name: "empty-continuation-line",
        family: Style,
        severity: Warning,
        default_enabled: true,
        fix: Always,
        aliases: ["NoEmptyContinuation", "EMPTY_CONTINUATION_LINE"],
        summary: "Empty line inside a continued instruction",
    }
}

impl Rule for EmptyContinuationLine {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for ins in cx.dockerfile.instructions() {
            for &line in &ins.empty_continuation_lines {
                let fix = Fix::safe(
                    "Remove the empty line",
                    vec![Edit::delete(whole_lines(cx.source, line))],
                );
                cx.report(line, "empty continuation line")
                    .set_help("remove the empty line, or end the instruction before it")
                    .set_fix(fix);
            }
        }
    }
}
