use super::sec018_apt_allow_unauthenticated::option_is;
use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `apt-get --force-yes` and `-o APT::Get::force-yes=true`.
    ///
    /// ## Why is this bad?
    /// `--force-yes` is deprecated and answers yes to everything, including installing
    /// unauthenticated packages and downgrades. `-y` is enough for non-interactive builds; use
    /// the specific `--allow-downgrades`/`--allow-change-held-packages` if really needed.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --force-yes curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y curl
    /// ```
    pub AptForceYes {
        code: "SEC019",
        name: "apt-force-yes",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["CKV2_DOCKER_11"],
        summary: "apt-get --force-yes bypasses package authentication",
    }
}

impl Rule for AptForceYes {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::APT)
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (run, apt) in cx.views().apt_commands() {
            for f in &apt.args.flags {
                let word = if f.long == Some("force-yes") {
                    f.word
                } else if (f.short == Some('o') || f.long == Some("option"))
                    && f.value.is_some_and(|v| option_is(v, "APT::Get::force-yes"))
                {
                    f.value_word.unwrap_or(f.word)
                } else {
                    continue;
                };
                cx.report(
                    run.file_range(word.range),
                    "`--force-yes` also accepts unauthenticated packages",
                )
                .set_help(
                    "use -y; add --allow-downgrades or --allow-change-held-packages only if needed",
                );
            }
        }
    }
}
