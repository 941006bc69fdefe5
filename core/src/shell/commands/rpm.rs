//! RPM-based package managers: `yum`, `dnf`, `microdnf`, `tdnf`, `zypper`, `rpm`.

use super::{FlagSpec, Package, ParsedArgs, parse_args};
use crate::shell::{Command, Word};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RpmTool {
    Yum,
    Dnf,
    Microdnf,
    Tdnf,
    Zypper,
    Rpm,
}

/// A typed view of an rpm-family command.
#[derive(Clone, Debug)]
pub struct RpmCommand<'c> {
    pub tool: RpmTool,
    pub command: &'c Command,
    /// `install`, `update`, `remove`, `clean`, … (`in`, `rm`, … for zypper kept verbatim);
    /// `None` for `rpm`.
    pub subcommand: Option<&'c Word>,
    /// Operands after the subcommand (all operands for `rpm`). Versions: `name-1.2.3`
    /// (yum/dnf style, op `-`), `name=1.2`/`name>=1` (zypper).
    pub packages: Vec<Package<'c>>,
    /// `-y`, `--assumeyes`; zypper `-n`, `--non-interactive`, `-y`, `--no-confirm`.
    pub yes: bool,
    /// `--nogpgcheck`, `--no-gpg-checks`, `--setopt=gpgcheck=0`.
    pub nogpgcheck: bool,
    /// `--setopt=install_weak_deps=False`, zypper `--no-recommends`.
    pub no_weak_deps: bool,
    /// `clean all` (zypper: `clean` / `cc` with or without `-a`).
    pub clean_all: bool,
    /// rpm `--nodigest`, `--nosignature`, `--noverify`, `--nofiledigest` present.
    pub no_verify: bool,
    pub args: ParsedArgs<'c>,
}

const YUM_SPEC: FlagSpec = FlagSpec {
    short_values: "cdexR",
    long_values: &[
        "config",
        "installroot",
        "enablerepo",
        "disablerepo",
        "exclude",
        "setopt",
        "releasever",
        "repo",
        "repoid",
        "repofrompath",
        "downloaddir",
        "destdir",
        "forcearch",
        "color",
        "rpmverbosity",
        "debuglevel",
        "errorlevel",
    ],
};

const ZYPPER_SPEC: FlagSpec = FlagSpec {
    short_values: "RrDtc",
    long_values: &[
        "root",
        "repo",
        "from",
        "type",
        "config",
        "reposd-dir",
        "cache-dir",
        "raw-cache-dir",
        "solv-cache-dir",
        "pkg-cache-dir",
        "download",
    ],
};

const RPM_SPEC: FlagSpec = FlagSpec {
    short_values: "rD",
    long_values: &[
        "root",
        "dbpath",
        "define",
        "macros",
        "rcfile",
        "excludepath",
        "relocate",
        "prefix",
    ],
};

impl<'c> RpmCommand<'c> {
    #[must_use]
    pub fn from(cmd: &'c Command) -> Option<Self> {
        if cmd.family != super::Family::Rpm {
            return None;
        }
        let tool = match cmd.name_str() {
            "yum" => RpmTool::Yum,
            "dnf" | "dnf5" | "dnf4" => RpmTool::Dnf,
            "microdnf" => RpmTool::Microdnf,
            "tdnf" => RpmTool::Tdnf,
            "zypper" => RpmTool::Zypper,
            "rpm" => RpmTool::Rpm,
            _ => return None,
        };
        let spec = match tool {
            RpmTool::Zypper => &ZYPPER_SPEC,
            RpmTool::Rpm => &RPM_SPEC,
            _ => &YUM_SPEC,
        };
        let args = parse_args(&cmd.args, spec);
        let (subcommand, operands) = if tool == RpmTool::Rpm {
            (None, args.positionals.as_slice())
        } else {
            (
                args.positionals.first().copied(),
                args.positionals.get(1..).unwrap_or_default(),
            )
        };
        let packages = operands
            .iter()
            .map(|w| match tool {
                RpmTool::Zypper => Package::split(w, &[">=", "<=", "=", ">", "<"]),
                RpmTool::Rpm => Package::new(w, &w.value, None, None),
                _ => split_nevra(w),
            })
            .collect();
        let setopts: Vec<&str> = args.values(None, Some("setopt")).collect();
        let setopt_false = |key: &str| {
            setopts.iter().any(|o| {
                o.split_once('=').is_some_and(|(k, v)| {
                    k.ends_with(key)
                        && matches!(v.to_ascii_lowercase().as_str(), "0" | "false" | "no")
                })
            })
        };
        let yes = match tool {
            RpmTool::Zypper => {
                args.has(Some('n'), Some("non-interactive"))
                    || args.has(Some('y'), Some("no-confirm"))
            }
            _ => args.has(Some('y'), Some("assumeyes")),
        };
        let sub = subcommand.map_or("", |w| w.value.as_str());
        let clean_all = match tool {
            RpmTool::Zypper => matches!(sub, "clean" | "cc"),
            RpmTool::Rpm => false,
            _ => sub == "clean" && operands.iter().any(|w| w.value == "all"),
        };
        Some(Self {
            tool,
            command: cmd,
            subcommand,
            packages,
            yes,
            nogpgcheck: args.has_long(&["nogpgcheck", "no-gpg-checks", "no-gpgcheck"])
                || setopt_false("gpgcheck"),
            no_weak_deps: args.has_long(&["no-recommends"]) || setopt_false("install_weak_deps"),
            clean_all,
            no_verify: args.has_long(&["nodigest", "nosignature", "noverify", "nofiledigest"]),
            args,
        })
    }

