use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::rpm::RpmTool;

declare_rule! {
    /// ## What it does
    /// Reports `--nogpgcheck` (yum, dnf, tdnf, microdnf), `--no-gpg-checks` (zypper) and
    /// `--setopt=gpgcheck=0`.
    ///
    /// ## Why is this bad?
    /// The package manager then installs packages without checking their GPG signatures: a
    /// compromised mirror or proxy can deliver anything. Import the vendor key with
    /// `rpm --import` instead.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM rockylinux:9
    /// RUN dnf install -y --nogpgcheck vendor-tool && dnf clean all
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM rockylinux:9
    /// RUN rpm --import https://vendor.example.com/RPM-GPG-KEY \
    ///  && dnf install -y vendor-tool && dnf clean all
    /// ```
    pub RpmNogpgcheck {
        code: "SEC020",
        name: "rpm-nogpgcheck",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["CKV2_DOCKER_9"],
        summary: "yum/dnf/zypper install without GPG signature checks",
    }
}

impl Rule for RpmNogpgcheck {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::RPM)
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (run, r) in cx.views().rpm_commands() {
            let cmd = r.command;
            if r.tool == RpmTool::Rpm {
                continue;
            }
            for f in &r.args.flags {
                let word = match f.long {
                    Some("nogpgcheck" | "no-gpg-checks" | "no-gpgcheck") => f.word,
                    Some("setopt")
                        if f.value.is_some_and(|v| {
                            v.split_once('=').is_some_and(|(k, val)| {
                                (k == "gpgcheck"
                                    || k.ends_with(".gpgcheck")
                                    || k == "repo_gpgcheck")
                                    && matches!(
                                        val.to_ascii_lowercase().as_str(),
                                        "0" | "false" | "no"
                                    )
                            })
                        }) =>
                    {
                        f.value_word.unwrap_or(f.word)
                    }
                    _ => continue,
                };
                cx.report(
                    run.file_range(word.range),
                    format!("`{}` skips package signature checks", cmd.name_str()),
                )
                .set_help("import the vendor's key with `rpm --import` and keep GPG checks on");
            }
        }
    }
}
