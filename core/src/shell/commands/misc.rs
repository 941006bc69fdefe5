//! Other tools: gem, go, cargo, curl, wget, useradd/adduser, chmod, chown, ln, cd,
//! archive extraction, git clone.

use super::{FlagSpec, Package, ParsedArgs, Tool, parse_args};
use crate::shell::{Command, Word};

fn parse_for<'c>(cmd: &'c Command, tools: &[Tool], spec: &FlagSpec) -> Option<ParsedArgs<'c>> {
    tools
        .contains(&cmd.tool)
        .then(|| parse_args(&cmd.args, spec))
}

/// `gem install name[:version]` / `-v VERSION`.
#[derive(Clone, Debug)]
pub struct Gem<'c> {
    pub subcommand: Option<&'c Word>,
    pub packages: Vec<Package<'c>>,
    /// `-v` / `--version` value (applies to all packages).
    pub version: Option<&'c str>,
    /// `--no-document`, `-N`, `--no-ri`/`--no-rdoc`.
    pub no_document: bool,
    pub args: ParsedArgs<'c>,
}

impl<'c> Gem<'c> {
    #[must_use]
    pub fn from(cmd: &'c Command) -> Option<Self> {
        const SPEC: FlagSpec = FlagSpec {
            short_values: "vsipn",
            long_values: &["version", "source", "install-dir", "bindir", "platform"],
        };
        let args = parse_for(cmd, &[Tool::Gem], &SPEC)?;
        let version = args.value(Some('v'), Some("version"));
        let packages = args
            .positionals
            .iter()
            .skip(1)
            .map(|w| {
                let p = Package::split(w, &[":"]);
                match (&p.version, version) {
                    (None, Some(v)) => Package::new(w, p.name, Some("-v"), Some(v)),
                    _ => p,
                }
            })
            .collect();
        Some(Self {
            subcommand: args.positionals.first().copied(),
            packages,
            version,
            no_document: args.has(Some('N'), Some("no-document"))
                || args.has_long(&["no-ri", "no-rdoc"]),
            args,
        })
    }
}

/// `go install pkg@version` / `go get`.
#[derive(Clone, Debug)]
pub struct Go<'c> {
    pub subcommand: Option<&'c Word>,
    pub packages: Vec<Package<'c>>,
    pub args: ParsedArgs<'c>,
}

impl<'c> Go<'c> {
    #[must_use]
    pub fn from(cmd: &'c Command) -> Option<Self> {
        const SPEC: FlagSpec = FlagSpec {
            short_values: "oCp",
            long_values: &[],
        };
        // Go flags are single-dash long (`-ldflags x`); values are handled by `split`.
        let args = parse_for(cmd, &[Tool::Go], &SPEC)?;
        let mut packages = Vec::new();
        let mut skip_next = false;
        for w in cmd.args.iter().skip(1) {
            let v = w.value.as_str();
            if skip_next {
                skip_next = false;
                continue;
            }
            if v.starts_with('-') {
                skip_next = !v.contains('=')
                    && matches!(
                        v.trim_start_matches('-'),
                        "ldflags"
                            | "gcflags"
                            | "tags"
                            | "o"
                            | "C"
                            | "p"
                            | "mod"
                            | "modfile"
                            | "asmflags"
                    );
                continue;
            }
            packages.push(Package::split(w, &["@"]));
        }
        Some(Self {
            subcommand: cmd.args.first(),
            packages,
            args,
        })
    }
}

/// `cargo install crate [--version V] [--locked]`.
#[derive(Clone, Debug)]
pub struct CargoInstall<'c> {
    pub packages: Vec<Package<'c>>,
    pub version: Option<&'c str>,
    pub locked: bool,
    pub args: ParsedArgs<'c>,
}

