//! Typed views over well-known tools' commands.
//!
//! Each model has `from(cmd: &Command) -> Option<Self>`, returning `None` when the command
//! is not that tool. Positional arguments are computed with a per-tool [`args::FlagSpec`]
//! so that flag values (`-o Dpkg::Options::=x`) are never mistaken for operands.

pub mod apk;
pub mod apt;
pub mod args;
pub mod misc;
pub mod npm;
pub mod pip;
pub mod rpm;

use super::Word;
use crate::text::TextRange;
use crate::util::names::Names;

pub use args::{Flag, FlagSpec, ParsedArgs, parse_args};

/// The package-manager family of a command name, decided once when the script is parsed.
/// Dozens of rules ask "is this an rpm/npm/pip/… command?" of every command; with this the
/// answer to the common "no" is one byte compare instead of a round of string compares.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Family {
    #[default]
    Other,
    Apt,
    Apk,
    Rpm,
    Npm,
    /// `pip*`, `pipx`, `uv` and `python* -m pip` (the last two still need their arguments).
    Pip,
}

/// The other commands rules look for, recognised once when the command is parsed (as its
/// [`Family`] is): rules ask "is this curl?" of every command of every RUN, and with this the
/// answer is one byte compare instead of a string compare.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tool {
    #[default]
    Other,
    Curl,
    Wget,
    Git,
    Gem,
    Go,
    Cargo,
    Useradd,
    Adduser,
    Chmod,
    Chown,
    Chgrp,
    Ln,
    Rm,
    Echo,
    Printf,
    Sudo,
    Set,
    Chpasswd,
    AptKey,
    SshKeygen,
    /// `tar`, `unzip`, `xz` and the other extractors [`misc::Extract`] reads.
    Archive,
    Cd,
    /// Interactive or administrative commands with no use in a build step (`ps`, `top`,
    /// `service`, `shutdown`, `ssh`, `vim`, …): the list SEC032 reports.
    Admin,
}

/// The family and tool of every command name that has one, grouped by first byte.
const COMMANDS: Names<(Family, Tool)> = {
    use Family as F;
    use Tool as T;
    Names::new(&[
        ("apt-get", (F::Apt, T::Other)),
        ("apt", (F::Apt, T::Other)),
        ("aptitude", (F::Apt, T::Other)),
        ("apk", (F::Apk, T::Other)),
        ("apt-key", (F::Other, T::AptKey)),
        ("adduser", (F::Other, T::Adduser)),
        ("bun", (F::Npm, T::Other)),
        ("bsdtar", (F::Other, T::Archive)),
        ("bunzip2", (F::Other, T::Archive)),
        ("curl", (F::Other, T::Curl)),
        ("cargo", (F::Other, T::Cargo)),
        ("chmod", (F::Other, T::Chmod)),
        ("chown", (F::Other, T::Chown)),
        ("chgrp", (F::Other, T::Chgrp)),
        ("chpasswd", (F::Other, T::Chpasswd)),
        ("cd", (F::Other, T::Cd)),
        ("dnf", (F::Rpm, T::Other)),
        ("dnf5", (F::Rpm, T::Other)),
        ("dnf4", (F::Rpm, T::Other)),
        ("echo", (F::Other, T::Echo)),
        ("free", (F::Other, T::Admin)),
        ("git", (F::Other, T::Git)),
        ("gem", (F::Other, T::Gem)),
        ("go", (F::Other, T::Go)),
        ("gtar", (F::Other, T::Archive)),
        ("gunzip", (F::Other, T::Archive)),
        ("kill", (F::Other, T::Admin)),
        ("ln", (F::Other, T::Ln)),
        ("microdnf", (F::Rpm, T::Other)),
        ("mount", (F::Other, T::Admin)),
        ("npm", (F::Npm, T::Other)),
        ("pnpm", (F::Npm, T::Other)),
        ("pipx", (F::Pip, T::Other)),
        ("printf", (F::Other, T::Printf)),
        ("ps", (F::Other, T::Admin)),
        ("rpm", (F::Rpm, T::Other)),
        ("rm", (F::Other, T::Rm)),
        ("sudo", (F::Other, T::Sudo)),
        ("set", (F::Other, T::Set)),
        ("ssh-keygen", (F::Other, T::SshKeygen)),
        ("service", (F::Other, T::Admin)),
        ("shutdown", (F::Other, T::Admin)),
        ("ssh", (F::Other, T::Admin)),
        ("tdnf", (F::Rpm, T::Other)),
        ("tar", (F::Other, T::Archive)),
        ("top", (F::Other, T::Admin)),
        ("uv", (F::Pip, T::Other)),
        ("useradd", (F::Other, T::Useradd)),
        ("unzip", (F::Other, T::Archive)),
        ("unxz", (F::Other, T::Archive)),
        ("vim", (F::Other, T::Admin)),
        ("wget", (F::Other, T::Wget)),
        ("xz", (F::Other, T::Archive)),
        ("yum", (F::Rpm, T::Other)),
        ("yarn", (F::Npm, T::Other)),
        ("yarnpkg", (F::Npm, T::Other)),
        ("zypper", (F::Rpm, T::Other)),
        ("zcat", (F::Other, T::Archive)),
        ("7z", (F::Other, T::Archive)),
        ("7za", (F::Other, T::Archive)),
    ])
};

