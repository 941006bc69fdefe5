//! `.dockerignore` matching as BuildKit does it (moby's patternmatcher): one pattern per line,
//! `#` comments, blank lines skipped, `!` re-includes, a leading `/` and a trailing `/` are
//! dropped, `*` and `?` stay within a path component, `**` spans any number of components,
//! `[…]` classes and `\` escapes work, a pattern that matches a directory excludes everything
//! under it, and the last matching pattern wins.

/// One parsed pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Pattern {
    pub text: String,
    pub negated: bool,
    segments: Vec<String>,
}

/// A parsed `.dockerignore`.
#[derive(Clone, Debug, Default)]
pub(crate) struct DockerIgnore {
    pub patterns: Vec<Pattern>,
}

/// `filepath.Clean` on a slash path: drops `.` and empty components, resolves `..`.
pub(crate) fn clean(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for c in path.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                if out.last().is_some_and(|l| *l != "..") {
                    out.pop();
                } else {
                    out.push("..");
                }
            }
            c => out.push(c),
        }
    }
    out.join("/")
}

impl DockerIgnore {
    #[must_use]
    pub(crate) fn parse(text: &str) -> Self {
        let mut patterns = Vec::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (negated, rest) = match line.strip_prefix('!') {
                Some(r) => (true, r.trim()),
                None => (false, line),
            };
            let cleaned = clean(rest);
            if cleaned.is_empty() {
                continue;
            }
            let segments = cleaned.split('/').map(str::to_owned).collect();
            patterns.push(Pattern {
                text: cleaned,
                negated,
                segments,
            });
        }
        Self { patterns }
    }

    /// The pattern deciding that `path` (relative to the context) is excluded, if it is.
    #[must_use]
    pub(crate) fn excluded_by(&self, path: &str) -> Option<&Pattern> {
        let path = clean(path);
        if path.is_empty() {
            return None;
        }
        let parts: Vec<&str> = path.split('/').collect();
        let mut decision: Option<&Pattern> = None;
        for p in &self.patterns {
            let hit = (1..=parts.len()).any(|n| {
                parts
                    .get(..n)
                    .is_some_and(|pre| match_segments(&p.segments, pre))
            });
            if hit {
                decision = (!p.negated).then_some(p);
            }
        }
        decision
    }

    /// Whether some negation pattern may re-include a path below `dir`.
    #[must_use]
    pub(crate) fn may_reinclude_below(&self, dir: &str) -> bool {
        let dir = clean(dir);
        let parts: Vec<&str> = dir.split('/').collect();
        self.patterns.iter().filter(|p| p.negated).any(|p| {
            // The pattern could match `dir/…` when its leading components can match `dir`'s.
            if p.segments.iter().any(|s| s == "**") {
                return true;
            }
            p.segments.len() > parts.len()
                && p.segments
                    .iter()
                    .zip(&parts)
                    .all(|(s, part)| match_component(s, part))
        })
    }
}

fn match_segments(pat: &[String], path: &[&str]) -> bool {
    match pat.split_first() {
        None => path.is_empty(),
        Some((first, rest)) if first == "**" => {
            (0..=path.len()).any(|k| path.get(k..).is_some_and(|tail| match_segments(rest, tail)))
        }
        Some((first, rest)) => match path.split_first() {
            Some((p, tail)) => match_component(first, p) && match_segments(rest, tail),
            None => false,
        },
    }
}

/// Glob match of one path component: `*`, `?`, `[…]` (with `^`/`!` negation and ranges), `\x`.
fn match_component(pat: &str, s: &str) -> bool {
    let p: Vec<char> = pat.chars().collect();
    let t: Vec<char> = s.chars().collect();
    // Iterative matcher with backtracking on the last `*`.
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        let step = p.get(pi).and_then(|&c| match c {
            '*' => None,
            '?' => Some(pi + 1),
            '[' => class_match(&p, pi, t[ti]),
            '\\' => (p.get(pi + 1) == Some(&t[ti])).then_some(pi + 2),
            c => (c == t[ti]).then_some(pi + 1),
        });
        if p.get(pi) == Some(&'*') {
            star = Some((pi, ti));
            pi += 1;
            continue;
        }
        if let Some(next) = step {
            pi = next;
            ti += 1;
            continue;
        }
        match star {
            Some((sp, st)) => {
                pi = sp + 1;
                ti = st + 1;
                star = Some((sp, st + 1));
            }
            None => return false,
        }
    }
    while p.get(pi) == Some(&'*') {
        pi += 1;
    }
    pi == p.len()
}

/// Matches `c` against the class starting at `p[start] == '['`; returns the index after `]`.
fn class_match(p: &[char], start: usize, c: char) -> Option<usize> {
    let mut i = start + 1;
    let negate = matches!(p.get(i), Some('^' | '!'));
    if negate {
        i += 1;
    }
    let mut matched = false;
    let mut first = true;
    loop {
        let ch = *p.get(i)?;
        if ch == ']' && !first {
            break;
        }
        first = false;
        let lo = if ch == '\\' {
            i += 1;
            *p.get(i)?
        } else {
            ch
        };
        if p.get(i + 1) == Some(&'-') && p.get(i + 2).is_some_and(|&h| h != ']') {
            let hi = *p.get(i + 2)?;
            if lo <= c && c <= hi {
                matched = true;
            }
            i += 3;
        } else {
            if lo == c {
                matched = true;
            }
            i += 1;
        }
    }
    (matched != negate).then_some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(ignore: &str, path: &str) -> bool {
        DockerIgnore::parse(ignore).excluded_by(path).is_some()
    }

    #[test]
    fn basics() {
        assert!(ex("*.md", "README.md"));
        assert!(!ex("*.md", "docs/README.md"));
        assert!(ex("**/*.md", "docs/README.md"));
        assert!(ex("**/*.md", "README.md"));
        assert!(ex("/node_modules/", "node_modules/x/y.js"));
        assert!(ex("build", "build/out/app"));
        assert!(ex("a?c", "abc"));
        assert!(!ex("a?c", "a/c"));
        assert!(ex("file[0-9].txt", "file3.txt"));
        assert!(!ex("file[!0-9].txt", "file3.txt"));
        assert!(ex("# comment\n\n.env", "./.env"));
        assert!(!ex("# .env", ".env"));
        assert!(ex("docs/**", "docs/a/b.md"));
        assert!(ex("**", "anything"));
    }

    #[test]
    fn negation_last_wins() {
        assert!(!ex("*.md\n!README.md", "README.md"));
        assert!(ex("*.md\n!README.md", "CHANGELOG.md"));
        assert!(ex("!README.md\n*.md", "README.md"));
        let d = DockerIgnore::parse("docs\n!docs/keep.md");
        assert!(d.excluded_by("docs").is_some());
        assert!(d.may_reinclude_below("docs"));
        assert!(!d.may_reinclude_below("src"));
        assert!(d.excluded_by("docs/keep.md").is_none());
    }
}
