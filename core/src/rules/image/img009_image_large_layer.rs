use crate::declare_rule;
use crate::rules::{ImageContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a layer over a size limit (500 MB by default) or, in multi-layer images, holding more than a share (50% by default) of the image.
    ///
    /// ## Why is this bad?
    /// One huge layer usually means a cache, a build toolchain or the whole build context was copied in; it also defeats layer sharing between images.
    ///
    /// ## Example
    /// ```json
    /// {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", "size": 7023}, "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "sha256:9834876dcfb05cb167a5c24953eba58c4ac89b1adf57f28f2f9d09af107ee8f0", "size": 700000000}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"User": "app", "Healthcheck": {"Test": ["CMD", "/healthz"]}, "Labels": {"org.opencontainers.image.source": "https://example.com/app", "org.opencontainers.image.version": "1.0.0", "org.opencontainers.image.revision": "0123abc"}}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    ///
    /// ## Options
    /// ```toml
    /// [rules.image-large-layer]
    /// max-bytes = 200000000
    /// max-share = 0.6
    /// ```
    pub LargeLayer {
        code: "IMG009",
        name: "image-large-layer",
        family: Image,
        severity: Info,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "One layer is very large",
        target: Image,
        options: [
            ("max-bytes", Integer, "the largest acceptable layer, in bytes (default: 500000000)"),
            ("max-share", Float, "the largest acceptable share of the image in one layer, 0 to 1 (default: 0.5)"),
        ],
    }
}

impl Rule for LargeLayer {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_image(&self, cx: &mut ImageContext<'_>) {
        cx.report_findings();
    }
}