/// The family and tool of a command basename, decided once per command by the parser.
#[must_use]
pub(crate) fn classify(name: &str) -> (Family, Tool) {
    if let Some(&known) = COMMANDS.get(name) {
        return known;
    }
    // `pip3`, `pip3.12`, `python3 -m pip`, … (the last still needs its arguments).
    if name.starts_with('p') && (pip::is_pip_name(name) || pip::is_python_name(name)) {
        return (Family::Pip, Tool::Other);
    }
    (Family::Other, Tool::Other)
}

/// A package operand with its optional version pin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Package<'c> {
    pub word: &'c Word,
    pub name: &'c str,
    /// The pin operator when one is present: `=`, `==`, `>=`, `~`, `@`, `-` (rpm style), …
    pub op: Option<&'static str>,
    pub version: Option<&'c str>,
    /// The word's range.
    pub range: TextRange,
}

impl<'c> Package<'c> {
    const fn new(
        word: &'c Word,
        name: &'c str,
        op: Option<&'static str>,
        version: Option<&'c str>,
    ) -> Self {
        Self {
            word,
            name,
            op,
            version,
            range: word.range,
        }
    }

    /// The package has a version pin.
    #[must_use]
    pub const fn is_pinned(&self) -> bool {
        self.version.is_some()
    }

    /// Splits `word` at the first of `ops` (longest operators first), e.g. `name=1.2`.
    fn split(word: &'c Word, ops: &[&'static str]) -> Self {
        let v = word.value.as_str();
        let bytes = v.as_bytes();
        // Operators are ASCII, so they start only at ASCII bytes, which are char boundaries;
        // byte 0 belongs to the name. An operator is tried only where its first byte is.
        let mut found = None;
        'scan: for (i, &b) in bytes.iter().enumerate().skip(1) {
            for op in ops {
                if matches!(op.as_bytes().first(), Some(&first) if first == b)
                    && bytes
                        .get(i..)
                        .is_some_and(|rest| rest.starts_with(op.as_bytes()))
                {
                    found = Some((i, *op));
                    break 'scan;
                }
            }
        }
        match found {
            Some((i, op)) => Package::new(
                word,
                v.get(..i).unwrap_or(v),
                Some(op),
                v.get(i + op.len()..),
            ),
            None => Package::new(word, v, None, None),
        }
    }
}

#[cfg(test)]
pub(crate) fn first(src: &str) -> super::Command {
    super::parse(src)
        .commands
        .into_iter()
        .next()
        .unwrap_or_else(|| super::Command {
            range: TextRange::default(),
            separator: super::Separator::Start,
            assignments: Vec::new(),
            wrappers: Vec::new(),
            name: None,
            args: Vec::new(),
            redirects: Vec::new(),
            depth: 0,
            negated: false,
            list: 0,
            parent: None,
            name_base: 0,
            family: Family::Other,
            tool: Tool::Other,
            number: 0,
        })
}

#[cfg(test)]
mod classify_tests {
    use super::{COMMANDS, Family, Tool, classify, pip};

