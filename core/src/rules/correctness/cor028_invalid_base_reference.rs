use crate::declare_rule;
use crate::model::BaseKind;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a `FROM` whose image (after expanding global `ARG` defaults) is not a valid
    /// image reference, and says why: upper-case letters in the repository, characters a tag
    /// cannot hold, a malformed digest, an empty name.
    ///
    /// ## Why is this bad?
    /// Docker refuses the reference before pulling anything ("repository name must be
    /// lowercase", "invalid reference format"); the message rarely says which part is wrong.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM Ubuntu:22.04
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM ubuntu:22.04
    /// ```
    pub InvalidBaseReference {
        code: "COR028",
        name: "invalid-base-reference",
        family: Correctness,
        severity: Error,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "FROM is not a valid image reference",
    }
}

fn is_path_component(c: &str) -> bool {
    // [a-z0-9]+ ((\.|_|__|-+) [a-z0-9]+)*
    let b = c.as_bytes();
    if b.is_empty() || !is_lower_alnum(b[0]) || !is_lower_alnum(b[b.len() - 1]) {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        if is_lower_alnum(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !is_lower_alnum(b[i]) {
            i += 1;
        }
        let sep = &c[start..i];
        let ok = matches!(sep, "." | "_" | "__") || sep.bytes().all(|x| x == b'-');
        if !ok {
            return false;
        }
    }
    true
}

const fn is_lower_alnum(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

fn is_domain(d: &str) -> bool {
    let (host, port) = match d.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || h.starts_with('[') => (h, Some(p)),
        _ => (d, None),
    };
    if port.is_some_and(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    if host.starts_with('[') {
        return host.ends_with(']');
    }
    !host.is_empty()
        && host.split('.').all(|c| {
            !c.is_empty()
                && c.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !c.starts_with('-')
                && !c.ends_with('-')
        })
}

/// Why `s` is not a valid image reference, or `None` when it is one.
pub(crate) fn reference_problem(s: &str) -> Option<String> {
    if s.is_empty() {
        return Some("the reference is empty".into());
    }
    if s.chars().any(char::is_whitespace) {
        return Some("it contains whitespace".into());
    }
    let (name_tag, digest) = match s.split_once('@') {
        Some((n, d)) => (n, Some(d)),
        None => (s, None),
    };
    if let Some(d) = digest {
        let ok = d.split_once(':').is_some_and(|(alg, hex)| {
            !alg.is_empty()
                && alg
                    .bytes()
                    .all(|b| is_lower_alnum(b) || matches!(b, b'+' | b'.' | b'_' | b'-'))
                && hex.len() >= 32
                && hex.bytes().all(|b| b.is_ascii_hexdigit())
        });
        if !ok {
            return Some(format!("`{d}` is not a valid digest (algorithm:hex)"));
        }
    }
    let last_slash = name_tag.rfind('/').map_or(0, |i| i + 1);
    let (name, tag) = match name_tag.get(last_slash..).and_then(|t| t.rfind(':')) {
        Some(i) => (
            &name_tag[..last_slash + i],
            Some(&name_tag[last_slash + i + 1..]),
        ),
        None => (name_tag, None),
    };
    if let Some(t) = tag {
        let ok = !t.is_empty()
            && t.len() <= 128
            && t.bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
            && t.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'));
        if !ok {
            return Some(if t.is_empty() {
                "the tag after `:` is empty".into()
            } else {
                format!("`{t}` is not a valid tag (letters, digits, `_`, `.`, `-`; at most 128)")
            });
        }
    }
    if name.is_empty() {
        return Some("the repository name is empty".into());
    }
    let (domain, path) = match name.split_once('/') {
        Some((first, rest))
            if first.contains(['.', ':'])
                || first == "localhost"
                || first.to_ascii_lowercase() != first =>
        {
            (Some(first), rest)
        }
        _ => (None, name),
    };
    if let Some(d) = domain
        && !is_domain(d)
    {
        return Some(format!("`{d}` is not a valid registry host"));
    }
    if path.chars().any(|c| c.is_ascii_uppercase()) {
        return Some(format!("the repository `{path}` must be lower case"));
    }
    if let Some(bad) = path.split('/').find(|c| !is_path_component(c)) {
        return Some(if bad.is_empty() {
            format!("the repository `{path}` has an empty path component")
        } else {
            format!("`{bad}` is not a valid repository name component")
        });
    }
    if name.len() > 255 {
        return Some("the name is longer than 255 characters".into());
    }
    None
}

impl Rule for InvalidBaseReference {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for stage in &cx.model.stages {
            let base = &stage.base;
            if base.raw.is_empty()
                || matches!(
                    base.kind,
                    BaseKind::Stage(_) | BaseKind::Scratch | BaseKind::Unresolved
                )
                || base.expanded.unresolved
                || base.expanded.error.is_some()
                || !base.expanded.undefined.is_empty()
            {
                continue;
            }
            let value = base.expanded.value.as_str();
            let Some(problem) = reference_problem(value) else {
                continue;
            };
            let msg = if base.expanded.referenced.is_empty() {
                format!("invalid base image reference: {problem}")
            } else {
                format!("the base image expands to `{value}`, which is invalid: {problem}")
            };
            cx.report(base.range, msg).set_help(
                "write the image as [registry/]repository[:tag][@digest], repository in lower case",
            );
        }
    }
}
