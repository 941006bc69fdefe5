use super::shared::is_plain_http;
use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::shell::commands::Tool;
use crate::shell::commands::misc::{Curl, GitClone, Wget};
use crate::syntax::{Args, Keyword};

declare_rule! {
    /// ## What it does
    /// Reports downloads over plain `http://` from remote hosts: `curl`/`wget` URLs,
    /// `git clone`, `ADD http://…`, pip `--index-url`/`--extra-index-url`/`--find-links`, and
    /// apt source lines written with `[trusted=yes]` (which turns off apt's signature check,
    /// leaving nothing to protect the plain-HTTP download). `localhost`, `127.x` and
    /// `host.docker.internal` are not reported.
    ///
    /// Ordinary apt sources over `http://` are not reported: apt verifies the signed
    /// repository metadata, which is why Debian's own images use them.
    ///
    /// ## Why is this bad?
    /// Plain HTTP can be read and rewritten by anyone on the network path; a tampered binary
    /// or package index ends up in the image.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN curl -fsSLo /usr/local/bin/tool http://downloads.example.com/tool
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN curl -fsSLo /usr/local/bin/tool https://downloads.example.com/tool
    /// ```
    pub InsecureHttpDownload {
        code: "SEC010",
        name: "insecure-http-download",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "Download over plain http://",
    }
}

const HELP: &str = "use https:// (and a checksum or signature check for binaries)";

impl Rule for InsecureHttpDownload {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for run in cx.scripts {
            for cmd in &run.script.commands {
                let mut urls = Vec::new();
                if let Some(c) = Curl::from(cmd) {
                    urls.extend(c.urls);
                } else if let Some(w) = Wget::from(cmd) {
                    urls.extend(w.urls);
                } else if let Some(g) = GitClone::from(cmd) {
                    urls.extend(g.url);
                } else if let Some(p) = cx.pip(cmd) {
                    for f in &p.args.flags {
                        if matches!(f.long, Some("index-url" | "extra-index-url" | "find-links"))
                            || matches!(f.short, Some('i' | 'f'))
                        {
                            if let Some(v) = f.value_word {
                                urls.push(v);
                            } else if f.value.is_some_and(is_plain_http) {
                                urls.push(f.word);
                            }
                        }
                    }
                } else if matches!(cmd.tool, Tool::Echo | Tool::Printf) {
                    // `echo "deb [trusted=yes] http://…" > /etc/apt/sources.list.d/x.list`
                    let to_apt = cmd.redirects.iter().any(|r| {
                        r.target
                            .as_ref()
                            .is_some_and(|t| t.value.contains("/etc/apt/"))
                    });
                    if to_apt {
                        for w in &cmd.args {
                            if w.value.contains("trusted=yes") && w.value.contains("http://") {
                                let url = w
                                    .value
                                    .split_whitespace()
                                    .find(|s| s.starts_with("http://"))
                                    .unwrap_or("");
                                if is_plain_http(url) {
                                    cx.report(run.file_range(w.range), "apt source over plain http:// with signature checks off ([trusted=yes])")
                                        .set_help("use https:// and a `signed-by=` keyring instead of `trusted=yes`");
                                }
                            }
                        }
                    }
                    continue;
                }
                for w in urls {
                    let v = w
                        .value
                        .split_once('=')
                        .filter(|(k, _)| k.starts_with('-'))
                        .map_or(w.value.as_str(), |(_, v)| v);
                    if is_plain_http(v) {
                        cx.report(
                            run.file_range(w.range),
                            format!("`{}` downloads over plain http://", cmd.name_str()),
                        )
                        .set_help(HELP);
                    }
                }
            }
        }
        for (i, ins, _) in cx.instructions_with(Keyword::Add) {
            let Args::Copy { paths, .. } = &ins.args else {
                continue;
            };
            let Some((_, sources)) = paths.split_last() else {
                continue;
            };
            for src in sources {
                let v = cx.model.expand_at(&src.text, i).value;
                if is_plain_http(&v) {
                    cx.report(src.range, "ADD downloads over plain http://")
                        .set_help(HELP);
                }
            }
        }
    }
}
