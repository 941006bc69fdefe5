use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::shell::Command;
use crate::shell::commands::pip::RequirementKind;
use crate::syntax::{Args, Keyword};

declare_rule! {
    /// ## What it does
    /// Reports `COPY . .` (any COPY or ADD of the whole build context) followed, in the same
    /// stage, by a dependency-install step: `npm ci`/`npm install`, `yarn install`,
    /// `pnpm install`, `pip install -r`, `uv sync`, `poetry install`, `pipenv install`,
    /// `bundle install`, `go mod download`, `cargo fetch` or `composer install`.
    ///
    /// ## Why is this bad?
    /// The layer cache of the install step depends on everything copied before it. With the
    /// whole context copied first, any edit to any source file re-runs the full dependency
    /// download and install. Copying only the manifest and lockfile first keeps that slow step
    /// cached until the dependencies actually change.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// WORKDIR /app
    /// COPY . .
    /// RUN npm ci
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// WORKDIR /app
    /// COPY package.json package-lock.json ./
    /// RUN npm ci
    /// COPY . .
    /// ```
    pub CopyAllBeforeInstall {
        code: "SZ015",
        name: "copy-all-before-install",
        family: Size,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "The whole build context is copied before installing dependencies",
    }
}

/// The manifest files to copy first, when `cmd` installs dependencies from them.
fn manifests(cx: &Context<'_>, cmd: &Command) -> Option<&'static str> {
    if let Some(n) = cx.npm(cmd) {
        return (n.is_install && n.packages.is_empty() && !n.global)
            .then_some("package.json and the lockfile");
    }
    if let Some(p) = cx.pip(cmd) {
        return (p.is_install()
            && p.requirements
                .iter()
                .any(|r| r.kind == RequirementKind::RequirementsFile))
        .then_some("the requirements file");
    }
    let args: Vec<&str> = cmd.args_str().filter(|a| !a.starts_with('-')).collect();
    let first = args.first().copied().unwrap_or("");
    match (cmd.name_str(), first) {
        ("uv", "sync") => Some("pyproject.toml and uv.lock"),
        ("poetry", "install") => Some("pyproject.toml and poetry.lock"),
        ("pipenv", "install" | "sync") if args.len() == 1 => Some("Pipfile and Pipfile.lock"),
        ("bundle", "install") | ("bundle", "") => Some("Gemfile and Gemfile.lock"),
        ("go", "mod") if args.get(1) == Some(&"download") => Some("go.mod and go.sum"),
        ("cargo", "fetch") => Some("Cargo.toml and Cargo.lock"),
        ("composer", "install") => Some("composer.json and composer.lock"),
        _ => None,
    }
}

fn is_whole_context(path: &str) -> bool {
    matches!(path, "." | "./" | "*" | "./*" | ".\\")
}

impl Rule for CopyAllBeforeInstall {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        for stage in &model.stages {
            let mut copy_all = None;
            for i in stage.body() {
                let Some(ins) = model.instructions.get(i) else {
                    continue;
                };
                match (&ins.keyword, &ins.args) {
                    (Keyword::Copy | Keyword::Add, Args::Copy { paths, .. })
                        if ins.flag("from").is_none() && copy_all.is_none() =>
                    {
                        let sources = paths.split_last().map_or(&[][..], |(_, s)| s);
                        copy_all = sources
                            .iter()
                            .find(|w| is_whole_context(&w.text))
                            .map(|w| w.range);
                    }
                    (Keyword::Run, _) => {
                        let Some(copy) = copy_all else { continue };
                        let found = crate::rules::scripts_of(cx.scripts, i)
                            .iter()
                            .find_map(|r| {
                                r.script.commands.iter().find_map(|c| {
                                    manifests(cx, c).map(|m| (m, r.file_range(c.range)))
                                })
                            });
                        if let Some((what, at)) = found {
                            cx.report(copy, "the whole build context is copied before dependencies are installed")
                                .add_label(at, "dependency install")
                                .set_help(format!("copy {what} first, install, then copy the rest: source edits will no longer re-run the install"));
                            copy_all = None;
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}