impl<'c> CargoInstall<'c> {
    #[must_use]
    pub fn from(cmd: &'c Command) -> Option<Self> {
        const SPEC: FlagSpec = FlagSpec {
            short_values: "jZ",
            long_values: &[
                "version",
                "vers",
                "git",
                "branch",
                "tag",
                "rev",
                "path",
                "root",
                "index",
                "registry",
                "features",
                "target",
                "target-dir",
                "profile",
                "jobs",
                "bin",
                "example",
                "config",
            ],
        };
        let args = parse_for(cmd, &[Tool::Cargo], &SPEC)?;
        if args.positionals.first().map(|w| w.value.as_str()) != Some("install") {
            return None;
        }
        let version = args
            .value(None, Some("version"))
            .or(args.value(None, Some("vers")));
        let packages = args
            .positionals
            .iter()
            .skip(1)
            .map(|w| {
                let p = Package::split(w, &["@"]);
                match (&p.version, version) {
                    (None, Some(v)) => Package::new(w, p.name, Some("--version"), Some(v)),
                    _ => p,
                }
            })
            .collect();
        Some(Self {
            packages,
            version,
            locked: args.has_long(&["locked"]),
            args,
        })
    }
}

/// `curl`.
#[derive(Clone, Debug)]
pub struct Curl<'c> {
    pub insecure: bool,
    /// `-f`, `--fail`, `--fail-with-body`.
    pub fail: bool,
    /// `-o FILE` value.
    pub output: Option<&'c str>,
    /// `-O` / `--remote-name`.
    pub remote_name: bool,
    pub silent: bool,
    pub location: bool,
    pub urls: Vec<&'c Word>,
    pub args: ParsedArgs<'c>,
}

impl<'c> Curl<'c> {
    #[must_use]
    pub fn from(cmd: &'c Command) -> Option<Self> {
        const SPEC: FlagSpec = FlagSpec {
            short_values: "oHdXAeuUxwTmrEbcCKFzYyQtP",
            long_values: &[
                "output",
                "header",
                "data",
                "data-raw",
                "data-binary",
                "data-urlencode",
                "request",
                "user-agent",
                "referer",
                "user",
                "proxy-user",
                "proxy",
                "write-out",
                "upload-file",
                "max-time",
                "range",
                "cert",
                "cacert",
                "capath",
                "cookie",
                "cookie-jar",
                "continue-at",
                "config",
                "form",
                "time-cond",
                "retry",
                "retry-delay",
                "retry-max-time",
                "connect-timeout",
                "output-dir",
                "url",
                "resolve",
                "key",
                "interface",
                "limit-rate",
                "max-redirs",
                "proto",
                "proto-redir",
                "tlsv1.2",
                "ciphers",
                "dns-servers",
                "telnet-option",
                "quote",
                "netrc-file",
                "unix-socket",
                "create-dirs-mode",
                "tls-max",
            ],
        };
        let args = parse_for(cmd, &[Tool::Curl], &SPEC)?;
        let mut urls: Vec<&Word> = args.positionals.clone();
        urls.extend(
            args.flags
                .iter()
                .filter(|f| f.long == Some("url"))
                .filter_map(|f| f.value_word),
        );
        crate::util::sort::sort_by_key(&mut urls, |w| w.range.start);
        Some(Self {
            insecure: args.has(Some('k'), Some("insecure")),
            fail: args.has(Some('f'), Some("fail")) || args.has_long(&["fail-with-body"]),
            output: args.value(Some('o'), Some("output")),
            remote_name: args.has(Some('O'), Some("remote-name")),
            silent: args.has(Some('s'), Some("silent")),
            location: args.has(Some('L'), Some("location")),
            urls,
            args,
        })
    }
}

/// `wget`.
#[derive(Clone, Debug)]
pub struct Wget<'c> {
    pub no_check_certificate: bool,
    /// `--progress=…` value.
    pub progress: Option<&'c str>,
    /// `-q`, `-nv`, `--quiet`, `--no-verbose`.
    pub quiet: bool,
    /// `-O FILE` value.
    pub output: Option<&'c str>,
    pub urls: Vec<&'c Word>,
    pub args: ParsedArgs<'c>,
}

