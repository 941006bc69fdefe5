use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `PIP_TRUSTED_HOST` set with `ENV`, `ARG` or in a `RUN` command.
    ///
    /// ## Why is this bad?
    /// pip skips TLS verification for the listed hosts; with `ENV` the setting also stays in
    /// the image for every later `pip` call. Configure the registry's CA (`PIP_CERT`) instead.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// ENV PIP_TRUSTED_HOST=pypi.example.com
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// ENV PIP_CERT=/etc/ssl/certs/corp-ca.pem
    /// ```
    pub PipTrustedHostEnv {
        code: "SEC014",
        name: "pip-trusted-host-env",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["CKV2_DOCKER_16"],
        summary: "PIP_TRUSTED_HOST disables TLS verification for a host",
    }
}

impl Rule for PipTrustedHostEnv {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for v in cx.var_settings() {
            if v.name == "PIP_TRUSTED_HOST" && v.value.is_none_or(|s| !s.trim().is_empty()) {
                cx.report(
                    v.range,
                    "PIP_TRUSTED_HOST turns off TLS verification for pip",
                )
                .set_help("remove it and point PIP_CERT at the registry's CA certificate");
            }
        }
    }
}
