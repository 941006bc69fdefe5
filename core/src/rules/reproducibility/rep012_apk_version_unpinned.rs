use super::common_pin::is_not_a_plain_package;
use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `apk add` of a package without a version constraint, such as `curl` instead of
    /// `curl=8.5.0-r0` or `curl~8.5`. Off by default: Alpine removes old package versions from its
    /// repositories, so exact pins break builds.
    ///
    /// ## Why is this bad?
    /// Without a version, each build installs whatever is newest that day. Two builds of the
    /// same Dockerfile can differ, and an incompatible release can break the image without any
    /// change to the Dockerfile.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache curl~8.9
    /// ```
    pub ApkVersionUnpinned {
        code: "REP012",
        name: "apk-version-unpinned",
        family: Reproducibility,
        severity: Warning,
        default_enabled: false,
        fix: None,
        aliases: ["DL3018"],
        summary: "apk add of a package without a version",
    }
}

impl Rule for ApkVersionUnpinned {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (run, apk) in cx.views().apk_commands() {
            if apk.subcommand_str() != "add" {
                continue;
            }
            for p in &apk.packages {
                if p.is_pinned() || is_not_a_plain_package(p) {
                    continue;
                }
                cx.report(
                    run.file_range(p.range),
                    format!("`{}` is installed without a version", p.name),
                )
                .set_help(format!(
                    "pin it as `{}=<version>` or `{}~<major.minor>`",
                    p.name, p.name
                ));
            }
        }
    }
}
