use super::shared::delete_word;
use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Tool;
use crate::shell::commands::misc::Curl;
use crate::text::TextRange;

declare_rule! {
    /// ## What it does
    /// Reports `curl -k` / `curl --insecure`, including combined short flags such as
    /// `-fsSLk`.
    ///
    /// ## Why is this bad?
    /// The flag turns off TLS certificate verification: any machine on the network path can
    /// impersonate the server and feed the build whatever it likes. Fix the trust store
    /// instead (install `ca-certificates`, or pass `--cacert` for a private CA).
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN curl -fsSLk -o /tmp/tool.tgz https://example.com/tool.tgz
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: removes the flag. The download then fails if the server's certificate is not
    /// trusted by the image, which is the point, but it changes the build's behaviour.
    pub CurlInsecure {
        code: "SEC011",
        name: "curl-insecure",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["CKV2_DOCKER_2"],
        summary: "curl with TLS verification disabled (-k/--insecure)",
    }
}

impl Rule for CurlInsecure {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::tool(Tool::Curl))
    }

    fn check(&self, cx: &mut Context<'_>) {
        for run in cx.scripts {
            for cmd in &run.script.commands {
                let Some(curl) = Curl::from(cmd) else {
                    continue;
                };
                for f in curl
                    .args
                    .flags
                    .iter()
                    .filter(|f| f.short == Some('k') || f.long == Some("insecure"))
                {
                    let w = f.word;
                    let range = run.file_range(w.range);
                    let raw = range.slice(cx.source);
                    let fix = if raw == w.value && (w.value == "-k" || w.value == "--insecure") {
                        Some(delete_word(cx.source, range))
                    } else if raw == w.value && w.value.matches('k').count() == 1 {
                        // `-fsSLk` → `-fsSL`.
                        raw.find('k').map(|k| {
                            let at = range.start + u32::try_from(k).unwrap_or(0);
                            Edit::delete(TextRange::new(at, at + 1))
                        })
                    } else {
                        None
                    };
                    let d = cx.report(range, "`curl` with TLS certificate verification disabled");
                    d.set_help("remove -k/--insecure; install ca-certificates or pass --cacert for a private CA");
                    if let Some(edit) = fix {
                        d.set_fix(Fix::unsafe_("Remove the insecure flag", vec![edit]));
                    }
                }
            }
        }
    }
}
