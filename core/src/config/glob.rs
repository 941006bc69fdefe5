//! Small glob matcher for `[[overrides]] files` and registry/image patterns.
//!
//! `*` matches any run of characters except `/`, `**` any run including `/` (a `**/` prefix
//! also matches nothing), `?` one character except `/`, `[abc]`/`[a-z]`/`[!a]` a class.
//! Matching is iterative with backtracking on the last star, so it is linear-ish and never
//! recurses on user input.

/// Checks a glob for mistakes (an unclosed `[`), naming what is wrong.
///
/// # Errors
/// A message for the configuration error.
pub fn validate(pattern: &str) -> Result<(), String> {
    if pattern.trim().is_empty() {
        return Err("empty glob pattern".into());
    }
    let b = pattern.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'[' {
            match b[i + 1..].iter().position(|&c| c == b']') {
                Some(p) if p > 0 || matches!(b.get(i + 2), Some(b']')) => i += p + 2,
                _ => return Err(format!("unclosed `[` in glob `{pattern}`")),
            }
        } else {
            i += 1;
        }
    }
    Ok(())
}

/// Whether `text` matches `pattern` (whole string).
#[must_use]
pub fn matches(pattern: &str, text: &str) -> bool {
    // `**/` at the start or after a `/` may match zero directories: try both.
    if let Some(rest) = pattern.strip_prefix("**/")
        && matches(rest, text)
    {
        return true;
    }
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0usize, 0usize);
    // Backtrack point: (pattern index after the star, text index, star crosses `/`).
    let mut star: Option<(usize, usize, bool)> = None;
    while ti < t.len() {
        let pc = p.get(pi).copied();
        match pc {
            Some('*') => {
                let double = p.get(pi + 1) == Some(&'*');
                let mut next = pi + if double { 2 } else { 1 };
                // `/**/` matches `/`.
                if double && p.get(next) == Some(&'/') && pi > 0 && p.get(pi - 1) == Some(&'/') {
                    next += 1;
                    star = Some((next, ti, true));
                    pi = next;
                    continue;
                }
                star = Some((next, ti, double));
                pi = next;
                continue;
            }
            Some('?') if t[ti] != '/' => {
                pi += 1;
                ti += 1;
                continue;
            }
            Some('[') => {
                if let Some((ok, len)) = class_match(&p[pi..], t[ti])
                    && ok
                {
                    pi += len;
                    ti += 1;
                    continue;
                }
            }
            Some(c) if c == t[ti] && c != '?' => {
                pi += 1;
                ti += 1;
                continue;
            }
            _ => {}
        }
        // Mismatch: extend the last star by one character if it may take it.
        match star {
            Some((sp, st, cross)) if cross || t[st] != '/' => {
                star = Some((sp, st + 1, cross));
                pi = sp;
                ti = st + 1;
            }
            _ => return false,
        }
    }
    while p.get(pi) == Some(&'*') {
        pi += 1;
    }
    pi == p.len()
}

/// Matches a `[...]` class at the start of `p`: (matched, length of the class).
fn class_match(p: &[char], c: char) -> Option<(bool, usize)> {
    let mut i = 1;
    let negate = matches!(p.get(1), Some('!' | '^'));
    if negate {
        i += 1;
    }
    let mut found = false;
    let mut first = true;
    while let Some(&pc) = p.get(i) {
        if pc == ']' && !first {
            return Some((found != negate, i + 1));
        }
        first = false;
        if p.get(i + 1) == Some(&'-') && p.get(i + 2).is_some_and(|&e| e != ']') {
            let end = p.get(i + 2).copied().unwrap_or(pc);
            if pc <= c && c <= end {
                found = true;
            }
            i += 3;
        } else {
            if pc == c {
                found = true;
            }
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn globs() {
        assert!(matches("ci/**", "ci/a/b/Dockerfile"));
        assert!(matches("**/Dockerfile", "Dockerfile"));
        assert!(matches("**/Dockerfile", "a/b/Dockerfile"));
        assert!(matches("a/**/b", "a/b"));
        assert!(matches("a/**/b", "a/x/y/b"));
        assert!(matches("*.gcr.io", "eu.gcr.io"));
        assert!(!matches("*.gcr.io", "gcr.io"));
        assert!(!matches("*/x", "a/b/x"));
        assert!(matches("Dockerfile.*", "Dockerfile.dev"));
        assert!(matches("[a-c]?", "bz"));
        assert!(!matches("[!a-c]?", "bz"));
        assert!(matches("docker.io/library/*", "docker.io/library/python"));
        assert!(super::validate("[abc").is_err());
    }
}
