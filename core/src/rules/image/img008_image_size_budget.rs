use crate::declare_rule;
use crate::rules::{ImageContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports an image whose total compressed size (the sum of its layers, or `Size` in `docker inspect`) is over a budget, 1 GB by default.
    ///
    /// ## Why is this bad?
    /// Large images pull slowly, cost storage and bandwidth, and usually ship build tools and caches that also widen the attack surface.
    ///
    /// ## Example
    /// ```json
    /// {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", "size": 7023}, "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "sha256:9834876dcfb05cb167a5c24953eba58c4ac89b1adf57f28f2f9d09af107ee8f0", "size": 2147483648}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"User": "app", "Healthcheck": {"Test": ["CMD", "/healthz"]}, "Labels": {"org.opencontainers.image.source": "https://example.com/app", "org.opencontainers.image.version": "1.0.0", "org.opencontainers.image.revision": "0123abc"}}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    ///
    /// ## Options
    /// ```toml
    /// [rules.image-size-budget]
    /// max-bytes = 500000000
    /// ```
    pub SizeBudget {
        code: "IMG008",
        name: "image-size-budget",
        family: Image,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "The image is larger than the size budget",
        target: Image,
        options: [
            ("max-bytes", Integer, "the largest acceptable image, in bytes (default: 1000000000)"),
        ],
    }
}

impl Rule for SizeBudget {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_image(&self, cx: &mut ImageContext<'_>) {
        cx.report_findings();
    }
}
