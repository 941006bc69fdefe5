use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `apk --allow-untrusted`.
    ///
    /// ## Why is this bad?
    /// apk then installs packages and indexes whose signature it cannot verify: a tampered
    /// mirror or a man in the middle can ship anything. Add the repository's public key to
    /// `/etc/apk/keys` instead.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache --allow-untrusted /tmp/app.apk
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// COPY packager.rsa.pub /etc/apk/keys/
    /// RUN apk add --no-cache /tmp/app.apk
    /// ```
    pub ApkAllowUntrusted {
        code: "SEC017",
        name: "apk-allow-untrusted",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["CKV2_DOCKER_7"],
        summary: "apk installs unsigned packages (--allow-untrusted)",
    }
}

impl Rule for ApkAllowUntrusted {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::APK)
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (run, apk) in cx.views().apk_commands() {
            for f in apk
                .args
                .flags
                .iter()
                .filter(|f| f.long == Some("allow-untrusted"))
            {
                cx.report(
                    run.file_range(f.word.range),
                    "`apk` skips package signature checks",
                )
                .set_help(
                    "add the repository's public key to /etc/apk/keys and drop --allow-untrusted",
                );
            }
        }
    }
}
