use std::collections::HashSet;
use std::sync::OnceLock;

use regex_lite::Regex;

use super::shared::{mask, unquote};
use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta, ScriptSource};
use crate::syntax::{Args, CommandForm, Keyword};
use crate::text::TextRange;

declare_rule! {
    /// ## What it does
    /// Reports values that *are* credentials, wherever they are written: `ENV` values, `ARG`
    /// defaults, `LABEL` values, `RUN` commands (heredoc scripts and the files they write
    /// included) and `COPY`/`ADD` heredoc files. It recognises AWS access key ids
    /// (`AKIA…`/`ASIA…`) and the secret key next to them, GitHub (`ghp_`, `gho_`, `ghu_`,
    /// `ghs_`, `ghr_`, `github_pat_`), GitLab (`glpat-`), npm (`npm_`), Slack (`xox…-`),
    /// Stripe live (`sk_live_`) and Google (`AIza…`) tokens, private key blocks and passwords
    /// embedded in URLs (`https://user:password@host`). Passwords that are variables (`$PASS`,
    /// `${PASS}`) or masked (`***`) are not reported, nor are Dockerfile comments.
    ///
    /// The finding covers exactly the secret; the message shows at most its first four
    /// characters.
    ///
    /// ## Why is this bad?
    /// A credential in a Dockerfile is in the source repository, the build cache, the image
    /// history or configuration, and every copy of the image. Rotating it is the only remedy
    /// once it has been pushed.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN git clone https://builder:hunter2hunter2@git.example.com/app.git /src
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN --mount=type=secret,id=git_token \
    ///     git clone "https://builder:$(cat /run/secrets/git_token)@git.example.com/app.git" /src
    /// ```
    pub SecretValue {
        code: "SEC004",
        name: "secret-value",
        family: Security,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "A credential is written in the Dockerfile",
    }
}

struct Pattern {
    /// Index in [`PATTERNS`], whose marker (text every match contains) is looked for first:
    /// the regex runs only where it appears, which keeps the scan cheap on the thousands of
    /// words a long script has.
    index: usize,
    re: Regex,
    /// Capture group holding the secret (0 = whole match).
    group: usize,
    what: &'static str,
}

/// (regex, capture group, what it is), in the order findings are looked for. Each has a marker
/// in [`MARKERS`], at the same index.
const PATTERNS: [(&str, usize, &str); 10] = [
    (r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b", 0, "an AWS access key id"),
    (r"\bgh[pousr]_[A-Za-z0-9]{36,}", 0, "a GitHub token"),
    (r"\bgithub_pat_[A-Za-z0-9_]{22,}", 0, "a GitHub token"),
    (r"\bglpat-[A-Za-z0-9_-]{20,}", 0, "a GitLab token"),
    (r"\bnpm_[A-Za-z0-9]{36}\b", 0, "an npm token"),
    (r"\bxox[baprs]-[A-Za-z0-9-]{10,}", 0, "a Slack token"),
    (r"\bsk_live_[A-Za-z0-9]{24,}", 0, "a Stripe secret key"),
    (r"\bAIza[0-9A-Za-z_-]{35}", 0, "a Google API key"),
    (
        r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----(?:[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----)?",
        0,
        "a private key",
    ),
    (
        r"\b[A-Za-z][A-Za-z0-9+.-]*://[^\s/:@'\x22]+:([^\s/@'\x22]+)@[A-Za-z0-9\[]",
        1,
        "a password in a URL",
    ),
];

fn patterns() -> &'static [Pattern] {
    static P: OnceLock<Vec<Pattern>> = OnceLock::new();
    P.get_or_init(|| {
        PATTERNS
            .into_iter()
            .enumerate()
            .filter_map(|(index, (re, group, what))| {
                Regex::new(re).ok().map(|re| Pattern {
                    index,
                    re,
                    group,
                    what,
                })
            })
            .collect()
    })
}

fn aws_secret_key() -> Option<&'static Regex> {
    static P: OnceLock<Option<Regex>> = OnceLock::new();
    P.get_or_init(|| {
        Regex::new(r"(?:^|[^A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?:$|[^A-Za-z0-9/+=])").ok()
    })
    .as_ref()
}

fn is_placeholder_password(p: &str) -> bool {
    let lower = p.to_ascii_lowercase();
    p.contains('$')
        || p.contains('{')
        || p.contains('<')
        || p.contains('%')
        || p.chars()
            .all(|c| c == '*' || c == 'x' || c == 'X' || c == '.')
        || matches!(
            lower.as_str(),
            "password" | "pass" | "passwd" | "secret" | "token" | "pwd" | "changeme" | "example"
        )
}

