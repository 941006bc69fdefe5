use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `pip install --trusted-host …` and `pip config set global.trusted-host …`.
    ///
    /// ## Why is this bad?
    /// A trusted host is contacted without TLS verification (and over plain HTTP if the index
    /// URL says so): packages from it can be swapped in transit. Give pip the right CA with
    /// `--cert` or `PIP_CERT` instead.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN pip install --trusted-host pypi.example.com -i https://pypi.example.com/simple app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN pip install --cert /etc/ssl/certs/corp-ca.pem -i https://pypi.example.com/simple app
    /// ```
    pub PipTrustedHost {
        code: "SEC013",
        name: "pip-trusted-host",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["CKV2_DOCKER_4"],
        summary: "pip --trusted-host disables TLS verification for a host",
    }
}

impl Rule for PipTrustedHost {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::PIP)
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (run, pip) in cx.views().pip_commands() {
            for f in pip
                .args
                .flags
                .iter()
                .filter(|f| f.long == Some("trusted-host"))
            {
                let mut range = run.file_range(f.word.range);
                if let Some(v) = f.value_word {
                    range = range.cover(run.file_range(v.range));
                }
                cx.report(
                    range,
                    format!(
                        "pip trusts `{}` without TLS verification",
                        f.value.unwrap_or("")
                    ),
                )
                .set_help(
                    "remove --trusted-host and give pip the registry's CA with --cert or PIP_CERT",
                );
            }
            // `pip config set global.trusted-host host`
            let pos: Vec<_> = pip
                .args
                .positionals
                .iter()
                .map(|w| w.value.as_str())
                .collect();
            if let [sub, "set", key, ..] = pos.as_slice()
                && *sub == "config"
                && key.ends_with("trusted-host")
                && let Some(w) = pip.args.positionals.get(2)
            {
                cx.report(
                    run.file_range(w.range),
                    "pip is configured to trust a host without TLS verification",
                )
                .set_help(
                    "remove the trusted-host setting and configure the registry's CA with `cert`",
                );
            }
        }
    }
}
