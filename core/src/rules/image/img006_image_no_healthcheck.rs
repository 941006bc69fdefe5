use crate::declare_rule;
use crate::rules::{ImageContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports an image config without a `Healthcheck`, or with `NONE`.
    ///
    /// ## Why is this bad?
    /// Without a healthcheck the runtime cannot tell a hung service from a healthy one.
    ///
    /// ## Example
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"User": "app"}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"User": "app", "Healthcheck": {"Test": ["CMD", "/healthz"]}, "Labels": {"org.opencontainers.image.source": "https://example.com/app", "org.opencontainers.image.version": "1.0.0", "org.opencontainers.image.revision": "0123abc"}}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    pub NoHealthcheck {
        code: "IMG006",
        name: "image-no-healthcheck",
        family: Image,
        severity: Info,
        default_enabled: true,
        fix: None,
        aliases: ["DS-0026", "CKV_DOCKER_2"],
        summary: "The image has no healthcheck",
        target: Image,
    }
}

impl Rule for NoHealthcheck {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_image(&self, cx: &mut ImageContext<'_>) {
        cx.report_findings();
    }
}