/// `AKIA` or `ASIA` (how AWS access key ids start) occurs in `text`: one pass, as this runs on
/// every file.
fn has_key_id_prefix(text: &str) -> bool {
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(i) = b
        .get(from..)
        .and_then(|r| crate::util::text::find_either(r, b'A', b'A'))
    {
        let at = from + i;
        if matches!(b.get(at + 1..at + 4), Some(b"KIA" | b"SIA")) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// AWS secret access keys (40 mixed-case base64 characters) in `text`, which must also hold
/// an access key id: on their own such strings are too common to report.
fn find_aws_secret(text: &str, out: &mut Vec<Found>) {
    let has_id = has_key_id_prefix(text)
        && patterns()
            .first()
            .is_some_and(|p| p.index == 0 && p.re.is_match(text));
    if !has_id {
        return;
    }
    let Some(re) = aws_secret_key() else {
        return;
    };
    for caps in re.captures_iter(text) {
        let Some(m) = caps.get(1) else { continue };
        let s = m.as_str();
        let mixed = s.chars().any(|c| c.is_ascii_lowercase())
            && s.chars().any(|c| c.is_ascii_uppercase())
            && s.chars().any(|c| c.is_ascii_digit());
        if mixed {
            out.push((m.start(), m.end(), "an AWS secret access key"));
        }
    }
}

/// For each pattern of [`PATTERNS`] (same index), text every match contains (`?` stands for
/// any byte; the pattern's own marker, made more specific where its regex allows), and the
/// offset in it of its rarest byte, the anchor. Scans look for anchors: in Dockerfiles `K`,
/// `z`, `x`, `:` and `_` are several times rarer than the letters the markers start with, so
/// far fewer bytes are candidates.
const MARKERS: [(&str, usize); PATTERNS.len()] = [
    ("KIA", 0),
    ("gh?_", 3),
    ("github_pat_", 6),
    ("glpat-", 0),
    ("npm_", 3),
    ("xox", 0),
    ("sk_live_", 2),
    ("AIza", 2),
    ("PRIVATE KEY", 8),
    ("://", 0),
];

/// For each byte, the markers (bits, by index in [`MARKERS`]) anchored on it.
const MARKERS_BY_ANCHOR: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut i = 0;
    while i < MARKERS.len() {
        let (marker, anchor) = MARKERS[i];
        t[marker.as_bytes()[anchor] as usize] |= 1 << i;
        i += 1;
    }
    t
};

/// Marker `i` of [`MARKERS`] occurs in `bytes` with its anchor at `at`.
fn marker_at(bytes: &[u8], at: usize, i: usize) -> bool {
    let Some(&(marker, anchor)) = MARKERS.get(i) else {
        return false;
    };
    let m = marker.as_bytes();
    at.checked_sub(anchor)
        .and_then(|start| bytes.get(start..start + m.len()))
        .is_some_and(|w| w.iter().zip(m).all(|(&b, &c)| c == b'?' || b == c))
}

/// Which markers occur in `text` (bit i for pattern i), found in one pass over it: most words
/// hold none, and ten separate searches cost ten passes. The loop makes no call for a byte
/// that anchors no marker (most bytes).
fn markers_in(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let mut present = 0u32;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        let mut candidates = u32::from(MARKERS_BY_ANCHOR[usize::from(b)]) & !present;
        while candidates != 0 {
            let i = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            if marker_at(bytes, at, i) {
                present |= 1 << i;
            }
        }
        at += 1;
    }
    present
}

/// Whether [`find`] could find anything in `text` or any slice of it: some marker occurs, and
/// for the URL password (the only pattern with a capture group), also an `@`.
fn may_hold_secret(text: &str) -> bool {
    let mut present = markers_in(text);
    if !text.contains('@') {
        for p in patterns().iter().filter(|p| p.group == 1) {
            present &= !(1 << p.index);
        }
    }
    present != 0
}

