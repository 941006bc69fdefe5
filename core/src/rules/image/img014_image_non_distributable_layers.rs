use crate::declare_rule;
use crate::rules::{ImageContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports layers with non-distributable media types (`…nondistributable…`, Docker's `foreign` layers) that registries do not store.
    ///
    /// ## Why is this bad?
    /// Such layers are fetched from their `urls` at pull time, which breaks air-gapped mirrors and is deprecated in the OCI spec.
    ///
    /// ## Example
    /// ```json
    /// {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", "size": 7023}, "layers": [{"mediaType": "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip", "digest": "sha256:9834876dcfb05cb167a5c24953eba58c4ac89b1adf57f28f2f9d09af107ee8f0", "size": 32654, "urls": ["https://example.com/layer"]}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"User": "app", "Healthcheck": {"Test": ["CMD", "/healthz"]}, "Labels": {"org.opencontainers.image.source": "https://example.com/app", "org.opencontainers.image.version": "1.0.0", "org.opencontainers.image.revision": "0123abc"}}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    pub NonDistributableLayers {
        code: "IMG014",
        name: "image-non-distributable-layers",
        family: Image,
        severity: Info,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "The image has non-distributable (foreign) layers",
        target: Image,
    }
}

impl Rule for NonDistributableLayers {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_image(&self, cx: &mut ImageContext<'_>) {
        cx.report_findings();
    }
}
