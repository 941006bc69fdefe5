use crate::declare_rule;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::pip::RequirementKind;

declare_rule! {
    /// ## What it does
    /// Reports packages named on a `pip install` (or `python -m pip`, `uv pip`, `pipx`) command
    /// line without any version specifier (`==1.2`, `~=1.2`, `>=1,<2`) or direct `@ url`
    /// reference. Requirement files and
    /// paths are not checked, nor is anything when a constraints file (`-c`) is given. The
    /// bootstrap tools `pip`, `setuptools` and `wheel` are not reported when upgraded with
    /// `-U`. A version-control URL (`git+https://…/repo.git`) is reported when it names no
    /// revision (`@v1.2` or `@<commit>` after the repository path).
    ///
    /// ## Why is this bad?
    /// Without a pin each build installs the newest release that day, so builds are not
    /// reproducible and a breaking release lands without any change to the Dockerfile.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN pip install --no-cache-dir flask
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN pip install --no-cache-dir flask==3.0.3
    /// ```
    pub PipVersionUnpinned {
        code: "REP013",
        name: "pip-version-unpinned",
        family: Reproducibility,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DL3013"],
        summary: "pip install of a package without a version specifier",
    }
}

impl Rule for PipVersionUnpinned {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::PIP)
    }

    fn check(&self, cx: &mut Context<'_>) {
        for (run, pip) in cx.views().pip_commands() {
            let constrained = pip
                .requirements
                .iter()
                .any(|r| r.kind == RequirementKind::ConstraintsFile);
            if !pip.is_install() || constrained {
                continue;
            }
            for r in &pip.requirements {
                if r.kind == RequirementKind::Url
                    && !r.word.has_expansion
                    && vcs_without_revision(&r.name)
                {
                    cx.report(
                        run.file_range(r.word.range),
                        "the repository is installed without a pinned revision",
                    )
                    .set_help("add the tag or commit after the path, e.g. `…/repo.git@v1.2.3`");
                    continue;
                }
                if r.kind != RequirementKind::Package
                    || r.is_pinned()
                    || r.specifier.is_some()
                    || r.word.has_expansion
                    || r.name.is_empty()
                    || (pip.upgrade && matches!(r.name.as_str(), "pip" | "setuptools" | "wheel"))
                {
                    continue;
                }
                cx.report(
                    run.file_range(r.word.range),
                    format!("`{}` is installed without a version", r.name),
                )
                .set_help(format!(
                    "pin it as `{}==<version>`, or install from a requirements file with pins",
                    r.name
                ));
            }
        }
    }
}

/// `git+https://host/org/repo.git` with no `@revision` after the repository path (`@` in the
/// user part, as in `git+ssh://git@host/…`, does not count).
fn vcs_without_revision(url: &str) -> bool {
    let Some(rest) = ["git+", "hg+", "svn+", "bzr+"]
        .iter()
        .find_map(|p| url.strip_prefix(p))
    else {
        return false;
    };
    let rest = rest.split('#').next().unwrap_or(rest);
    let after_scheme = rest.split_once("://").map_or(rest, |(_, r)| r);
    let path = after_scheme.split_once('/').map_or("", |(_, p)| p);
    !path.contains('@')
}
