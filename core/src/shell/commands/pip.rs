//! Python package installers: `pip`, `pip3`, `pipX.Y`, `python -m pip`, `uv pip`, `pipx`.

use super::{FlagSpec, ParsedArgs, parse_args};
use crate::shell::{Command, Word};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PipTool {
    Pip,
    /// `python -m pip`
    PythonModule,
    /// `uv pip`
    Uv,
    Pipx,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequirementKind {
    /// `pkg`, `pkg==1`, `pkg[extra]>=1`, `pkg @ url`
    Package,
    /// `-r file`
    RequirementsFile,
    /// `-c file`
    ConstraintsFile,
    /// `-e path-or-url`
    Editable,
    /// `.`, `./dir`, `/abs`, `x.whl`, `x.tar.gz`
    Path,
    /// `https://…`, `git+https://…`
    Url,
}

/// One requirement operand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirement<'c> {
    pub word: &'c Word,
    pub kind: RequirementKind,
    /// Project name (for `Package`), otherwise the path/URL.
    pub name: String,
    pub extras: Option<String>,
    /// Version specifier (`==1.0`, `>=1,<2`) or `@ url` direct reference.
    pub specifier: Option<String>,
}

impl Requirement<'_> {
    /// Pinned to an exact version (`==`/`===`) or a direct reference (`@`).
    #[must_use]
    pub fn is_pinned(&self) -> bool {
        self.specifier
            .as_deref()
            .is_some_and(|s| s.starts_with("==") || s.starts_with('@'))
    }
}

/// A typed view of a pip-like command.
#[derive(Clone, Debug)]
pub struct Pip<'c> {
    pub tool: PipTool,
    pub command: &'c Command,
    /// `install`, `uninstall`, `download`, `wheel`, …
    pub subcommand: Option<&'c Word>,
    pub requirements: Vec<Requirement<'c>>,
    /// `--no-cache-dir` or `PIP_NO_CACHE_DIR=…` assignment (uv: `--no-cache`).
    pub no_cache_dir: bool,
    pub user: bool,
    pub break_system_packages: bool,
    pub upgrade: bool,
    pub trusted_hosts: Vec<&'c str>,
    /// `-i/--index-url` and `--extra-index-url` values.
    pub index_urls: Vec<&'c str>,
    pub args: ParsedArgs<'c>,
}

const SPEC: FlagSpec = FlagSpec {
    short_values: "rceiftbC",
    long_values: &[
        "requirement",
        "constraint",
        "editable",
        "index-url",
        "extra-index-url",
        "find-links",
        "trusted-host",
        "target",
        "prefix",
        "root",
        "src",
        "upgrade-strategy",
        "platform",
        "python-version",
        "implementation",
        "abi",
        "no-binary",
        "only-binary",
        "progress-bar",
        "cache-dir",
        "log",
        "proxy",
        "retries",
        "timeout",
        "exists-action",
        "cert",
        "client-cert",
        "config-settings",
        "global-option",
        "install-option",
        "report",
        "python",
        "index",
        "default-index",
        "build-constraint",
        "override",
        "group",
    ],
};

