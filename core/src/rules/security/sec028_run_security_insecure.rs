use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::Keyword;

declare_rule! {
    /// ## What it does
    /// Reports `RUN --security=insecure`.
    ///
    /// ## Why is this bad?
    /// The step runs as a privileged container with all capabilities and host devices; it only
    /// works when the builder is started with the `security.insecure` entitlement and the build
    /// is invoked with `--allow security.insecure`. A compromised dependency in that step can
    /// take over the build host.
    ///
    /// ## Example
    /// ```dockerfile
    /// # syntax=docker/dockerfile:1
    /// FROM debian:12
    /// RUN --security=insecure mount -t tmpfs none /mnt
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// # syntax=docker/dockerfile:1
    /// FROM debian:12
    /// RUN --mount=type=tmpfs,target=/mnt ls /mnt
    /// ```
    pub RunSecurityInsecure {
        code: "SEC028",
        name: "run-security-insecure",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "RUN --security=insecure runs the step privileged",
    }
}

impl Rule for RunSecurityInsecure {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (_, ins, _) in cx.instructions_with(Keyword::Run) {
            if let Some(f) = ins.flag("security")
                && f.value
                    .as_deref()
                    .is_some_and(|v| v.eq_ignore_ascii_case("insecure"))
            {
                cx.report(f.range, "this step runs as a privileged container")
                    .set_help("avoid privileged build steps; use mounts (`--mount=type=tmpfs|cache|bind`) or do the work at run time");
            }
        }
    }
}
