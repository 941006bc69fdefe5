use crate::declare_rule;
use crate::rules::{ImageContext, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports an image config whose `User` is empty (implicitly root), `root`, `0` or `0:<group>`.
    ///
    /// ## Why is this bad?
    /// Containers run as root unless told otherwise; a compromise of the process is then root inside the container and one step from the host.
    ///
    /// ## Example
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"User": ""}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"architecture": "amd64", "os": "linux", "config": {"User": "65532:65532", "Healthcheck": {"Test": ["CMD", "/healthz"]}, "Labels": {"org.opencontainers.image.source": "https://example.com/app", "org.opencontainers.image.version": "1.0.0", "org.opencontainers.image.revision": "0123abc"}}, "rootfs": {"type": "layers", "diff_ids": []}}
    /// ```
    pub RunsAsRoot {
        code: "IMG002",
        name: "image-runs-as-root",
        family: Image,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["Default non-root user", "DS-0002"],
        summary: "The image configuration runs as root",
        target: Image,
    }
}

impl Rule for RunsAsRoot {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_image(&self, cx: &mut ImageContext<'_>) {
        cx.report_findings();
    }
}