pub(super) fn is_pip_name(n: &str) -> bool {
    n.strip_prefix("pip")
        .is_some_and(|v| v.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

pub(super) fn is_python_name(n: &str) -> bool {
    n.strip_prefix("python")
        .is_some_and(|v| v.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

impl<'c> Pip<'c> {
    #[must_use]
    pub fn from(cmd: &'c Command) -> Option<Self> {
        if cmd.family != super::Family::Pip {
            return None;
        }
        let name = cmd.name_str();
        let (tool, rest): (PipTool, &'c [Word]) = if is_pip_name(name) {
            (PipTool::Pip, &cmd.args)
        } else if name == "pipx" {
            (PipTool::Pipx, &cmd.args)
        } else if name == "uv" && cmd.args.first().is_some_and(|w| w.value == "pip") {
            (PipTool::Uv, cmd.args.get(1..).unwrap_or_default())
        } else if is_python_name(name) {
            // python [-flags] -m pip …
            let mut i = 0;
            loop {
                let w = cmd.args.get(i)?;
                match w.value.as_str() {
                    "-m" => break,
                    v if v.starts_with('-') && !v.contains('c') => i += 1,
                    _ => return None,
                }
            }
            if cmd.args.get(i + 1)?.value != "pip" {
                return None;
            }
            (
                PipTool::PythonModule,
                cmd.args.get(i + 2..).unwrap_or_default(),
            )
        } else {
            return None;
        };
        let args = parse_args(rest, &SPEC);
        let subcommand = args.positionals.first().copied();
        let mut requirements: Vec<Requirement<'c>> = args
            .positionals
            .iter()
            .skip(1)
            .map(|w| classify(w))
            .collect();
        for f in &args.flags {
            let kind = match (f.short, f.long) {
                (Some('r'), _) | (_, Some("requirement")) => RequirementKind::RequirementsFile,
                (Some('c'), _) | (_, Some("constraint")) => RequirementKind::ConstraintsFile,
                (Some('e'), _) | (_, Some("editable")) => RequirementKind::Editable,
                _ => continue,
            };
            if let Some(v) = f.value {
                requirements.push(Requirement {
                    word: f.value_word.unwrap_or(f.word),
                    kind,
                    name: v.to_owned(),
                    extras: None,
                    specifier: None,
                });
            }
        }
        crate::util::sort::sort_by_key(&mut requirements, |r| r.word.range.start);
        let env_no_cache = cmd.assignments.iter().chain(&cmd.wrappers).any(|w| {
            w.value.starts_with("PIP_NO_CACHE_DIR=") || w.value.starts_with("UV_NO_CACHE=")
        });
        Some(Self {
            tool,
            command: cmd,
            subcommand,
            requirements,
            no_cache_dir: env_no_cache || args.has_long(&["no-cache-dir", "no-cache"]),
            user: args.has_long(&["user"]),
            break_system_packages: args.has_long(&["break-system-packages"]),
            upgrade: args.has(Some('U'), Some("upgrade")),
            trusted_hosts: args.values(None, Some("trusted-host")).collect(),
            index_urls: args
                .flags
                .iter()
                .filter(|f| {
                    f.short == Some('i')
                        || matches!(f.long, Some("index-url" | "extra-index-url" | "index"))
                })
                .filter_map(|f| f.value)
                .collect(),
            args,
        })
    }

    #[must_use]
    pub fn subcommand_str(&self) -> &str {
        self.subcommand.map_or("", |w| w.value.as_str())
    }

    #[must_use]
    pub fn is_install(&self) -> bool {
        self.subcommand_str() == "install"
    }
}

fn classify(word: &Word) -> Requirement<'_> {
    let v = word.value.trim();
    let mk = |kind, name: &str| Requirement {
        word,
        kind,
        name: name.to_owned(),
        extras: None,
        specifier: None,
    };
    if v.contains("://") || v.starts_with("git+") {
        return mk(RequirementKind::Url, v);
    }
    if v.starts_with('.')
        || v.starts_with('/')
        || v.starts_with('~')
        || [".whl", ".tar.gz", ".zip", ".tgz"]
            .iter()
            .any(|e| v.ends_with(e))
    {
        return mk(RequirementKind::Path, v);
    }
    let end = v
        .find(['[', '<', '>', '=', '!', '~', '@', ';', ' ', ','])
        .unwrap_or(v.len());
    let name = v.get(..end).unwrap_or(v);
    let mut rest = v.get(end..).unwrap_or("");
    let mut extras = None;
    if rest.starts_with('[')
        && let Some(close) = rest.find(']')
    {
        extras = rest.get(1..close).map(str::to_owned);
        rest = rest.get(close + 1..).unwrap_or("");
    }
    let spec = rest.split(';').next().unwrap_or("").trim();
    Requirement {
        word,
        kind: RequirementKind::Package,
        name: name.to_owned(),
        extras,
        specifier: (!spec.is_empty()).then(|| spec.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shell::commands::first;

    #[test]
    fn pip_forms() {
        let c = first(
            "pip3 install --no-cache-dir -r req.txt 'flask[async]==2.0' 'requests>=2' . \
             git+https://x/y.git --trusted-host pypi.example -i https://idx numpy",
        );
        let p = Pip::from(&c).unwrap_or_else(|| unreachable!());
        assert!(p.no_cache_dir && p.is_install() && !p.user);
        let r: Vec<_> = p
            .requirements
            .iter()
            .map(|r| {
                (
                    r.kind,
                    r.name.as_str(),
                    r.specifier.as_deref(),
                    r.is_pinned(),
                )
            })
            .collect();
        use RequirementKind::*;
        assert_eq!(
            r,
            [
                (RequirementsFile, "req.txt", None, false),
                (Package, "flask", Some("==2.0"), true),
                (Package, "requests", Some(">=2"), false),
                (Path, ".", None, false),
                (Url, "git+https://x/y.git", None, false),
                (Package, "numpy", None, false),
            ]
        );
        assert_eq!(p.requirements[1].extras.as_deref(), Some("async"));
        assert_eq!(p.trusted_hosts, ["pypi.example"]);
        assert_eq!(p.index_urls, ["https://idx"]);
    }

    #[test]
    fn module_and_uv() {
        let c = first("python3 -u -m pip install --user --break-system-packages x==1");
        let p = Pip::from(&c).unwrap_or_else(|| unreachable!());
        assert_eq!(p.tool, PipTool::PythonModule);
        assert!(p.user && p.break_system_packages);
        assert_eq!(p.requirements.len(), 1);
        let c = first("PIP_NO_CACHE_DIR=1 uv pip install x");
        let p = Pip::from(&c).unwrap_or_else(|| unreachable!());
        assert_eq!(p.tool, PipTool::Uv);
        assert!(p.no_cache_dir);
        assert!(Pip::from(&first("python3 -c 'import pip'")).is_none());
        assert!(Pip::from(&first("python3 setup.py install")).is_none());
        assert!(Pip::from(&first("pipenv install")).is_none());
    }
}
