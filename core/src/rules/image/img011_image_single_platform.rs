use crate::declare_rule;
use crate::rules::{ImageContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports an image index that lacks a required platform (by default `linux/amd64` and `linux/arm64`; attestation entries are ignored), or a lone manifest when a multi-platform image is required.
    ///
    /// ## Why is this bad?
    /// Users on Apple silicon, Graviton or Ampere machines get slow emulation or `exec format error`.
    ///
    /// ## Example
    /// ```json
    /// {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:9834876dcfb05cb167a5c24953eba58c4ac89b1adf57f28f2f9d09af107ee8f0", "size": 7143, "platform": {"architecture": "amd64", "os": "linux"}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"User": "app", "Healthcheck": {"Test": ["CMD", "/healthz"]}, "Labels": {"org.opencontainers.image.source": "https://example.com/app", "org.opencontainers.image.version": "1.0.0", "org.opencontainers.image.revision": "0123abc"}}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    ///
    /// ## Options
    /// ```toml
    /// [rules.image-single-platform]
    /// platforms = ["linux/amd64", "linux/arm64", "linux/arm/v7"]
    /// require-multi-platform = true
    /// ```
    pub SinglePlatform {
        code: "IMG011",
        name: "image-single-platform",
        family: Image,
        severity: Info,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "The image is not built for every required platform",
        target: Image,
        options: [
            ("platforms", Strings, "the platforms an image index must cover (default: `linux/amd64` and `linux/arm64`)"),
            ("require-multi-platform", Bool, "also report a lone manifest that is not part of an image index (default: false)"),
        ],
    }
}

impl Rule for SinglePlatform {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_image(&self, cx: &mut ImageContext<'_>) {
        cx.report_findings();
    }
}
