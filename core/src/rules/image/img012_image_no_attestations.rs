use crate::declare_rule;
use crate::rules::{ImageContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports an image index with no attestation manifest (BuildKit's `vnd.docker.reference.type: attestation-manifest` entries, or in-toto/SPDX/CycloneDX referrers).
    ///
    /// ## Why is this bad?
    /// Attestations let consumers verify what is inside an image and how it was built (SLSA provenance, SBOMs); Docker Scout's supply-chain policy requires them.
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
    pub NoAttestations {
        code: "IMG012",
        name: "image-no-attestations",
        family: Image,
        severity: Info,
        default_enabled: true,
        fix: None,
        aliases: ["Supply chain attestations"],
        summary: "The image index has no SBOM or provenance attestation",
        target: Image,
    }
}

impl Rule for NoAttestations {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_image(&self, cx: &mut ImageContext<'_>) {
        cx.report_findings();
    }
}
