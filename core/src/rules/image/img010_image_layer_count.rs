use crate::declare_rule;
use crate::rules::{ImageContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports an image with more layers than a limit (50 by default).
    ///
    /// ## Why is this bad?
    /// Every layer adds pull and extraction overhead; overlay filesystems also slow down with deep stacks.
    ///
    /// ## Use instead
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"User": "app", "Healthcheck": {"Test": ["CMD", "/healthz"]}, "Labels": {"org.opencontainers.image.source": "https://example.com/app", "org.opencontainers.image.version": "1.0.0", "org.opencontainers.image.revision": "0123abc"}}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    ///
    /// ## Options
    /// ```toml
    /// [rules.image-layer-count]
    /// max = 30
    /// ```
    pub LayerCount {
        code: "IMG010",
        name: "image-layer-count",
        family: Image,
        severity: Info,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "The image has too many layers",
        target: Image,
    }
}

impl Rule for LayerCount {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_image(&self, cx: &mut ImageContext<'_>) {
        cx.report_findings();
    }
}