    #[must_use]
    pub fn subcommand_str(&self) -> &str {
        self.subcommand.map_or("", |w| w.value.as_str())
    }

    /// `install` or an alias (`in`, `localinstall`, `reinstall`).
    #[must_use]
    pub fn is_install(&self) -> bool {
        matches!(
            self.subcommand_str(),
            "install" | "in" | "localinstall" | "reinstall" | "groupinstall"
        )
    }
}

/// `name-1.2.3-1.el8` → (`name`, `1.2.3-1.el8`); `java-11-openjdk` stays unversioned.
fn split_nevra(word: &Word) -> Package<'_> {
    let v = word.value.as_str();
    for (i, _) in v.match_indices('-') {
        let Some(rest) = v.get(i + 1..) else { continue };
        if !rest.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let mut parts = rest.split('-');
        let version = parts.next().unwrap_or("");
        let release = parts.next();
        let ok = parts.next().is_none()
            && version
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | '*' | '_' | '+' | '~'))
            && release.is_none_or(|r| r.starts_with(|c: char| c.is_ascii_digit() || c == '*'));
        if ok && i > 0 {
            return Package::new(word, v.get(..i).unwrap_or(v), Some("-"), Some(rest));
        }
    }
    Package::split(word, &[">=", "<=", "="])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shell::commands::first;

    fn pkgs<'a>(r: &'a RpmCommand<'_>) -> Vec<(&'a str, Option<&'a str>)> {
        r.packages.iter().map(|p| (p.name, p.version)).collect()
    }

    #[test]
    fn yum_dnf() {
        let c = first(
            "yum install -y --setopt=tsflags=nodocs httpd-2.4.6 java-11-openjdk java-11-openjdk-11.0.1 python3-3.6.8-1.el8 && yum clean all",
        );
        let r = RpmCommand::from(&c).unwrap_or_else(|| unreachable!());
        assert_eq!(r.tool, RpmTool::Yum);
        assert!(r.yes && r.is_install() && !r.nogpgcheck);
        assert_eq!(
            pkgs(&r),
            [
                ("httpd", Some("2.4.6")),
                ("java-11-openjdk", None),
                ("java-11-openjdk", Some("11.0.1")),
                ("python3", Some("3.6.8-1.el8"))
            ]
        );
        let s = crate::shell::parse(
            "yum clean all; dnf --nogpgcheck --setopt=install_weak_deps=False install x",
        );
        let r = RpmCommand::from(&s.commands[0]).unwrap_or_else(|| unreachable!());
        assert!(r.clean_all);
        let r = RpmCommand::from(&s.commands[1]).unwrap_or_else(|| unreachable!());
        assert!(r.nogpgcheck && r.no_weak_deps && !r.yes);
        assert_eq!(pkgs(&r), [("x", None)]);
    }

    #[test]
    fn zypper_and_rpm() {
        let c = first("zypper -n --no-gpg-checks install --no-recommends 'curl>=7' vim=9.0");
        let r = RpmCommand::from(&c).unwrap_or_else(|| unreachable!());
        assert!(r.yes && r.nogpgcheck && r.no_weak_deps && r.is_install());
        assert_eq!(pkgs(&r), [("curl", Some("7")), ("vim", Some("9.0"))]);
        let c = first("rpm -ivh --nosignature x.rpm");
        let r = RpmCommand::from(&c).unwrap_or_else(|| unreachable!());
        assert!(r.no_verify && r.subcommand.is_none());
        assert_eq!(pkgs(&r), [("x.rpm", None)]);
    }
}
