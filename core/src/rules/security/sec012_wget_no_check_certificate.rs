use super::shared::delete_word;
use crate::declare_rule;
use crate::fix::Fix;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Tool;
use crate::shell::commands::misc::Wget;

declare_rule! {
    /// ## What it does
    /// Reports `wget --no-check-certificate`.
    ///
    /// ## Why is this bad?
    /// The flag turns off TLS certificate verification: anyone on the network path can
    /// impersonate the server. Install `ca-certificates` or pass `--ca-certificate` for a
    /// private CA.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN wget --no-check-certificate https://example.com/tool.tgz
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN wget https://example.com/tool.tgz
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: removes the flag; the download fails if the certificate is not trusted. No fix
    /// is offered when the flag sits inside an escaped `sh -c "…"` string.
    pub WgetNoCheckCertificate {
        code: "SEC012",
        name: "wget-no-check-certificate",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["CKV2_DOCKER_3"],
        summary: "wget with --no-check-certificate",
    }
}

impl Rule for WgetNoCheckCertificate {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::tool(Tool::Wget))
    }

    fn check(&self, cx: &mut Context<'_>) {
        for run in cx.scripts {
            for cmd in &run.script.commands {
                let Some(wget) = Wget::from(cmd) else {
                    continue;
                };
                for f in wget
                    .args
                    .flags
                    .iter()
                    .filter(|f| f.long == Some("no-check-certificate"))
                {
                    let range = run.file_range(f.word.range);
                    let exact = cx.text(range) == f.word.value;
                    let edit = delete_word(cx.source, range);
                    let d = cx.report(range, "`wget` with TLS certificate verification disabled");
                    d.set_help("remove --no-check-certificate; install ca-certificates or pass --ca-certificate for a private CA");
                    if exact {
                        d.set_fix(Fix::unsafe_("Remove --no-check-certificate", vec![edit]));
                    }
                }
            }
        }
    }
}
