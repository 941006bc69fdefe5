use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, Keyword};

declare_rule! {
    /// ## What it does
    /// Reports the `MAINTAINER` instruction.
    ///
    /// ## Why is this bad?
    /// `MAINTAINER` has been deprecated since Docker 1.13. The standard place for the author is
    /// the OCI label `org.opencontainers.image.authors`, which registries and scanners read.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// MAINTAINER Jane Doe <jane@example.com>
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
    /// ```
    ///
    /// ## Fix safety
    /// Safe: the image gets the label instead of the deprecated author field.
    pub MaintainerDeprecated {
        code: "COR001",
        name: "maintainer-deprecated",
        family: Correctness,
        severity: Warning,
        default_enabled: true,
        fix: Always,
        aliases: ["DL4000", "MaintainerDeprecated", "DS-0022", "CKV_DOCKER_6"],
        summary: "MAINTAINER is deprecated; use the org.opencontainers.image.authors label",
    }
}

impl Rule for MaintainerDeprecated {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (_, ins, _) in cx.instructions_with(Keyword::Maintainer) {
            let Args::Maintainer(Some(who)) = &ins.args else {
                continue;
            };
            let value = who
                .text
                .trim_matches('"')
                .replace('\\', "\\\\")
                .replace('"', "\\\"");
            let fix = Fix::safe(
                "Replace with LABEL org.opencontainers.image.authors",
                vec![Edit::replace(
                    ins.range,
                    format!("LABEL org.opencontainers.image.authors=\"{value}\""),
                )],
            );
            cx.report_fix(ins.keyword_range, "MAINTAINER is deprecated", fix);
        }
    }
}
