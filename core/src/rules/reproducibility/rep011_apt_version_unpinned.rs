use super::common_pin::is_not_a_plain_package;
use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::shell::commands::apt::AptTool;

declare_rule! {
    /// ## What it does
    /// Reports `apt-get install` (and `apt install`) of a package without a version, such as
    /// `curl` instead of `curl=7.88.1-10+deb12u5`. Off by default: Debian and Ubuntu drop superseded
    /// versions from their archives, so exact pins break builds; enable it where repeatability
    /// matters more than that.
    ///
    /// ## Why is this bad?
    /// Without a version, each build installs whatever is newest that day. Two builds of the
    /// same Dockerfile can differ, and an incompatible release can break the image without any
    /// change to the Dockerfile.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl \
    ///  && rm -rf /var/lib/apt/lists/*
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \
    ///  && rm -rf /var/lib/apt/lists/*
    /// ```
    pub AptVersionUnpinned {
        code: "REP011",
        name: "apt-version-unpinned",
        family: Reproducibility,
        severity: Warning,
        default_enabled: false,
        fix: None,
        aliases: ["DL3008"],
        summary: "apt-get install of a package without =version",
    }
}

impl Rule for AptVersionUnpinned {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (run, apt) in cx.views().apt_commands() {
            if apt.tool == AptTool::Aptitude || !apt.is_install() {
                continue;
            }
            for p in &apt.packages {
                if p.is_pinned() || is_not_a_plain_package(p) {
                    continue;
                }
                cx.report(
                    run.file_range(p.range),
                    format!("`{}` is installed without a version", p.name),
                )
                .set_help(format!("pin it as `{}=<version>`", p.name));
            }
        }
    }
}
