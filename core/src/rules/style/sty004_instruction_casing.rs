use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, Instruction, Keyword};

declare_rule! {
    /// ## What it does
    /// Reports instruction keywords whose casing differs from the file's majority: when most
    /// keywords are upper case (`RUN`), a `run` or `Run` is reported, and the other way round
    /// when most are lower case. Mixed case (`Run`) is always reported. Ties count as upper
    /// case, the canonical form.
    ///
    /// ## Why is this bad?
    /// Docker accepts any casing, but a file mixing `RUN` and `run` is harder to scan and
    /// suggests copy-pasted fragments.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// run apk add --no-cache curl
    /// COPY app /app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache curl
    /// COPY app /app
    /// ```
    ///
    /// ## Fix safety
    /// Safe: rewrites the keyword in the majority casing (upper case on a tie). Docker reads
    /// keywords case-insensitively.
    pub InstructionCasing {
        code: "STY004",
        name: "instruction-casing",
        family: Style,
        severity: Style,
        default_enabled: true,
        fix: Always,
        aliases: ["ConsistentInstructionCasing", "CASING_INSTRUCTION"],
        summary: "Instruction keyword casing differs from the rest of the file",
    }
}

/// Every keyword with its instruction (ONBUILD triggers included).
fn all_keywords<'a>(cx: &Context<'a>) -> Vec<&'a Instruction> {
    let mut out = Vec::new();
    for ins in cx.dockerfile.instructions() {
        if ins.keyword == Keyword::Unknown {
            continue;
        }
        out.push(ins);
        if let Args::Onbuild(Some(inner)) = &ins.args
            && inner.keyword != Keyword::Unknown
        {
            out.push(&**inner);
        }
    }
    out
}

impl Rule for InstructionCasing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let all = all_keywords(cx);
        let is_upper = |t: &str| !t.bytes().any(|b| b.is_ascii_lowercase());
        let is_lower = |t: &str| !t.bytes().any(|b| b.is_ascii_uppercase());
        let upper = all.iter().filter(|i| is_upper(i.keyword_text())).count();
        let lower = all.iter().filter(|i| is_lower(i.keyword_text())).count();
        let want_upper = upper >= lower;
        for ins in all {
            let fine = if want_upper {
                is_upper(ins.keyword_text())
            } else {
                is_lower(ins.keyword_text())
            };
            if fine {
                continue;
            }
            let canonical = if want_upper {
                ins.keyword_text().to_ascii_uppercase()
            } else {
                ins.keyword_text().to_ascii_lowercase()
            };
            if ins.keyword_text() == canonical {
                continue;
            }
            let case = if want_upper { "upper" } else { "lower" };
            let fix = Fix::safe(
                format!("Write `{canonical}`"),
                vec![Edit::replace(ins.keyword_range, canonical.clone())],
            );
            cx.report(
                ins.keyword_range,
                format!(
                    "`{}` should be `{canonical}`: most instructions are {case} case",
                    ins.keyword_text()
                ),
            )
            .set_help(format!("write every instruction keyword in {case} case"))
            .set_fix(fix);
        }
    }
}