    /// The classification as plain `match`es, as it was written before the table.
    fn reference(name: &str) -> (Family, Tool) {
        let family = match name {
            "apt-get" | "apt" | "aptitude" => Family::Apt,
            "apk" => Family::Apk,
            "yum" | "dnf" | "dnf5" | "dnf4" | "microdnf" | "tdnf" | "zypper" | "rpm" => Family::Rpm,
            "npm" | "yarn" | "yarnpkg" | "pnpm" | "bun" => Family::Npm,
            "pipx" | "uv" => Family::Pip,
            n if pip::is_pip_name(n) || pip::is_python_name(n) => Family::Pip,
            _ => Family::Other,
        };
        let tool = match name {
            "curl" => Tool::Curl,
            "wget" => Tool::Wget,
            "git" => Tool::Git,
            "gem" => Tool::Gem,
            "go" => Tool::Go,
            "cargo" => Tool::Cargo,
            "useradd" => Tool::Useradd,
            "adduser" => Tool::Adduser,
            "chmod" => Tool::Chmod,
            "chown" => Tool::Chown,
            "chgrp" => Tool::Chgrp,
            "ln" => Tool::Ln,
            "rm" => Tool::Rm,
            "echo" => Tool::Echo,
            "printf" => Tool::Printf,
            "sudo" => Tool::Sudo,
            "set" => Tool::Set,
            "chpasswd" => Tool::Chpasswd,
            "apt-key" => Tool::AptKey,
            "ssh-keygen" => Tool::SshKeygen,
            "tar" | "bsdtar" | "gtar" | "unzip" | "gunzip" | "zcat" | "bunzip2" | "unxz" | "xz"
            | "7z" | "7za" => Tool::Archive,
            "cd" => Tool::Cd,
            "free" | "kill" | "mount" | "ps" | "service" | "shutdown" | "ssh" | "top" | "vim" => {
                Tool::Admin
            }
            _ => Tool::Other,
        };
        (family, tool)
    }

    #[test]
    fn table_matches_the_reference_on_listed_names_and_their_neighbours() {
        let mut names: Vec<String> = [
            "",
            "pip",
            "pip3",
            "pip3.12",
            "python",
            "python3.11",
            "pipenv",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        for (name, _) in COMMANDS.entries() {
            names.push((*name).to_owned());
            names.push(format!("{name}x"));
            names.push(name.to_uppercase());
            names.push(name.get(..name.len() - 1).unwrap_or("").to_owned());
        }
        for n in &names {
            assert_eq!(classify(n), reference(n), "{n:?}");
        }
    }
}

#[cfg(test)]
mod split_tests {
    use super::{Package, first};

    /// The former search: every operator at every char position after the first.
    fn reference(v: &str, ops: &[&'static str]) -> Option<(usize, &'static str)> {
        v.char_indices().skip(1).find_map(|(i, _)| {
            let rest = v.get(i..)?;
            ops.iter()
                .find(|op| rest.starts_with(**op))
                .map(|op| (i, *op))
        })
    }

    #[test]
    fn split_finds_the_operator_the_char_by_char_search_found() {
        let ops_sets: [&[&'static str]; 3] = [
            &[">=", "<=", "~=", "=~", "><", "=", "~", ">", "<"],
            &["="],
            &["@"],
        ];
        let words = [
            "curl",
            "curl=8.1",
            "=x",
            "a==1",
            "zlib>=1.3",
            "musl~1.2",
            "é=1",
            "日本=2",
            "x<=",
            "@scope/pkg@1",
            "a><b",
            "a=~b",
            "~",
            "",
            "x>",
            "ü~ü",
        ];
        for ops in ops_sets {
            for w in words {
                let quoted = format!("'{w}'");
                let cmd = first(&format!("apk add {quoted}"));
                let Some(word) = cmd.args.get(1) else {
                    continue;
                };
                let p = Package::split(word, ops);
                let expected = reference(w, ops);
                assert_eq!(p.op, expected.map(|(_, op)| op), "{w:?} {ops:?}");
                let name_len = expected.map_or(w.len(), |(i, _)| i);
                assert_eq!(p.name, &w[..name_len], "{w:?} {ops:?}");
            }
        }
    }
}
