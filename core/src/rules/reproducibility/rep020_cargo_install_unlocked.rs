use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::size::common::{SetFixOpt, is_exact};
use crate::rules::{CommandKinds, Context, Rule, RuleMeta};
use crate::shell::commands::Tool;
use crate::shell::commands::misc::CargoInstall;

declare_rule! {
    /// ## What it does
    /// Reports `cargo install` without `--locked`.
    ///
    /// ## Why is this bad?
    /// Without `--locked`, cargo ignores the crate's published `Cargo.lock` and resolves every
    /// dependency to the newest compatible release at build time. A new dependency release can
    /// break the build or change the binary even when the crate version is pinned.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM rust:1.78
    /// RUN cargo install ripgrep --version 14.1.0
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM rust:1.78
    /// RUN cargo install --locked ripgrep --version 14.1.0
    /// ```
    ///
    /// ## Fix safety
    /// Safe: inserts `--locked` after `install`; the crate's own lockfile is used.
    pub CargoInstallUnlocked {
        code: "REP020",
        name: "cargo-install-unlocked",
        family: Reproducibility,
        severity: Warning,
        default_enabled: true,
        fix: Sometimes,
        aliases: [],
        summary: "cargo install without --locked",
    }
}

impl Rule for CargoInstallUnlocked {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn only_on(&self) -> Option<CommandKinds> {
        Some(CommandKinds::tool(Tool::Cargo))
    }

    fn check(&self, cx: &mut Context<'_>) {
        for run in cx.scripts {
            for cmd in &run.script.commands {
                let Some(ci) = CargoInstall::from(cmd) else {
                    continue;
                };
                if ci.locked {
                    continue;
                }
                let Some(sub) = ci.args.positionals.first() else {
                    continue;
                };
                let at = run.file_range(sub.range);
                let fix = is_exact(run, sub)
                    .then(|| Fix::safe("Add --locked", vec![Edit::insert(at.end, " --locked")]));
                cx.report(at, "`cargo install` without --locked")
                    .set_help("add `--locked` to build with the crate's published Cargo.lock")
                    .set_fix_opt(fix);
            }
        }
    }
}