/// A secret's start and end in the scanned text, and what it is.
type Found = (usize, usize, &'static str);

fn find(text: &str, out: &mut Vec<Found>) {
    if text.len() < 16 {
        return;
    }
    let present = markers_in(text);
    for p in patterns() {
        // A URL password needs `user:password@host`: no `@`, no match.
        if present & (1 << p.index) == 0 || (p.group == 1 && !text.contains('@')) {
            continue;
        }
        if p.group == 0 {
            out.extend(p.re.find_iter(text).map(|m| (m.start(), m.end(), p.what)));
            continue;
        }
        for caps in p.re.captures_iter(text) {
            let Some(m) = caps.get(p.group) else { continue };
            if is_placeholder_password(m.as_str()) {
                continue;
            }
            out.push((m.start(), m.end(), p.what));
        }
    }
}

struct Sink {
    seen: HashSet<(u32, u32)>,
    found: Vec<(TextRange, &'static str, String)>,
    /// The finders' output, reused for every scanned text.
    scratch: Vec<Found>,
}

impl Sink {
    /// Scans `text`, whose byte `i` is at file offset given by `map(i..j)`.
    fn scan(&mut self, text: &str, map: &dyn Fn(TextRange) -> TextRange) {
        self.scan_with(text, map, find);
    }

    fn scan_with(
        &mut self,
        text: &str,
        map: &dyn Fn(TextRange) -> TextRange,
        finder: fn(&str, &mut Vec<Found>),
    ) {
        self.scratch.clear();
        finder(text, &mut self.scratch);
        for &(s, e, what) in &self.scratch {
            let (Ok(s32), Ok(e32)) = (u32::try_from(s), u32::try_from(e)) else {
                continue;
            };
            let range = map(TextRange::new(s32, e32));
            if self.seen.insert((range.start, range.end)) {
                let secret = text.get(s..e).unwrap_or("").to_owned();
                self.found.push((range, what, secret));
            }
        }
    }
}

impl Rule for SecretValue {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut sink = Sink {
            seen: HashSet::new(),
            found: Vec::new(),
            scratch: Vec::new(),
        };
        let source = cx.source;
        let shift = |base: TextRange| move |r: TextRange| r.shift(base.start);
        for (_, ins, _) in cx
            .instructions_with(Keyword::Env)
            .chain(cx.instructions_with(Keyword::Label))
        {
            if let Args::Env(kvs) | Args::Label(kvs) = &ins.args {
                for kv in kvs {
                    sink.scan(kv.value.range.slice(source), &shift(kv.value.range));
                }
            }
        }
        for (_, ins, _) in cx.instructions_with(Keyword::Arg) {
            if let Args::Arg(decls) = &ins.args {
                for d in decls {
                    if let Some(v) = &d.default {
                        sink.scan(v.range.slice(source), &shift(v.range));
                    }
                }
            }
        }
        // Shell scripts: only command words, redirect targets and here-document bodies, so
        // comments inside heredoc scripts are skipped.
        for run in cx.scripts {
            let text = run.text();
            // Every scanned word and body is a slice of the script: when the whole script
            // holds no marker, none of them does, and the per-word passes are skipped.
            if !may_hold_secret(text) {
                continue;
            }
            let map = |r: TextRange| run.file_range(r);
            // Words of commands nested in `$(…)` or `sh -c` lie inside their parent's word:
            // scan each byte once, or deep nesting would make the scan quadratic.
            let mut scanned_to = 0u32;
            let mut commands: Vec<_> = run.script.commands.iter().collect();
            // Usually already in order (the parser lists commands by their start).
            if !commands.is_sorted_by_key(|c| c.range.start) {
                crate::util::sort::sort_by_key(&mut commands, |c| c.range.start);
            }
            for cmd in commands {
                let words = cmd
                    .assignments
                    .iter()
                    .chain(&cmd.wrappers)
                    .chain(cmd.name.as_ref())
                    .chain(&cmd.args)
                    .chain(cmd.redirects.iter().filter_map(|r| r.target.as_ref()));
                for w in words {
                    if w.range.end <= scanned_to {
                        continue;
                    }
                    scanned_to = scanned_to.max(w.range.end);
                    let local = w.range.slice(text);
                    sink.scan(local, &|r: TextRange| map(r.shift(w.range.start)));
                }
                for body in cmd.redirects.iter().filter_map(|r| r.heredoc_body) {
                    sink.scan(body.slice(text), &|r: TextRange| map(r.shift(body.start)));
                }
            }
        }
        // RUN heredocs that are not shell scripts, COPY/ADD heredoc files, exec-form RUNs.
        for kw in [Keyword::Run, Keyword::Copy, Keyword::Add] {
            for (i, ins, _) in cx.instructions_with(kw) {
                // Which heredocs run as scripts (scanned above), listed once per instruction.
                let mut is_script = vec![false; ins.heredocs.len()];
                for s in crate::rules::scripts_of(cx.scripts, i) {
                    if let ScriptSource::Heredoc(h) = s.source
                        && std::ptr::eq(s.instruction, ins)
                        && let Some(flag) = is_script.get_mut(h)
                    {
                        *flag = true;
                    }
                }
                for (h, doc) in ins.heredocs.iter().enumerate() {
                    if !is_script[h] {
                        sink.scan(doc.content_range.slice(source), &shift(doc.content_range));
                    }
                }
                if kw == Keyword::Run
                    && let Some(CommandForm::Exec(e)) = ins.command()
                {
                    for w in &e.args {
                        sink.scan(w.range.slice(source), &shift(w.range));
                    }
                }
            }
        }
        // The AWS secret key sits next to its key id, in the same instruction (a slice of the
        // source: when the source has no key id, no instruction has one).
        let any_key_id = has_key_id_prefix(source);
        for (_, ins) in cx.instructions().filter(|_| any_key_id) {
            sink.scan_with(ins.range.slice(source), &shift(ins.range), find_aws_secret);
        }
        let mut found = sink.found;
        crate::util::sort::sort_by_key(&mut found, |(r, _, _)| (r.start, r.end));
        for (range, what, secret) in found {
            let secret = unquote(&secret).to_owned();
            cx.report(range, format!("this looks like {what} ({})", mask(&secret)))
                .set_help("remove it, rotate it, and pass it at build time with `RUN --mount=type=secret,id=…`");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{MARKERS, PATTERNS, markers_in, patterns};

    /// A text each pattern matches, at the same index as [`PATTERNS`].
    const SAMPLES: [&str; PATTERNS.len()] = [
        "AKIAIOSFODNN7EXAMPLE",
        "ghp_0123456789abcdefghijABCDEFGHIJ012345",
        "github_pat_0123456789abcdefghijAB",
        "glpat-0123456789abcdefghij",
        "npm_0123456789abcdefghijABCDEFGHIJ012345",
        "xoxb-0123456789-abcdef",
        "sk_live_0123456789abcdefghijABCD",
        "AIzaSyA0123456789abcdefghijABCDEFGHIJKL",
        "-----BEGIN RSA PRIVATE KEY-----",
        "https://user:hunter2@example.com/x",
    ];

    /// The scan looks for each marker by its anchor: every match of a pattern must hold the
    /// pattern's marker, or the regex would never run on it.
    #[test]
    fn every_match_holds_its_marker() {
        for (i, p) in patterns().iter().enumerate() {
            let sample = SAMPLES[i];
            assert!(
                p.re.is_match(sample),
                "sample {i} does not match its pattern"
            );
            assert!(
                markers_in(sample) & (1 << i) != 0,
                "marker {:?} not found in {sample:?}",
                MARKERS[i].0
            );
            // Embedded in other text, at an offset, and at the very end.
            let embedded = format!("x {sample} y");
            assert!(markers_in(&embedded) & (1 << i) != 0, "{embedded:?}");
        }
        assert_eq!(
            markers_in("github.com/ghost gh_ ghx"),
            0,
            "`gh` needs a byte then `_`"
        );
        assert_eq!(markers_in("plain words, no marker"), 0);
        assert_eq!(markers_in(""), 0);
        assert_eq!(markers_in("KI"), 0);
    }

    /// Each marker looked for at every position, `?` matching any byte.
    fn reference(text: &str) -> u32 {
        let b = text.as_bytes();
        let mut present = 0;
        for (i, (marker, _)) in MARKERS.iter().enumerate() {
            let m = marker.as_bytes();
            let found = (0..b.len()).any(|at| {
                b.get(at..at + m.len())
                    .is_some_and(|w| w.iter().zip(m).all(|(&x, &c)| c == b'?' || x == c))
            });
            if found {
                present |= 1 << i;
            }
        }
        present
    }

    /// The scan by anchors finds exactly the markers a plain search finds.
    #[test]
    fn markers_in_agrees_with_a_plain_search() {
        let parts = [
            "a",
            "b",
            " ",
            "K",
            "KIA",
            "_",
            "gh",
            "ghp_",
            "github_pat_",
            "glpat-",
            "npm_",
            "xox",
            "sk_live_",
            "AIza",
            "PRIVATE KEY",
            "://",
            "é",
            "😀",
            "z",
            "x",
            ":",
            "g",
            "-",
        ];
        let mut rng = crate::util::test_rng();
        for _ in 0..20_000 {
            let text = crate::util::random_text(&mut rng, &parts, 12);
            assert_eq!(markers_in(&text), reference(&text), "{text:?}");
        }
    }
}
