//! Alpine `apk`.

use super::{FlagSpec, Package, ParsedArgs, parse_args};
use crate::shell::{Command, Word};

/// A typed view of an `apk` command.
#[derive(Clone, Debug)]
pub struct Apk<'c> {
    pub command: &'c Command,
    /// `add`, `del`, `update`, `upgrade`, `cache`, `fix`, `info`, …
    pub subcommand: Option<&'c Word>,
    /// Operands after the subcommand, with `name=ver`, `name~ver`, `name>=ver` pins split.
    pub packages: Vec<Package<'c>>,
    pub no_cache: bool,
    pub allow_untrusted: bool,
    /// `-U` / `--update-cache`.
    pub update_cache: bool,
    /// `-t NAME` / `--virtual NAME`.
    pub virtual_name: Option<&'c str>,
    pub args: ParsedArgs<'c>,
}

const SPEC: FlagSpec = FlagSpec {
    short_values: "Xpt",
    long_values: &[
        "repository",
        "root",
        "virtual",
        "cache-dir",
        "arch",
        "keys-dir",
        "repositories-file",
        "cache-max-age",
        "timeout",
    ],
};

/// apk pin operators, longest first.
const OPS: &[&str] = &[">=", "<=", "~=", "=~", "><", "=", "~", ">", "<"];

impl<'c> Apk<'c> {
    #[must_use]
    pub fn from(cmd: &'c Command) -> Option<Self> {
        if cmd.family != super::Family::Apk {
            return None;
        }
        if cmd.name_str() != "apk" {
            return None;
        }
        let args = parse_args(&cmd.args, &SPEC);
        let subcommand = args.positionals.first().copied();
        let packages = args
            .positionals
            .iter()
            .skip(1)
            .map(|w| Package::split(w, OPS))
            .collect();
        Some(Self {
            command: cmd,
            subcommand,
            packages,
            no_cache: args.has_long(&["no-cache"]),
            allow_untrusted: args.has_long(&["allow-untrusted"]),
            update_cache: args.has(Some('U'), Some("update-cache")),
            virtual_name: args.value(Some('t'), Some("virtual")),
            args,
        })
    }

    #[must_use]
    pub fn subcommand_str(&self) -> &str {
        self.subcommand.map_or("", |w| w.value.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shell::commands::first;

    #[test]
    fn add_with_pins_and_virtual() {
        let c = first("apk add --no-cache -t .build-deps curl=8.1 musl~1.2 'zlib>=1.3' git");
        let a = Apk::from(&c).unwrap_or_else(|| unreachable!());
        assert_eq!(a.subcommand_str(), "add");
        assert!(a.no_cache && !a.allow_untrusted);
        assert_eq!(a.virtual_name, Some(".build-deps"));
        let p: Vec<_> = a
            .packages
            .iter()
            .map(|p| (p.name, p.op, p.version))
            .collect();
        assert_eq!(
            p,
            [
                ("curl", Some("="), Some("8.1")),
                ("musl", Some("~"), Some("1.2")),
                ("zlib", Some(">="), Some("1.3")),
                ("git", None, None)
            ]
        );
        let c = first("apk --virtual=v --allow-untrusted -U add x");
        let a = Apk::from(&c).unwrap_or_else(|| unreachable!());
        assert!(a.allow_untrusted && a.update_cache);
        assert_eq!(a.virtual_name, Some("v"));
        assert_eq!(a.packages.len(), 1);
    }
}
