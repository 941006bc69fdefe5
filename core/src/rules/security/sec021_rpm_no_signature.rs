use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::rpm::RpmTool;

declare_rule! {
    /// ## What it does
    /// Reports `rpm` with `--nosignature`, `--nodigest`, `--noverify` or `--nofiledigest`.
    ///
    /// ## Why is this bad?
    /// These options skip the signature and checksum checks that prove the package is the
    /// vendor's and is intact.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM rockylinux:9
    /// RUN rpm -ivh --nosignature /tmp/vendor.rpm
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM rockylinux:9
    /// RUN rpm --import /tmp/RPM-GPG-KEY-vendor && rpm -ivh /tmp/vendor.rpm
    /// ```
    pub RpmNoSignature {
        code: "SEC021",
        name: "rpm-no-signature",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["CKV2_DOCKER_10"],
        summary: "rpm installs without signature or digest checks",
    }
}

impl Rule for RpmNoSignature {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::RPM)
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (run, r) in cx.views().rpm_commands() {
            if r.tool != RpmTool::Rpm {
                continue;
            }
            for f in r.args.flags.iter().filter(|f| {
                matches!(
                    f.long,
                    Some("nosignature" | "nodigest" | "noverify" | "nofiledigest")
                )
            }) {
                cx.report(run.file_range(f.word.range), format!("`rpm --{}` skips package verification", f.long.unwrap_or("")))
                        .set_help("import the vendor key with `rpm --import` and keep signature and digest checks");
            }
        }
    }
}