impl<'c> Wget<'c> {
    #[must_use]
    pub fn from(cmd: &'c Command) -> Option<Self> {
        const SPEC: FlagSpec = FlagSpec {
            short_values: "OoaPUTtwiBeYlAIRDX",
            long_values: &[
                "output-document",
                "output-file",
                "append-output",
                "directory-prefix",
                "user-agent",
                "timeout",
                "tries",
                "wait",
                "input-file",
                "base",
                "execute",
                "header",
                "user",
                "password",
                "progress",
                "limit-rate",
                "level",
                "accept",
                "reject",
                "domains",
                "ca-certificate",
                "certificate",
                "post-data",
                "method",
            ],
        };
        let args = parse_for(cmd, &[Tool::Wget], &SPEC)?;
        // `-nv` is a single two-letter short flag.
        let nv = cmd.args.iter().any(|w| w.value == "-nv");
        Some(Self {
            no_check_certificate: args.has_long(&["no-check-certificate"]),
            progress: args.value(None, Some("progress")),
            quiet: nv || args.has(Some('q'), Some("quiet")) || args.has_long(&["no-verbose"]),
            output: args.value(Some('O'), Some("output-document")),
            urls: args.positionals.clone(),
            args,
        })
    }
}

/// `useradd` / `adduser`.
#[derive(Clone, Debug)]
pub struct UserAdd<'c> {
    pub uid: Option<&'c str>,
    /// `-l` / `--no-log-init`.
    pub no_log_init: bool,
    pub create_home: bool,
    pub shell: Option<&'c str>,
    pub system: bool,
    /// The user name (last operand).
    pub user: Option<&'c Word>,
    pub args: ParsedArgs<'c>,
}

impl<'c> UserAdd<'c> {
    #[must_use]
    pub fn from(cmd: &'c Command) -> Option<Self> {
        const SPEC: FlagSpec = FlagSpec {
            short_values: "ugGsdcekKbpRPhf",
            long_values: &[
                "uid",
                "gid",
                "groups",
                "shell",
                "home-dir",
                "home",
                "comment",
                "gecos",
                "expiredate",
                "key",
                "base-dir",
                "password",
                "root",
                "prefix",
                "inactive",
                "ingroup",
                "firstuid",
                "lastuid",
                "conf",
                "selinux-user",
                "extrausers",
            ],
        };
        let args = parse_for(cmd, &[Tool::Useradd, Tool::Adduser], &SPEC)?;
        Some(Self {
            uid: args.value(Some('u'), Some("uid")),
            no_log_init: args.has(Some('l'), Some("no-log-init")),
            create_home: args.has(Some('m'), Some("create-home")),
            shell: args.value(Some('s'), Some("shell")),
            system: args.has(Some('r'), Some("system")) || args.has(Some('S'), None),
            user: args.positionals.last().copied(),
            args,
        })
    }
}

/// `chmod`.
#[derive(Clone, Debug)]
pub struct Chmod<'c> {
    pub mode: Option<&'c Word>,
    pub recursive: bool,
    pub targets: Vec<&'c Word>,
    pub args: ParsedArgs<'c>,
}

impl<'c> Chmod<'c> {
    #[must_use]
    pub fn from(cmd: &'c Command) -> Option<Self> {
        if cmd.tool != Tool::Chmod {
            return None;
        }
        // Symbolic modes like `-x`/`-w` look like flags: only known flags are flags.
        let mut flags = Vec::new();
        let mut operands = Vec::new();
        let mut ended = false;
        for w in &cmd.args {
            let v = w.value.as_str();
            if !ended && v == "--" {
                ended = true;
            } else if !ended
                && v.starts_with('-')
                && (v.starts_with("--") || v.chars().skip(1).all(|c| "RfvcH".contains(c)))
            {
                flags.push(w.clone());
            } else {
                operands.push(w);
            }
        }
        let args = parse_args(&[], &FlagSpec::default());
        let recursive = flags.iter().any(|w| {
            w.value == "--recursive" || (!w.value.starts_with("--") && w.value.contains('R'))
        });
        let mode = operands.first().copied();
        Some(Self {
            mode,
            recursive,
            targets: operands.get(1..).unwrap_or_default().to_vec(),
            args,
        })
    }

    /// The mode grants write permission to "others": `777`, `666`, `o+w`, `a+w`, `+w`…
    #[must_use]
    pub fn is_world_writable(&self) -> bool {
        self.mode.is_some_and(|m| mode_world_writable(&m.value))
    }
}

