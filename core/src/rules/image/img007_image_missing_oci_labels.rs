use crate::declare_rule;
use crate::rules::{ImageContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports missing labels from a configurable list, by default `org.opencontainers.image.source`, `.version` and `.revision`.
    ///
    /// ## Why is this bad?
    /// These labels link an image back to its source and commit; scanners, registries and Docker Scout use them.
    ///
    /// ## Example
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"Labels": {}}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"User": "app", "Healthcheck": {"Test": ["CMD", "/healthz"]}, "Labels": {"org.opencontainers.image.source": "https://example.com/app", "org.opencontainers.image.version": "1.0.0", "org.opencontainers.image.revision": "0123abc", "org.opencontainers.image.licenses": "MIT"}}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    ///
    /// ## Options
    /// ```toml
    /// [rules.image-missing-oci-labels]
    /// labels = ["org.opencontainers.image.source", "org.opencontainers.image.licenses"]
    /// ```
    pub MissingOciLabels {
        code: "IMG007",
        name: "image-missing-oci-labels",
        family: Image,
        severity: Info,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "Standard OCI labels are missing",
        target: Image,
        options: [
            ("labels", Strings, "the labels to require (default: `org.opencontainers.image.source`, `.version` and `.revision`)"),
        ],
    }
}

impl Rule for MissingOciLabels {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_image(&self, cx: &mut ImageContext<'_>) {
        cx.report_findings();
    }
}
