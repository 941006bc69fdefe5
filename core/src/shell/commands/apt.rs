//! `apt-get`, `apt` and `aptitude`.

use super::{FlagSpec, Package, ParsedArgs, parse_args};
use crate::shell::{Command, Word};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AptTool {
    AptGet,
    Apt,
    Aptitude,
}

/// A typed view of an apt-family command.
#[derive(Clone, Debug)]
pub struct Apt<'c> {
    pub tool: AptTool,
    pub command: &'c Command,
    /// `install`, `update`, `upgrade`, `dist-upgrade`, `remove`, `purge`, `clean`, …
    pub subcommand: Option<&'c Word>,
    /// Operands after the subcommand, with `name=version` pins split.
    pub packages: Vec<Package<'c>>,
    /// Non-interactive: `-y`, `--yes`, `--assume-yes`, `-qq`/`-q=2` or
    /// `-o APT::Get::Assume-Yes=true`.
    pub yes: bool,
    pub no_install_recommends: bool,
    pub allow_unauthenticated: bool,
    pub force_yes: bool,
    pub args: ParsedArgs<'c>,
}

const SPEC: FlagSpec = FlagSpec {
    short_values: "octa",
    long_values: &[
        "option",
        "config-file",
        "target-release",
        "default-release",
        "host-architecture",
    ],
};

impl<'c> Apt<'c> {
    #[must_use]
    pub fn from(cmd: &'c Command) -> Option<Self> {
        if cmd.family != super::Family::Apt {
            return None;
        }
        let tool = match cmd.name_str() {
            "apt-get" => AptTool::AptGet,
            "apt" => AptTool::Apt,
            "aptitude" => AptTool::Aptitude,
            _ => return None,
        };
        let args = parse_args(&cmd.args, &SPEC);
        let subcommand = args.positionals.first().copied();
        let packages = args
            .positionals
            .iter()
            .skip(1)
            .map(|w| Package::split(w, &["="]))
            .collect();
        let options: Vec<&str> = args.values(Some('o'), Some("option")).collect();
        let option_true = |key: &str| {
            options.iter().any(|o| {
                o.split_once('=').is_some_and(|(k, v)| {
                    k.eq_ignore_ascii_case(key)
                        && matches!(v.to_ascii_lowercase().as_str(), "true" | "1" | "yes")
                })
            })
        };
        let option_false = |key: &str| {
            options.iter().any(|o| {
                o.split_once('=').is_some_and(|(k, v)| {
                    k.eq_ignore_ascii_case(key)
                        && matches!(v.to_ascii_lowercase().as_str(), "false" | "0" | "no")
                })
            })
        };
        // `-qq`, `-q -q`, `-q=2`, `--quiet=2`.
        let level = cmd
            .args
            .iter()
            // Most arguments are package names: one byte rules them out.
            .filter(|w| matches!(w.value.as_bytes().first(), Some(b'-')))
            .filter_map(|w| {
                let v = w.value.as_str();
                v.strip_prefix("-q=")
                    .or_else(|| v.strip_prefix("--quiet="))
                    .and_then(|n| n.parse::<usize>().ok())
            })
            .max()
            .unwrap_or(0);
        let quiet = level.max(args.count(Some('q'), Some("quiet")));
        let yes = args.has(Some('y'), Some("yes"))
            || args.has_long(&["assume-yes"])
            || quiet >= 2
            || option_true("APT::Get::Assume-Yes");
        let no_install_recommends =
            args.has_long(&["no-install-recommends"]) || option_false("APT::Install-Recommends");
        let allow_unauthenticated = args
            .has_long(&["allow-unauthenticated", "allow-insecure-repositories"])
            || option_true("APT::Get::AllowUnauthenticated");
        let force_yes = args.has_long(&["force-yes"]) || option_true("APT::Get::force-yes");
        Some(Self {
            tool,
            command: cmd,
            subcommand,
            packages,
            yes,
            no_install_recommends,
            allow_unauthenticated,
            force_yes,
            args,
        })
    }

    /// The subcommand text, `""` if none.
    #[must_use]
    pub fn subcommand_str(&self) -> &str {
        self.subcommand.map_or("", |w| w.value.as_str())
    }

    #[must_use]
    pub fn is_install(&self) -> bool {
        matches!(self.subcommand_str(), "install" | "reinstall")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shell::commands::first;

    fn pkgs(a: &Apt<'_>) -> Vec<(String, Option<String>)> {
        a.packages
            .iter()
            .map(|p| (p.name.to_owned(), p.version.map(str::to_owned)))
            .collect()
    }

    #[test]
    fn install_with_options() {
        let c = first(
            "apt-get install -o Dpkg::Options::=--force-confold -y --no-install-recommends foo=1.2 bar",
        );
        let a = Apt::from(&c).unwrap_or_else(|| unreachable!());
        assert_eq!(a.tool, AptTool::AptGet);
        assert_eq!(a.subcommand_str(), "install");
        assert!(a.yes && a.no_install_recommends && !a.force_yes);
        assert_eq!(
            pkgs(&a),
            [("foo".into(), Some("1.2".into())), ("bar".into(), None)]
        );
        assert_eq!(a.packages[0].range.slice(
            "apt-get install -o Dpkg::Options::=--force-confold -y --no-install-recommends foo=1.2 bar"
        ), "foo=1.2");
    }

    #[test]
    fn quiet_and_yes_forms() {
        for (src, yes) in [
            ("apt-get -qq install x", true),
            ("apt-get -q install x", false),
            ("apt-get -q -y install x", true),
            ("apt-get -q=2 install x", true),
            ("apt-get --assume-yes install x", true),
            ("apt-get -o APT::Get::Assume-Yes=true install x", true),
            ("apt install x", false),
        ] {
            let c = first(src);
            let a = Apt::from(&c).unwrap_or_else(|| unreachable!());
            assert_eq!(a.yes, yes, "{src}");
            assert_eq!(a.subcommand_str(), "install", "{src}");
            assert_eq!(pkgs(&a), [("x".into(), None)], "{src}");
        }
        let c = first("sudo aptitude --allow-unauthenticated --force-yes upgrade");
        let a = Apt::from(&c).unwrap_or_else(|| unreachable!());
        assert!(a.allow_unauthenticated && a.force_yes);
        assert!(Apt::from(&first("apk add x")).is_none());
    }
}
