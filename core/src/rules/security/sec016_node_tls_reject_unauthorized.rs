use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `NODE_TLS_REJECT_UNAUTHORIZED=0` in `ENV`, `ARG` defaults or `RUN`
    /// assignments.
    ///
    /// ## Why is this bad?
    /// Node.js then accepts any TLS certificate for every HTTPS request: in `npm install`
    /// during the build and, with `ENV`, in the application at run time.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// ENV NODE_TLS_REJECT_UNAUTHORIZED=0
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/corp-ca.pem
    /// ```
    pub NodeTlsRejectUnauthorized {
        code: "SEC016",
        name: "node-tls-reject-unauthorized",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["CKV2_DOCKER_6"],
        summary: "NODE_TLS_REJECT_UNAUTHORIZED=0 disables TLS verification",
    }
}

impl Rule for NodeTlsRejectUnauthorized {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for v in cx.var_settings() {
            if v.name == "NODE_TLS_REJECT_UNAUTHORIZED" && v.value.is_some_and(|s| s.trim() == "0")
            {
                cx.report(
                    v.range,
                    "NODE_TLS_REJECT_UNAUTHORIZED=0 turns off TLS certificate verification",
                )
                .set_help("remove it; trust a private CA with NODE_EXTRA_CA_CERTS");
            }
        }
    }
}
