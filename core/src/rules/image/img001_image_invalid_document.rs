use crate::declare_rule;
use crate::rules::{ImageContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports JSON syntax errors (with line and column) and structural problems in OCI and Docker documents: wrong types, missing required fields, malformed digests, negative sizes, unknown media types, a `mediaType` that contradicts the document's shape. Each finding names the JSON Pointer of the offending value.
    ///
    /// ## Why is this bad?
    /// Registries and runtimes reject malformed manifests, often with unhelpful errors at push or pull time.
    ///
    /// ## Example
    /// ```json
    /// {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "sha256:123", "size": 7023}, "layers": []}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"User": "app", "Healthcheck": {"Test": ["CMD", "/healthz"]}, "Labels": {"org.opencontainers.image.source": "https://example.com/app", "org.opencontainers.image.version": "1.0.0", "org.opencontainers.image.revision": "0123abc"}}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    pub InvalidImageDocument {
        code: "IMG001",
        name: "image-invalid-document",
        family: Image,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "The image document is not valid JSON or breaks its schema",
        target: Image,
    }
}

impl Rule for InvalidImageDocument {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_image(&self, cx: &mut ImageContext<'_>) {
        cx.report_errors();
    }
}
