use crate::declare_rule;
use crate::rules::{ImageContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports Docker image manifest schema version 1 (signed or unsigned).
    ///
    /// ## Why is this bad?
    /// Schema 1 is deprecated and removed from current registries and runtimes; such images can no longer be pushed or pulled by recent Docker versions.
    ///
    /// ## Example
    /// ```json
    /// {"schemaVersion": 1, "name": "library/hello", "tag": "latest", "architecture": "amd64", "fsLayers": [], "history": []}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"User": "app", "Healthcheck": {"Test": ["CMD", "/healthz"]}, "Labels": {"org.opencontainers.image.source": "https://example.com/app", "org.opencontainers.image.version": "1.0.0", "org.opencontainers.image.revision": "0123abc"}}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    pub Schema1Deprecated {
        code: "IMG013",
        name: "image-schema1-deprecated",
        family: Image,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "A Docker schema 1 manifest",
        target: Image,
    }
}

impl Rule for Schema1Deprecated {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_image(&self, cx: &mut ImageContext<'_>) {
        cx.report_findings();
    }
}
