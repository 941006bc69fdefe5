use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `PYTHONHTTPSVERIFY=0` in `ENV`, `ARG` defaults or `RUN` assignments.
    ///
    /// ## Why is this bad?
    /// On Python builds that honour it, the variable turns off certificate verification for
    /// every HTTPS connection the standard library makes, in the build and (with `ENV`) in the
    /// running container.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// ENV PYTHONHTTPSVERIFY=0
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
    /// ```
    pub PythonHttpsVerifyDisabled {
        code: "SEC015",
        name: "python-https-verify-disabled",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["CKV2_DOCKER_5"],
        summary: "PYTHONHTTPSVERIFY=0 disables TLS verification",
    }
}

impl Rule for PythonHttpsVerifyDisabled {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for v in cx.var_settings() {
            if v.name == "PYTHONHTTPSVERIFY" && v.value.is_some_and(|s| s.trim() == "0") {
                cx.report(v.range, "PYTHONHTTPSVERIFY=0 turns off HTTPS certificate verification")
                    .set_help("remove it; trust a private CA with SSL_CERT_FILE or by installing it into the system store");
            }
        }
    }
}
