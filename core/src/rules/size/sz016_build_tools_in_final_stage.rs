use super::common::{PerRun, is_removed, removed_packages};
use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Package;

declare_rule! {
    /// ## What it does
    /// In a single-stage build, reports package installs of compilers and development
    /// packages (`build-essential`, `gcc`, `g++`, `make`, `*-dev`, `*-devel`, `golang`, `rustc`,
    /// `cargo`, `musl-dev`, `linux-headers`, …) that the same RUN does not remove again
    /// (`apk del` of the virtual package, `apt-get purge`/`remove`).
    ///
    /// ## Why is this bad?
    /// Toolchains and headers are needed to build, not to run. Shipping them adds hundreds of
    /// megabytes and gives an attacker a compiler inside the container. A multi-stage build
    /// compiles in a builder stage and copies only the result into a slim final stage.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN apt-get update && apt-get install -y --no-install-recommends gcc libffi-dev \
    ///  && pip install --no-cache-dir cffi && rm -rf /var/lib/apt/lists/*
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim AS build
    /// RUN apt-get update && apt-get install -y --no-install-recommends gcc libffi-dev
    /// RUN pip wheel --wheel-dir /wheels cffi
    ///
    /// FROM python:3.12-slim
    /// COPY --from=build /wheels /wheels
    /// RUN pip install --no-cache-dir /wheels/*
    /// ```
    pub BuildToolsInFinalStage {
        code: "SZ016",
        name: "build-tools-in-final-stage",
        family: Size,
        severity: Info,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "Compilers or -dev packages installed in the image of a single-stage build",
    }
}

const TOOLS: &[&str] = &[
    "build-essential",
    "build-base",
    "gcc",
    "g++",
    "gcc-c++",
    "clang",
    "make",
    "cmake",
    "autoconf",
    "automake",
    "libtool",
    "golang",
    "golang-go",
    "go",
    "rustc",
    "cargo",
    "linux-headers",
    "kernel-headers",
];

fn is_build_tool(name: &str) -> bool {
    TOOLS.contains(&name) || name.ends_with("-dev") || name.ends_with("-devel")
}

impl Rule for BuildToolsInFinalStage {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(
            CommandKinds::APT
                .or(CommandKinds::APK)
                .or(CommandKinds::RPM),
        )
    }

    fn check(&self, cx: &mut Context<'_>) {
        if cx.model.stages.len() != 1 {
            return;
        }
        // Removals are per RUN, whose scripts are consecutive: computed once per RUN (a RUN
        // can hold thousands of heredoc scripts).
        let mut removed = PerRun::new();
        for run in cx.scripts {
            if run.onbuild || !cx.model.is_shipped(run.index) {
                continue;
            }
            for cmd in &run.script.commands {
                let packages: Vec<&Package<'_>>;
                let mut apk_virtual = None;
                if let Some(a) = cx.apt(cmd).filter(|a| a.is_install()) {
                    packages = a.packages.iter().collect();
                } else if let Some(a) = cx.apk(cmd).filter(|a| a.subcommand_str() == "add") {
                    apk_virtual = a.virtual_name;
                    packages = a.packages.iter().collect();
                } else if let Some(r) = cx.rpm(cmd).filter(|r| r.is_install()) {
                    packages = r.packages.iter().collect();
                } else {
                    continue;
                }
                // Asked only for install commands, which most RUNs have none of.
                let gone: &[&str] =
                    removed.get(run.index, || removed_packages(cx.views(), run.index));
                if apk_virtual.is_some_and(|v| is_removed(gone, v)) {
                    continue;
                }
                let tools: Vec<&&Package<'_>> = packages
                    .iter()
                    .filter(|p| is_build_tool(p.name) && !is_removed(gone, p.name))
                    .collect();
                let Some(first) = tools.first() else { continue };
                let names: Vec<&str> = tools.iter().map(|p| p.name).collect();
                let range = run
                    .file_range(first.range)
                    .cover(run.file_range(tools.last().map_or(first.range, |p| p.range)));
                cx.report(range, format!("build tools in the shipped image: {}", names.join(", ")))
                    .set_help("build in a separate stage and COPY --from it only what runs, or remove these packages in the same RUN");
            }
        }
    }
}
