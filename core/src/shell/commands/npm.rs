//! Node package managers: `npm`, `yarn`, `pnpm`, `bun`.

use super::{FlagSpec, Package, ParsedArgs, parse_args};
use crate::shell::{Command, Word};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NpmTool {
    Npm,
    Yarn,
    Pnpm,
    Bun,
}

/// A typed view of a Node package-manager command.
#[derive(Clone, Debug)]
pub struct Npm<'c> {
    pub tool: NpmTool,
    pub command: &'c Command,
    /// First operand (`install`, `i`, `add`, `ci`, `cache`, `config`, `global` for yarn, …).
    pub subcommand: Option<&'c Word>,
    /// Operands after the subcommand (after `global add` for yarn); `name@version` split,
    /// scoped `@scope/name@1` handled.
    pub packages: Vec<Package<'c>>,
    /// An install: `npm install/i/ci/add`, `yarn [global] add/install` or bare `yarn`, …
    pub is_install: bool,
    pub global: bool,
    /// `--production`, `--prod`, `--omit=dev`, `--only=prod[uction]`.
    pub production: bool,
    /// `npm cache clean`, `yarn cache clean`, `pnpm store prune`.
    pub cache_clean: bool,
    /// `config set strict-ssl false` (or `strict-ssl=false`).
    pub strict_ssl_off: bool,
    pub args: ParsedArgs<'c>,
}

const SPEC: FlagSpec = FlagSpec {
    short_values: "wCF",
    long_values: &[
        "registry",
        "prefix",
        "cache",
        "omit",
        "include",
        "only",
        "workspace",
        "tag",
        "cwd",
        "network-timeout",
        "modules-folder",
        "filter",
        "dir",
        "userconfig",
        "loglevel",
    ],
};

impl<'c> Npm<'c> {
    #[must_use]
    pub fn from(cmd: &'c Command) -> Option<Self> {
        if cmd.family != super::Family::Npm {
            return None;
        }
        let tool = match cmd.name_str() {
            "npm" => NpmTool::Npm,
            "yarn" | "yarnpkg" => NpmTool::Yarn,
            "pnpm" => NpmTool::Pnpm,
            "bun" => NpmTool::Bun,
            _ => return None,
        };
        let args = parse_args(&cmd.args, &SPEC);
        let pos = &args.positionals;
        let subcommand = pos.first().copied();
        let sub = subcommand.map_or("", |w| w.value.as_str());
        let yarn_global = tool == NpmTool::Yarn && sub == "global";
        let (verb, skip) = if yarn_global {
            (pos.get(1).map_or("", |w| w.value.as_str()), 2)
        } else {
            (sub, 1)
        };
        let is_install = matches!(
            verb,
            "install" | "i" | "add" | "ci" | "isntall" | "in" | "ins" | "inst" | "insta" | "instal"
        ) || (tool == NpmTool::Yarn && subcommand.is_none());
        let packages = if matches!(
            verb,
            "install" | "i" | "add" | "isntall" | "in" | "ins" | "inst" | "insta" | "instal"
        ) {
            pos.iter().skip(skip).map(|w| split_at_version(w)).collect()
        } else {
            Vec::new()
        };
        let omit_dev = args.values(None, Some("omit")).any(|v| v == "dev")
            || args
                .values(None, Some("only"))
                .any(|v| v.starts_with("prod"));
        let words: Vec<&str> = pos.iter().map(|w| w.value.as_str()).collect();
        let strict_ssl_off = sub == "config"
            && words.get(1) == Some(&"set")
            && (words.get(2..4) == Some(&["strict-ssl", "false"][..])
                || words.get(2) == Some(&"strict-ssl=false"));
        let cache_clean = (sub == "cache" && words.get(1) == Some(&"clean"))
            || (sub == "store" && words.get(1) == Some(&"prune"));
        Some(Self {
            tool,
            command: cmd,
            subcommand,
            packages,
            is_install,
            global: yarn_global || args.has(Some('g'), Some("global")),
            production: omit_dev || args.has_long(&["production", "prod"]),
            cache_clean,
            strict_ssl_off,
            args,
        })
    }
}

/// `name@1`, `@scope/name@1`, `name@latest`.
fn split_at_version(w: &Word) -> Package<'_> {
    let v = w.value.as_str();
    match v.rfind('@').filter(|&i| i > 0) {
        Some(i) => Package::new(w, v.get(..i).unwrap_or(v), Some("@"), v.get(i + 1..)),
        None => Package::new(w, v, None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shell::commands::first;

    #[test]
    fn npm_yarn() {
        let c = first("npm install -g --omit=dev @scope/pkg@1.2.3 left-pad express@^4");
        let n = Npm::from(&c).unwrap_or_else(|| unreachable!());
        assert!(n.is_install && n.global && n.production);
        let p: Vec<_> = n.packages.iter().map(|p| (p.name, p.version)).collect();
        assert_eq!(
            p,
            [
                ("@scope/pkg", Some("1.2.3")),
                ("left-pad", None),
                ("express", Some("^4"))
            ]
        );
        let c = first("yarn global add typescript@5");
        let n = Npm::from(&c).unwrap_or_else(|| unreachable!());
        assert!(n.global && n.is_install);
        assert_eq!(n.packages.len(), 1);
        let s = crate::shell::parse(
            "npm config set strict-ssl false && npm cache clean --force && yarn",
        );
        let n = Npm::from(&s.commands[0]).unwrap_or_else(|| unreachable!());
        assert!(n.strict_ssl_off && !n.is_install);
        let n = Npm::from(&s.commands[1]).unwrap_or_else(|| unreachable!());
        assert!(n.cache_clean);
        let n = Npm::from(&s.commands[2]).unwrap_or_else(|| unreachable!());
        assert!(n.is_install);
        let c = first("npm ci --production");
        let n = Npm::from(&c).unwrap_or_else(|| unreachable!());
        assert!(n.is_install && n.production && n.packages.is_empty());
    }
}
