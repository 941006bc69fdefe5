use super::common::{
    PerRun, SetFixOpt, cache_mount_where, has_family, insert_after, run_commands, ships,
};
use crate::declare_rule;
use crate::fix::Fix;
use crate::model::Lookup;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Family;
use crate::shell::commands::pip::PipTool;

declare_rule! {
    /// ## What it does
    /// Reports `pip install` (and `python -m pip install`) without `--no-cache-dir` in a stage
    /// that ships. Not reported when `PIP_NO_CACHE_DIR` is set by ENV or ARG (or in the script),
    /// when the RUN mounts a cache or tmpfs on the pip cache (`~/.cache/pip`, `/root/.cache`),
    /// when `--cache-dir` is given, or for `uv` and `pipx`, which manage their own caches.
    ///
    /// ## Why is this bad?
    /// pip stores every downloaded wheel and source archive under `~/.cache/pip`. In an image
    /// that cache is never reused, but it is shipped, often doubling the size of the installed
    /// packages.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN pip install -r requirements.txt
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN pip install --no-cache-dir -r requirements.txt
    /// ```
    ///
    /// ## Fix safety
    /// Safe: inserts `--no-cache-dir` after `install`.
    pub PipNoCacheDir {
        code: "SZ004",
        name: "pip-no-cache-dir",
        family: Size,
        severity: Info,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3042"],
        summary: "pip install without --no-cache-dir",
    }
}

fn truthy(v: &str) -> bool {
    !matches!(
        v.trim_matches(['"', '\'']).to_ascii_lowercase().as_str(),
        "" | "0" | "false" | "no" | "off"
    )
}

fn env_disables_cache(cx: &Context<'_>, index: usize) -> bool {
    let name = "PIP_NO_CACHE_DIR";
    if cx.model.is_defined_in_file(name, index) {
        return match cx.model.lookup(name, index) {
            Lookup::Value(v) => truthy(v),
            _ => true,
        };
    }
    // `export PIP_NO_CACHE_DIR=1` earlier in the same RUN.
    run_commands(cx.scripts, index).any(|c| {
        c.assignments.iter().chain(c.args.iter()).any(|w| {
            w.value
                .strip_prefix("PIP_NO_CACHE_DIR=")
                .is_some_and(truthy)
        }) && matches!(c.name_str(), "export" | "")
    })
}

fn is_pip_cache(target: &str) -> bool {
    target.ends_with("/.cache") || target.ends_with("/.cache/pip") || target.contains("pip")
}

impl Rule for PipNoCacheDir {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::PIP)
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut disabled = PerRun::new();
        for run in cx.scripts {
            if !has_family(run, Family::Pip)
                || !ships(cx, run)
                || cache_mount_where(run.instruction, is_pip_cache)
                || *disabled.get(run.index, || env_disables_cache(cx, run.index))
            {
                continue;
            }
            for cmd in &run.script.commands {
                let Some(pip) = cx.pip(cmd) else { continue };
                if !matches!(pip.tool, PipTool::Pip | PipTool::PythonModule)
                    || !pip.is_install()
                    || pip.no_cache_dir
                    || pip.args.has_long(&["cache-dir"])
                {
                    continue;
                }
                let Some(sub) = pip.subcommand else { continue };
                let fix = insert_after(run, sub, "--no-cache-dir")
                    .map(|e| Fix::safe("Add --no-cache-dir", vec![e]));
                cx.report(run.file_range(sub.range), "`pip install` without --no-cache-dir")
                    .set_help("add `--no-cache-dir`, set `ENV PIP_NO_CACHE_DIR=1`, or use `--mount=type=cache,target=/root/.cache/pip`")
                    .set_fix_opt(fix);
            }
        }
    }
}