/// Whether a chmod mode string grants write to others.
#[must_use]
pub fn mode_world_writable(mode: &str) -> bool {
    if !mode.is_empty() && mode.chars().all(|c| c.is_digit(8)) {
        return mode
            .chars()
            .last()
            .and_then(|c| c.to_digit(8))
            .is_some_and(|d| d & 2 != 0);
    }
    mode.split(',').any(|clause| {
        let who_end = clause.find(['+', '=', '-']).unwrap_or(clause.len());
        let who = clause.get(..who_end).unwrap_or("");
        let ops = clause.get(who_end..).unwrap_or("");
        let others = who.is_empty() || who.contains('o') || who.contains('a');
        // Split into op segments: `+w`, `=rwx`.
        let grants_w = ops.split(['-']).next().is_some_and(|seg| seg.contains('w'))
            || ops
                .split(['+', '='])
                .skip(1)
                .any(|seg| seg.split('-').next().is_some_and(|s| s.contains('w')));
        others && grants_w
    })
}

/// `chown`.
#[derive(Clone, Debug)]
pub struct Chown<'c> {
    pub owner: Option<&'c Word>,
    pub recursive: bool,
    pub targets: Vec<&'c Word>,
    pub args: ParsedArgs<'c>,
}

impl<'c> Chown<'c> {
    #[must_use]
    pub fn from(cmd: &'c Command) -> Option<Self> {
        const SPEC: FlagSpec = FlagSpec {
            short_values: "",
            long_values: &["from", "reference"],
        };
        let args = parse_for(cmd, &[Tool::Chown, Tool::Chgrp], &SPEC)?;
        Some(Self {
            owner: args.positionals.first().copied(),
            recursive: args.has(Some('R'), Some("recursive")),
            targets: args.positionals.get(1..).unwrap_or_default().to_vec(),
            args,
        })
    }
}

/// `ln`.
#[derive(Clone, Debug)]
pub struct Ln<'c> {
    pub symbolic: bool,
    pub force: bool,
    pub target: Option<&'c Word>,
    pub link: Option<&'c Word>,
    pub args: ParsedArgs<'c>,
}

impl<'c> Ln<'c> {
    #[must_use]
    pub fn from(cmd: &'c Command) -> Option<Self> {
        const SPEC: FlagSpec = FlagSpec {
            short_values: "tS",
            long_values: &["target-directory", "suffix", "backup"],
        };
        let args = parse_for(cmd, &[Tool::Ln], &SPEC)?;
        Some(Self {
            symbolic: args.has(Some('s'), Some("symbolic")),
            force: args.has(Some('f'), Some("force")),
            target: args.positionals.first().copied(),
            link: args.positionals.get(1).copied(),
            args,
        })
    }
}

/// `cd DIR`.
#[must_use]
pub fn cd_target(cmd: &Command) -> Option<&Word> {
    if cmd.name_str() != "cd" {
        return None;
    }
    cmd.args
        .iter()
        .find(|w| !(w.value.starts_with('-') && w.value.len() > 1))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtractTool {
    Tar,
    Unzip,
    Gunzip,
    Bunzip2,
    Unxz,
    SevenZip,
}

/// An archive extraction (`tar -x…`, `tar xzf`, `unzip`, `gunzip`, …).
#[derive(Clone, Debug)]
pub struct Extract<'c> {
    pub tool: ExtractTool,
    /// The archive operand or `-f` value.
    pub archive: Option<&'c Word>,
    pub args: ParsedArgs<'c>,
}

