use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports apt options that accept unsigned packages or repositories:
    /// `--allow-unauthenticated`, `--allow-insecure-repositories` and
    /// `-o APT::Get::AllowUnauthenticated=true`.
    ///
    /// ## Why is this bad?
    /// apt's security rests on signed repository metadata. Without it a mirror or anyone on
    /// the network path can serve modified packages. Add the repository's key with
    /// `signed-by=` instead.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --allow-unauthenticated vendor-tool
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y vendor-tool
    /// ```
    pub AptAllowUnauthenticated {
        code: "SEC018",
        name: "apt-allow-unauthenticated",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["CKV2_DOCKER_8"],
        summary: "apt accepts unauthenticated packages",
    }
}

pub(super) fn option_is(value: &str, key: &str) -> bool {
    value.split_once('=').is_some_and(|(k, v)| {
        k.eq_ignore_ascii_case(key)
            && matches!(v.to_ascii_lowercase().as_str(), "true" | "1" | "yes")
    })
}

impl Rule for AptAllowUnauthenticated {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (run, apt) in cx.views().apt_commands() {
            let cmd = apt.command;
            for f in &apt.args.flags {
                let word = if matches!(
                    f.long,
                    Some("allow-unauthenticated" | "allow-insecure-repositories")
                ) {
                    f.word
                } else if (f.short == Some('o') || f.long == Some("option"))
                    && f.value
                        .is_some_and(|v| option_is(v, "APT::Get::AllowUnauthenticated"))
                {
                    f.value_word.unwrap_or(f.word)
                } else {
                    continue;
                };
                cx.report(run.file_range(word.range), format!("`{}` accepts unauthenticated packages", cmd.name_str()))
                        .set_help("install the repository's signing key (`signed-by=`) instead of disabling authentication");
            }
        }
    }
}
