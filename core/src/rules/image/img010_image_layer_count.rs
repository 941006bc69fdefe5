use crate::declare_rule;
use crate::rules::{ImageContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports an image with more layers than a limit (50 by default).
    ///
    /// ## Why is this bad?
    /// Every layer adds pull and extraction overhead; overlay filesystems also slow down with deep stacks.
    ///
    /// ## Example
    /// With `max = 2` (see Options), a manifest with three layers:
    /// ```json
    /// {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", "size": 7023}, "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "sha256:9834876dcfb05cb167a5c24953eba58c4ac89b1adf57f28f2f9d09af107ee8f0", "size": 100}, {"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "sha256:3c3a4604a545cdc127456d94e421cd355bca5b528f4a9c1905b15da2eb4a4c6b", "size": 100}, {"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "sha256:ec4b8955958665577945c89419d1af06b5f7636b4ac3da7f12184802ad867736", "size": 100}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"User": "app", "Healthcheck": {"Test": ["CMD", "/healthz"]}, "Labels": {"org.opencontainers.image.source": "https://example.com/app", "org.opencontainers.image.version": "1.0.0", "org.opencontainers.image.revision": "0123abc"}}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    ///
    /// ## Options
    /// ```toml
    /// [rules.image-layer-count]
    /// max = 2
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
        options: [
            ("max", Integer, "the most layers an image may have (default: 50)"),
        ],
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