impl<'c> Extract<'c> {
    #[must_use]
    pub fn from(cmd: &'c Command) -> Option<Self> {
        if cmd.tool != Tool::Archive {
            return None;
        }
        let tool = match cmd.name_str() {
            "tar" | "bsdtar" | "gtar" => ExtractTool::Tar,
            "unzip" => ExtractTool::Unzip,
            "gunzip" | "zcat" => ExtractTool::Gunzip,
            "bunzip2" => ExtractTool::Bunzip2,
            "unxz" | "xz" => ExtractTool::Unxz,
            "7z" | "7za" => ExtractTool::SevenZip,
            _ => return None,
        };
        let spec = match tool {
            ExtractTool::Tar => FlagSpec {
                short_values: "fCTXIbH",
                long_values: &[
                    "file",
                    "directory",
                    "files-from",
                    "exclude-from",
                    "exclude",
                    "use-compress-program",
                    "strip-components",
                    "transform",
                    "owner",
                    "group",
                    "mode",
                    "format",
                    "blocking-factor",
                ],
            },
            ExtractTool::Unzip => FlagSpec {
                short_values: "dxP",
                long_values: &[],
            },
            _ => FlagSpec::default(),
        };
        let args = parse_args(&cmd.args, &spec);
        let archive = match tool {
            ExtractTool::Tar => {
                // Old-style bundled first word: `tar xzf file`.
                let first = cmd.args.first();
                let old_style = first.is_some_and(|w| {
                    !w.value.starts_with('-') && w.value.contains('x') && w.value.contains('f')
                });
                let extracting =
                    old_style || args.has(Some('x'), Some("extract")) || args.has_long(&["get"]);
                if !extracting {
                    return None;
                }
                if old_style {
                    cmd.args.get(1)
                } else {
                    args.flag(Some('f'), Some("file"))
                        .and_then(|f| f.value_word.or(Some(f.word)))
                }
            }
            ExtractTool::Unxz if cmd.name_str() == "xz" => {
                if !args.has(Some('d'), Some("decompress")) {
                    return None;
                }
                args.positionals.first().copied()
            }
            ExtractTool::SevenZip => {
                if !matches!(
                    args.positionals.first().map(|w| w.value.as_str()),
                    Some("x" | "e")
                ) {
                    return None;
                }
                args.positionals.get(1).copied()
            }
            _ => args.positionals.first().copied(),
        };
        Some(Self {
            tool,
            archive,
            args,
        })
    }
}

/// `git clone URL [DIR]`.
#[derive(Clone, Debug)]
pub struct GitClone<'c> {
    pub url: Option<&'c Word>,
    pub directory: Option<&'c Word>,
    /// `--branch/-b` value.
    pub branch: Option<&'c str>,
    /// `--depth` value.
    pub depth: Option<&'c str>,
    pub args: ParsedArgs<'c>,
}

impl<'c> GitClone<'c> {
    #[must_use]
    pub fn from(cmd: &'c Command) -> Option<Self> {
        const SPEC: FlagSpec = FlagSpec {
            short_values: "bocju",
            long_values: &[
                "branch",
                "origin",
                "config",
                "depth",
                "jobs",
                "upload-pack",
                "reference",
                "separate-git-dir",
                "shallow-since",
                "shallow-exclude",
                "template",
                "filter",
                "recurse-submodules",
                "server-option",
                "bundle-uri",
            ],
        };
        if cmd.tool != Tool::Git {
            return None;
        }
        // Skip global options before the subcommand (`git -C dir clone`).
        let mut i = 0;
        while let Some(w) = cmd.args.get(i) {
            match w.value.as_str() {
                "-C" | "-c" | "--git-dir" | "--work-tree" => i += 2,
                v if v.starts_with('-') => i += 1,
                "clone" => break,
                _ => return None,
            }
        }
        let args = parse_args(cmd.args.get(i + 1..)?, &SPEC);
        Some(Self {
            url: args.positionals.first().copied(),
            directory: args.positionals.get(1).copied(),
            branch: args.value(Some('b'), Some("branch")),
            depth: args.value(None, Some("depth")),
            args,
        })
    }
}

