use crate::declare_rule;
use crate::rules::{ImageContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `22/tcp` in `config.ExposedPorts`.
    ///
    /// ## Why is this bad?
    /// An SSH daemon in a container is an extra attack surface; use `docker exec` or `kubectl exec` instead.
    ///
    /// ## Example
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"ExposedPorts": {"22/tcp": {}}}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"User": "app", "Healthcheck": {"Test": ["CMD", "/healthz"]}, "Labels": {"org.opencontainers.image.source": "https://example.com/app", "org.opencontainers.image.version": "1.0.0", "org.opencontainers.image.revision": "0123abc"}}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    pub ExposesSsh {
        code: "IMG005",
        name: "image-exposes-ssh",
        family: Image,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DS-0004", "CKV_DOCKER_1"],
        summary: "The image exposes port 22",
        target: Image,
    }
}

impl Rule for ExposesSsh {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_image(&self, cx: &mut ImageContext<'_>) {
        cx.report_findings();
    }
}
