use crate::declare_rule;
use crate::rules::{ImageContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports an image whose known reference (`RepoTags` in `docker inspect` or `docker save`, or the reference given by the caller) uses `:latest` or no tag.
    ///
    /// ## Why is this bad?
    /// `latest` moves: deployments become unreproducible and rollbacks impossible.
    ///
    /// ## Example
    /// ```json
    /// [{"Id": "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", "RepoTags": ["example/app:latest"], "Config": {"User": "app"}, "RootFS": {"Type": "layers"}, "Size": 1000}]
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"User": "app", "Healthcheck": {"Test": ["CMD", "/healthz"]}, "Labels": {"org.opencontainers.image.source": "https://example.com/app", "org.opencontainers.image.version": "1.0.0", "org.opencontainers.image.revision": "0123abc"}}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    pub LatestTag {
        code: "IMG015",
        name: "image-latest-tag",
        family: Image,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DS-0001", "CKV_DOCKER_7"],
        summary: "The image is referenced by the latest tag",
        target: Image,
    }
}

impl Rule for LatestTag {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_image(&self, cx: &mut ImageContext<'_>) {
        cx.report_findings();
    }
}
