use super::shared::heredoc_bodies;
use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::shell::commands::Family;
use crate::text::TextRange;

declare_rule! {
    /// ## What it does
    /// Reports yum/dnf repository TLS verification turned off: `--setopt=sslverify=0` (or
    /// `false`, also per repository `<repo>.sslverify=0`) on `yum`, `dnf`, `yum-config-manager`
    /// or `dnf config-manager`, and `sslverify=0`/`false` written into a `.repo` file or
    /// `yum.conf`/`dnf.conf` with `echo`/`printf` or a here-document.
    ///
    /// ## Why is this bad?
    /// The package manager then downloads metadata and packages without checking the server's
    /// certificate; with GPG checks also off nothing protects the packages.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM rockylinux:9
    /// RUN dnf config-manager --setopt=sslverify=false --save
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM rockylinux:9
    /// RUN dnf config-manager --setopt=sslcacert=/etc/pki/ca-trust/source/anchors/corp.pem --save
    /// ```
    pub YumSslverifyDisabled {
        code: "SEC024",
        name: "yum-sslverify-disabled",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["CKV2_DOCKER_15"],
        summary: "yum/dnf repository TLS verification turned off",
    }
}

const HELP: &str = "keep sslverify on; trust a private CA with `sslcacert=` or the system CA store";

/// `sslverify=0` / `sslverify = false` (case-insensitive), possibly `repo.sslverify`.
fn disables(setting: &str) -> bool {
    setting.split_once('=').is_some_and(|(k, v)| {
        let k = k.trim().to_ascii_lowercase();
        (k == "sslverify" || k.ends_with(".sslverify"))
            && matches!(
                v.trim()
                    .trim_matches(['"', '\''])
                    .to_ascii_lowercase()
                    .as_str(),
                "0" | "false" | "no" | "off"
            )
    })
}

fn is_yum_config(path: &str) -> bool {
    path.ends_with(".repo") || path.ends_with("yum.conf") || path.ends_with("dnf.conf")
}

impl Rule for YumSslverifyDisabled {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for run in cx.scripts {
            for cmd in &run.script.commands {
                let name = cmd.name_str();
                // The family first (one byte): the names are six string compares.
                if (cmd.family == Family::Rpm || name.starts_with("yum-"))
                    && matches!(
                        name,
                        "yum" | "dnf" | "dnf5" | "microdnf" | "tdnf" | "yum-config-manager"
                    )
                {
                    let mut words = cmd.args.iter().peekable();
                    while let Some(w) = words.next() {
                        let value = if let Some(v) = w.value.strip_prefix("--setopt=") {
                            Some((v, w))
                        } else if w.value == "--setopt" {
                            words.peek().map(|n| (n.value.as_str(), *n))
                        } else {
                            None
                        };
                        if let Some((v, at)) = value
                            && disables(v)
                        {
                            cx.report(
                                run.file_range(at.range),
                                format!("`{name}` turns off repository TLS verification"),
                            )
                            .set_help(HELP);
                        }
                    }
                    continue;
                }
                let to_config = cmd
                    .redirects
                    .iter()
                    .any(|r| r.target.as_ref().is_some_and(|t| is_yum_config(&t.value)))
                    || (name == "tee" && cmd.args.iter().any(|a| is_yum_config(&a.value)));
                if !to_config {
                    continue;
                }
                if matches!(name, "echo" | "printf") {
                    for w in &cmd.args {
                        if w.value.split(['\n', ' ']).any(disables)
                            || w.value.split("\\n").any(disables)
                        {
                            cx.report(
                                run.file_range(w.range),
                                "a yum repository is written with TLS verification off",
                            )
                            .set_help(HELP);
                        }
                    }
                }
                for (body, body_text) in heredoc_bodies(cx.source, run, cmd) {
                    let mut offset = body.start;
                    for line in body_text.split_inclusive('\n') {
                        let len = u32::try_from(line.len()).unwrap_or(0);
                        let trimmed = line.trim_end();
                        if !trimmed.trim_start().starts_with('#') && disables(trimmed) {
                            let lead =
                                u32::try_from(line.len() - line.trim_start().len()).unwrap_or(0);
                            let end = offset + u32::try_from(trimmed.len()).unwrap_or(0);
                            cx.report(
                                TextRange::new(offset + lead, end),
                                "a yum repository is written with TLS verification off",
                            )
                            .set_help(HELP);
                        }
                        offset += len;
                    }
                }
            }
        }
    }
}