/// `ssh-keygen`, `ssh-keyscan`, `gpg`, … are recognised only by name for now.
#[must_use]
pub fn is_key_tool(cmd: &Command) -> bool {
    matches!(
        cmd.name_str(),
        "ssh-keygen" | "ssh-keyscan" | "ssh-add" | "gpg" | "gpg2"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shell::commands::first;

    #[test]
    fn curl_wget() {
        let src = "curl -sSLk -o /tmp/x -H 'A: b' https://example.com/x";
        let c = first(src);
        let k = Curl::from(&c).unwrap_or_else(|| unreachable!());
        assert!(k.insecure && k.silent && k.location && !k.fail);
        assert_eq!(k.output, Some("/tmp/x"));
        assert_eq!(k.urls.len(), 1);
        assert_eq!(k.urls[0].range.slice(src), "https://example.com/x");
        let c = first("wget -nv --no-check-certificate --progress=dot:giga -O - https://x");
        let w = Wget::from(&c).unwrap_or_else(|| unreachable!());
        assert!(w.quiet && w.no_check_certificate);
        assert_eq!(w.progress, Some("dot:giga"));
        assert_eq!(w.output, Some("-"));
        assert_eq!(w.urls.len(), 1);
    }

    #[test]
    fn installers() {
        let c = first("gem install rails:7.0 bundler -N");
        let g = Gem::from(&c).unwrap_or_else(|| unreachable!());
        assert_eq!(g.packages[0].version, Some("7.0"));
        assert!(g.packages[1].version.is_none() && g.no_document);
        let c = first("go install -ldflags '-s' golang.org/x/tools/gopls@v0.14.0");
        let g = Go::from(&c).unwrap_or_else(|| unreachable!());
        assert_eq!(g.packages.len(), 1);
        assert_eq!(g.packages[0].version, Some("v0.14.0"));
        let c = first("cargo install --locked --version 1.2 ripgrep");
        let ci = CargoInstall::from(&c).unwrap_or_else(|| unreachable!());
        assert!(ci.locked);
        assert_eq!(ci.packages[0].name, "ripgrep");
        assert_eq!(ci.packages[0].version, Some("1.2"));
    }

    #[test]
    fn users_and_permissions() {
        let c = first("useradd -u 10001 -m -s /bin/sh app");
        let u = UserAdd::from(&c).unwrap_or_else(|| unreachable!());
        assert_eq!(u.uid, Some("10001"));
        assert!(u.create_home && !u.no_log_init);
        assert_eq!(u.user.map(|w| w.value.as_str()), Some("app"));
        for (m, ww) in [
            ("777", true),
            ("0755", false),
            ("666", true),
            ("o+w", true),
            ("a+rwx", true),
            ("+w", true),
            ("u+w", false),
            ("go-w", false),
            ("g+w,o=rw", true),
        ] {
            assert_eq!(mode_world_writable(m), ww, "{m}");
        }
        let c = first("chmod -R 777 /app /data");
        let m = Chmod::from(&c).unwrap_or_else(|| unreachable!());
        assert!(m.recursive && m.is_world_writable());
        assert_eq!(m.targets.len(), 2);
        let c = first("chmod -w file");
        let m = Chmod::from(&c).unwrap_or_else(|| unreachable!());
        assert_eq!(m.mode.map(|w| w.value.as_str()), Some("-w"));
        let c = first("chown -R app:app /app");
        let o = Chown::from(&c).unwrap_or_else(|| unreachable!());
        assert!(o.recursive);
        assert_eq!(o.owner.map(|w| w.value.as_str()), Some("app:app"));
        let c = first("ln -sf /usr/bin/python3 /usr/bin/python");
        let l = Ln::from(&c).unwrap_or_else(|| unreachable!());
        assert!(l.symbolic && l.force);
        assert_eq!(l.link.map(|w| w.value.as_str()), Some("/usr/bin/python"));
        assert_eq!(
            cd_target(&first("cd /app")).map(|w| w.value.as_str()),
            Some("/app")
        );
    }

    #[test]
    fn extraction_and_git() {
        let c = first("tar -xzf /tmp/a.tgz -C /opt");
        let e = Extract::from(&c).unwrap_or_else(|| unreachable!());
        assert_eq!(e.archive.map(|w| w.value.as_str()), Some("/tmp/a.tgz"));
        let c = first("tar xzf a.tgz");
        assert!(Extract::from(&c).is_some_and(|e| e.archive.is_some()));
        assert!(Extract::from(&first("tar -czf a.tgz dir")).is_none());
        let c = first("git clone --depth 1 -b v1 https://x/y.git /src");
        let g = GitClone::from(&c).unwrap_or_else(|| unreachable!());
        assert_eq!(g.depth, Some("1"));
        assert_eq!(g.branch, Some("v1"));
        assert_eq!(g.directory.map(|w| w.value.as_str()), Some("/src"));
        assert!(GitClone::from(&first("git pull")).is_none());
    }
}
