//! Rebuilds Dockerfile instruction text from an image config's `history[].created_by`, so the
//! Dockerfile rules can run on images whose Dockerfile is not available.

use serde::Serialize;

use super::model::ImageConfig;
use crate::text::TextRange;

/// One history entry rendered as a Dockerfile instruction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HistoryStep {
    /// Index in `history`.
    pub index: usize,
    /// E.g. `RUN apt-get update`, `ENV PATH=/usr/bin`, `COPY . /app`; empty if unknown.
    pub instruction_text: String,
    pub empty_layer: bool,
    /// Range of the `created_by` string (or the history entry when it has none).
    pub created_by_range: TextRange,
}

const INSTRUCTIONS: &[&str] = &[
    "ADD",
    "ARG",
    "CMD",
    "COPY",
    "ENTRYPOINT",
    "ENV",
    "EXPOSE",
    "FROM",
    "HEALTHCHECK",
    "LABEL",
    "MAINTAINER",
    "ONBUILD",
    "RUN",
    "SHELL",
    "STOPSIGNAL",
    "USER",
    "VOLUME",
    "WORKDIR",
];

fn strip_buildkit_suffix(s: &str) -> &str {
    let t = s.trim_end();
    t.strip_suffix("# buildkit").map_or(t, str::trim_end)
}

/// Splits a `|N K=V … rest` build-arg prefix (classic builder and BuildKit) into the
/// arguments and the remaining command.
#[must_use]
pub fn split_build_args(s: &str) -> (Vec<(String, String)>, &str) {
    let Some(rest) = s.trim_start().strip_prefix('|') else {
        return (Vec::new(), s);
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let Some(n) = rest.get(..digits).and_then(|d| d.parse::<usize>().ok()) else {
        return (Vec::new(), s);
    };
    let mut rest = rest.get(digits..).unwrap_or("");
    let mut args = Vec::new();
    for _ in 0..n {
        rest = rest.trim_start();
        // `n` comes from the input: stop when the words run out, not after `n` iterations.
        if rest.is_empty() {
            break;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = rest.get(..end).unwrap_or("");
        if let Some((k, v)) = word.split_once('=') {
            args.push((k.to_owned(), v.to_owned()));
        }
        rest = rest.get(end..).unwrap_or("");
    }
    (args, rest.trim_start())
}

fn strip_shell(s: &str) -> Option<&str> {
    for prefix in [
        "/bin/sh -c ",
        "/bin/bash -c ",
        "/bin/sh -ec ",
        "sh -c ",
        "cmd /S /C ",
        "cmd /s /c ",
    ] {
        if let Some(r) = s.strip_prefix(prefix) {
            return Some(r);
        }
    }
    None
}

/// Turns one `created_by` string into Dockerfile instruction text.
#[must_use]
pub fn instruction_from_created_by(created_by: &str) -> String {
    let s = strip_buildkit_suffix(created_by.trim());
    // Classic builder metadata steps: `/bin/sh -c #(nop) ENV A=b`.
    if let Some(pos) = s.find("#(nop)") {
        return s.get(pos + 6..).unwrap_or("").trim().to_owned();
    }
    // BuildKit: `RUN |2 A=b B=c /bin/sh -c make`, `RUN /bin/sh -c make`, `COPY . . `.
    let (keyword, body) = match s.split_once(' ') {
        Some((k, b)) if INSTRUCTIONS.contains(&k) => (Some(k), b.trim_start()),
        _ => (None, s),
    };
    if keyword.is_some_and(|k| k != "RUN") {
        return s.to_owned();
    }
    let (_, body) = split_build_args(body);
    match strip_shell(body) {
        Some(cmd) => format!("RUN {}", cmd.trim()),
        None if keyword.is_some() => format!("RUN {}", body.trim()),
        None if body.is_empty() => String::new(),
        // Exec-form or unknown commands (e.g. `["/bin/sh","-c",…]`).
        None => format!("RUN {}", body.trim()),
    }
}

/// One [`HistoryStep`] per history entry, in order.
#[must_use]
pub fn rebuild(config: &ImageConfig) -> Vec<HistoryStep> {
    config
        .history
        .iter()
        .map(|h| HistoryStep {
            index: h.index,
            instruction_text: h
                .created_by
                .as_ref()
                .map(|c| instruction_from_created_by(&c.value))
                .unwrap_or_default(),
            empty_layer: h.empty_layer,
            created_by_range: h.created_by.as_ref().map_or(h.range, |c| c.range),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classic_builder() {
        assert_eq!(
            instruction_from_created_by("/bin/sh -c #(nop)  CMD [\"bash\"]"),
            "CMD [\"bash\"]"
        );
        assert_eq!(
            instruction_from_created_by("/bin/sh -c #(nop) ADD file:abc in / "),
            "ADD file:abc in /"
        );
        assert_eq!(
            instruction_from_created_by("/bin/sh -c apt-get update && apt-get install -y curl"),
            "RUN apt-get update && apt-get install -y curl"
        );
        assert_eq!(
            instruction_from_created_by("|2 A=b TOKEN=x /bin/sh -c make"),
            "RUN make"
        );
    }

    #[test]
    fn buildkit() {
        assert_eq!(
            instruction_from_created_by("RUN /bin/sh -c apk add --no-cache git # buildkit"),
            "RUN apk add --no-cache git"
        );
        assert_eq!(
            instruction_from_created_by("RUN |2 A=b B=c /bin/sh -c make all # buildkit"),
            "RUN make all"
        );
        assert_eq!(
            instruction_from_created_by("COPY . . # buildkit"),
            "COPY . ."
        );
        assert_eq!(instruction_from_created_by("ENV A=b"), "ENV A=b");
        assert_eq!(instruction_from_created_by("WORKDIR /app"), "WORKDIR /app");
        assert_eq!(instruction_from_created_by(""), "");
    }

    #[test]
    fn build_args() {
        let (a, rest) = split_build_args("|2 A=b TOKEN=abc /bin/sh -c x");
        assert_eq!(
            a,
            vec![("A".into(), "b".into()), ("TOKEN".into(), "abc".into())]
        );
        assert_eq!(rest, "/bin/sh -c x");
        assert!(split_build_args("|x").0.is_empty());
        let (a, rest) = split_build_args("|18446744073709551615 A=b");
        assert_eq!(a.len(), 1);
        assert_eq!(rest, "");
    }

    #[test]
    fn rebuild_keeps_empty_layer() {
        let src = r#"{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},
            "history":[{"created_by":"/bin/sh -c #(nop) ENV A=b","empty_layer":true},{"created_by":"RUN /bin/sh -c make # buildkit"},{}]}"#;
        let a = crate::image::analyze(src);
        let ic = a.document.unwrap().image_config.unwrap();
        let steps = rebuild(&ic);
        assert_eq!(steps.len(), 3);
        assert!(steps[0].empty_layer);
        assert_eq!(steps[0].instruction_text, "ENV A=b");
        assert_eq!(steps[1].instruction_text, "RUN make");
        assert_eq!(
            steps[1].created_by_range.slice(src),
            "\"RUN /bin/sh -c make # buildkit\""
        );
        assert_eq!(steps[2].instruction_text, "");
    }
}
