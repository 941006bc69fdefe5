use super::shared::is_falsy;
use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::shell::commands::Tool;

declare_rule! {
    /// ## What it does
    /// Reports git TLS verification turned off: `GIT_SSL_NO_VERIFY` set (git honours any
    /// value), `git config [--global|--system] http.sslVerify false` (also per-URL
    /// `http.<url>.sslVerify`) and `git -c http.sslVerify=false …`.
    ///
    /// ## Why is this bad?
    /// git then accepts any certificate: cloned sources and submodules can be swapped in
    /// transit. Point `http.sslCAInfo` at a private CA instead.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine/git:2.45.2
    /// RUN git -c http.sslVerify=false clone https://git.example.com/app.git /src
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine/git:2.45.2
    /// RUN git -c http.sslCAInfo=/etc/ssl/certs/corp-ca.pem clone https://git.example.com/app.git /src
    /// ```
    pub GitSslVerifyDisabled {
        code: "SEC023",
        name: "git-ssl-verify-disabled",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["CKV2_DOCKER_14"],
        summary: "git TLS verification turned off",
    }
}

const HELP: &str = "keep TLS verification on; trust a private CA with `http.sslCAInfo`";

fn is_ssl_verify_key(k: &str) -> bool {
    let lower = k.to_ascii_lowercase();
    lower.starts_with("http.") && lower.ends_with(".sslverify")
}

impl Rule for GitSslVerifyDisabled {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for v in cx.var_settings() {
            if v.name == "GIT_SSL_NO_VERIFY" {
                cx.report(
                    v.range,
                    "GIT_SSL_NO_VERIFY turns off TLS verification for git",
                )
                .set_help(HELP);
            }
        }
        for run in cx.scripts {
            for cmd in &run.script.commands {
                if cmd.tool != Tool::Git {
                    continue;
                }
                let args = &cmd.args;
                let mut i = 0;
                while let Some(w) = args.get(i) {
                    i += 1;
                    if w.value == "-c"
                        && let Some(v) = args.get(i)
                        && let Some((k, val)) = v.value.split_once('=')
                        && is_ssl_verify_key(k)
                        && is_falsy(val)
                    {
                        cx.report(
                            run.file_range(v.range),
                            "git runs with TLS verification off",
                        )
                        .set_help(HELP);
                    }
                    if w.value == "config" {
                        // git config [--global] http.sslVerify false
                        let rest: Vec<_> = args
                            .get(i..)
                            .unwrap_or_default()
                            .iter()
                            .filter(|a| !a.value.starts_with('-'))
                            .collect();
                        if let [key, val, ..] = rest.as_slice()
                            && is_ssl_verify_key(&key.value)
                            && is_falsy(&val.value)
                        {
                            let range = run.file_range(key.range).cover(run.file_range(val.range));
                            cx.report(range, "git is configured with TLS verification off")
                                .set_help(HELP);
                        }
                        break;
                    }
                    if !w.value.starts_with('-') && w.value != "config" {
                        // Another subcommand; `-c` values were consumed above.
                        let prev_is_c = i >= 2
                            && args
                                .get(i - 2)
                                .is_some_and(|p| p.value == "-c" || p.value == "-C");
                        if !prev_is_c {
                            break;
                        }
                    }
                }
            }
        }
    }
}
