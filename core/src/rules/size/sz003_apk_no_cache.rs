use super::common::{
    PerRun, SetFixOpt, cache_mounted, has_family, insert_after, removes_path, ships,
};
use crate::declare_rule;
use crate::fix::Fix;
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Family;

declare_rule! {
    /// ## What it does
    /// Reports `apk add` without `--no-cache` in a stage that ships. A RUN that mounts a cache or
    /// tmpfs on `/var/cache/apk` (or `/etc/apk/cache`), or removes `/var/cache/apk/*` itself,
    /// is fine, and so is `apk add --no-network` (nothing is downloaded).
    ///
    /// ## Why is this bad?
    /// Without `--no-cache`, apk keeps the downloaded package index under `/var/cache/apk`,
    /// and it is shipped in the layer. `--no-cache` fetches the index to a temporary place and
    /// also makes a separate `apk update` unnecessary.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk update && apk add curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache curl
    /// ```
    ///
    /// ## Fix safety
    /// Safe: inserts `--no-cache` after `add`. The installed packages are the same.
    pub ApkNoCache {
        code: "SZ003",
        name: "apk-no-cache",
        family: Size,
        severity: Info,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["DL3019", "DS-0025"],
        summary: "apk add without --no-cache",
    }
}

const CACHE: &[&str] = &["/var/cache/apk", "/etc/apk/cache"];

impl Rule for ApkNoCache {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::APK)
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut cleans = PerRun::new();
        for run in cx.scripts {
            if !has_family(run, Family::Apk)
                || !ships(cx, run)
                || cache_mounted(run.instruction, CACHE)
                || *cleans.get(run.index, || {
                    removes_path(cx.scripts, run.index, &["/var/cache/apk"])
                })
            {
                continue;
            }
            for cmd in &run.script.commands {
                let Some(apk) = cx.apk(cmd) else { continue };
                let Some(sub) = apk.subcommand else { continue };
                // `--no-network` installs from what is already there: no index is fetched.
                if sub.value != "add" || apk.no_cache || apk.args.has(None, Some("no-network")) {
                    continue;
                }
                let fix = insert_after(run, sub, "--no-cache")
                    .map(|e| Fix::safe("Add --no-cache", vec![e]));
                cx.report(run.file_range(sub.range), "`apk add` without --no-cache")
                    .set_help("add `--no-cache` so the package index is not kept in the layer")
                    .set_fix_opt(fix);
            }
        }
    }
}
