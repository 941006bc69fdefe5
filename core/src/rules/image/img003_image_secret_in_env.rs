use crate::declare_rule;
use crate::rules::{ImageContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `config.Env` entries whose name looks like a secret (`*_TOKEN`, `*PASSWORD*`, `AWS_SECRET_ACCESS_KEY`, …) with a real value, or whose value looks like a credential (AWS keys, GitHub/GitLab/npm/Slack tokens, private keys, passwords in URLs).
    ///
    /// ## Why is this bad?
    /// Anyone who can pull the image can read its environment with `docker inspect`.
    ///
    /// ## Example
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"Env": ["GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789"]}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"User": "app", "Healthcheck": {"Test": ["CMD", "/healthz"]}, "Labels": {"org.opencontainers.image.source": "https://example.com/app", "org.opencontainers.image.version": "1.0.0", "org.opencontainers.image.revision": "0123abc"}}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    pub SecretInEnv {
        code: "IMG003",
        name: "image-secret-in-env",
        family: Image,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: ["DS-0031"],
        summary: "A secret is baked into the image environment",
        target: Image,
    }
}

impl Rule for SecretInEnv {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_image(&self, cx: &mut ImageContext<'_>) {
        cx.report_findings();
    }
}
