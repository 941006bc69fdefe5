use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `FROM --platform=<constant>` such as `--platform=linux/amd64`, unless the
    /// stage name mentions that platform (`AS build-amd64`), which marks a deliberate
    /// per-platform stage.
    ///
    /// ## Why is this bad?
    /// A fixed platform forces emulation on other hosts and breaks multi-platform builds: the
    /// image built "for arm64" silently contains amd64 binaries. Use `$BUILDPLATFORM` for
    /// build stages that cross-compile, and leave the target platform to `--platform` on the
    /// command line.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM --platform=linux/amd64 node:20-slim
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM --platform=$BUILDPLATFORM golang:1.22 AS build
    /// FROM --platform=linux/amd64 alpine:3.20 AS tools-amd64
    /// FROM node:20-slim
    /// ```
    pub FromPlatformConstant {
        code: "COR021",
        name: "from-platform-constant",
        family: Correctness,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DL3029", "FromPlatformFlagConstDisallowed"],
        summary: "FROM --platform with a constant value",
    }
}

impl Rule for FromPlatformConstant {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        for stage in &model.stages {
            let Some(from) = model.instructions.get(stage.from) else {
                continue;
            };
            let Some(f) = from.flag("platform") else {
                continue;
            };
            let (Some(v), Some(r)) = (&f.value, f.value_range) else {
                continue;
            };
            if v.contains('$') || v.is_empty() {
                continue;
            }
            let lower = v.to_ascii_lowercase();
            if let Some(name) = &stage.name
                && lower
                    .split([',', '/'])
                    .filter(|p| !p.is_empty() && *p != "linux")
                    .any(|p| name.contains(p))
            {
                continue;
            }
            cx.report(r, format!("the platform is fixed to `{v}`"))
                .set_help("use `--platform=$BUILDPLATFORM` for build stages, or drop the flag and pass --platform at build time");
        }
    }
}
