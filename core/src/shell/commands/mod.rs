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

impl Family {
    /// The family of a command basename.
    #[must_use]
    pub fn of(name: &str) -> Self {
        match name {
            "apt-get" | "apt" | "aptitude" => Self::Apt,
            "apk" => Self::Apk,
            "yum" | "dnf" | "dnf5" | "dnf4" | "microdnf" | "tdnf" | "zypper" | "rpm" => Self::Rpm,
            "npm" | "yarn" | "yarnpkg" | "pnpm" | "bun" => Self::Npm,
            "pipx" | "uv" => Self::Pip,
            n if pip::is_pip_name(n) || pip::is_python_name(n) => Self::Pip,
            _ => Self::Other,
        }
    }
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
}

impl Tool {
    /// The tool of a command basename.
    #[must_use]
    pub fn of(name: &str) -> Self {
        match name {
            "curl" => Self::Curl,
            "wget" => Self::Wget,
            "git" => Self::Git,
            "gem" => Self::Gem,
            "go" => Self::Go,
            "cargo" => Self::Cargo,
            "useradd" => Self::Useradd,
            "adduser" => Self::Adduser,
            "chmod" => Self::Chmod,
            "chown" => Self::Chown,
            "chgrp" => Self::Chgrp,
            "ln" => Self::Ln,
            "rm" => Self::Rm,
            "echo" => Self::Echo,
            "printf" => Self::Printf,
            "sudo" => Self::Sudo,
            "set" => Self::Set,
            "chpasswd" => Self::Chpasswd,
            "apt-key" => Self::AptKey,
            "ssh-keygen" => Self::SshKeygen,
            "tar" | "bsdtar" | "gtar" | "unzip" | "gunzip" | "zcat" | "bunzip2" | "unxz" | "xz"
            | "7z" | "7za" => Self::Archive,
            _ => Self::Other,
        }
    }
}

/// A package operand with its optional version pin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Package<'c> {
    pub word: &'c Word,
    pub name: String,
    /// The pin operator when one is present: `=`, `==`, `>=`, `~`, `@`, `-` (rpm style), …
    pub op: Option<String>,
    pub version: Option<String>,
    /// The word's range.
    pub range: TextRange,
}

impl<'c> Package<'c> {
    fn new(word: &'c Word, name: &str, op: Option<&str>, version: Option<&str>) -> Self {
        Self {
            word,
            name: name.to_owned(),
            op: op.map(str::to_owned),
            version: version.map(str::to_owned),
            range: word.range,
        }
    }

    /// The package has a version pin.
    #[must_use]
    pub const fn is_pinned(&self) -> bool {
        self.version.is_some()
    }

    /// Splits `word` at the first of `ops` (longest operators first), e.g. `name=1.2`.
    fn split(word: &'c Word, ops: &[&str]) -> Self {
        let v = word.value.as_str();
        let found = v.char_indices().skip(1).find_map(|(i, _)| {
            let rest = v.get(i..)?;
            ops.iter()
                .find(|op| rest.starts_with(**op))
                .map(|op| (i, *op))
        });
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
