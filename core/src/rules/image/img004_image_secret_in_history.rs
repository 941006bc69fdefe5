use crate::declare_rule;
use crate::rules::{ImageContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports build arguments and commands in `history[].created_by` that carry secrets (`|2 TOKEN=… /bin/sh -c …`, tokens and passwords in commands).
    ///
    /// ## Why is this bad?
    /// Build arguments and RUN commands are stored in the image history, visible to anyone who pulls it, even when the final environment is clean.
    ///
    /// ## Example
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {}, "rootfs": {"type": "layers", "diff_ids": []}, "history": [{"created_by": "|1 NPM_TOKEN=npm_abcdefghijklmnopqrstuvwxyz0123456789 /bin/sh -c npm ci"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"User": "app", "Healthcheck": {"Test": ["CMD", "/healthz"]}, "Labels": {"org.opencontainers.image.source": "https://example.com/app", "org.opencontainers.image.version": "1.0.0", "org.opencontainers.image.revision": "0123abc"}}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    pub SecretInHistory {
        code: "IMG004",
        name: "image-secret-in-history",
        family: Image,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "A secret leaks through the image history",
        target: Image,
    }
}

impl Rule for SecretInHistory {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_image(&self, cx: &mut ImageContext<'_>) {
        cx.report_findings();
    }
}
