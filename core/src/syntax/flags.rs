//! Typed views of instruction flags: `RUN --mount=...` options (with nom) and flag validation data.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{is_not, tag, take_until},
    combinator::{map, opt},
    multi::separated_list0,
    sequence::{delimited, preceded},
};

use crate::text::TextRange;

use super::ast::{Mount, MountKind};

/// One CSV field: `"quoted"` or bare, up to the next comma.
fn field(input: &str) -> IResult<&str, &str> {
    alt((
        delimited(tag("\""), take_until("\""), tag("\"")),
        is_not(","),
    ))
    .parse(input)
}

/// `key[=value]` pairs separated by commas, as BuildKit's CSV mount syntax.
fn pairs(input: &str) -> IResult<&str, Vec<(&str, Option<&str>)>> {
    separated_list0(
        tag(","),
        map(
            (is_not("=,"), opt(preceded(tag("="), field))),
            |(k, v): (&str, Option<&str>)| (k.trim(), v),
        ),
    )
    .parse(input)
}

fn truthy(v: Option<&str>) -> bool {
    v.is_none_or(|v| matches!(v.to_ascii_lowercase().as_str(), "true" | "1" | "yes" | ""))
}

/// Parses the value of `--mount=` (the flag's range is kept as the mount's range).
#[must_use]
pub fn parse_mount(value: &str, range: TextRange) -> Mount {
    let mut m = Mount {
        range,
        ..Mount::default()
    };
    let Ok((_, list)) = pairs(value) else {
        return m;
    };
    for (key, val) in list {
        let owned = || val.unwrap_or("").to_owned();
        match key.to_ascii_lowercase().as_str() {
            "type" => m.kind = MountKind::parse(val.unwrap_or("")),
            "target" | "dst" | "destination" => m.target = Some(owned()),
            "source" | "src" => m.source = Some(owned()),
            "from" => m.from = Some(owned()),
            "id" => m.id = Some(owned()),
            "sharing" => m.sharing = Some(owned()),
            "mode" => m.mode = Some(owned()),
            "uid" => m.uid = Some(owned()),
            "gid" => m.gid = Some(owned()),
            "readonly" | "ro" => m.readonly = truthy(val),
            "readwrite" | "rw" => m.readonly = !truthy(val),
            "required" => m.required = truthy(val),
            "env" => m.env = Some(owned()),
            "" => {}
            other => m.unknown.push((other.to_owned(), owned())),
        }
    }
    m
}

/// Flags each instruction accepts, and whether each is boolean.
#[must_use]
pub fn allowed_flags(keyword: super::Keyword) -> &'static [(&'static str, FlagType)] {
    use super::Keyword as K;
    use FlagType::{Bool, Duration, Int, List, Str};
    match keyword {
        K::From => &[("platform", Str)],
        K::Run => &[
            ("mount", List),
            ("network", Str),
            ("security", Str),
            ("device", List),
        ],
        K::Copy => &[
            ("from", Str),
            ("chown", Str),
            ("chmod", Str),
            ("link", Bool),
            ("parents", Bool),
            ("exclude", List),
        ],
        K::Add => &[
            ("chown", Str),
            ("chmod", Str),
            ("link", Bool),
            ("checksum", Str),
            ("keep-git-dir", Bool),
            ("exclude", List),
            ("unpack", Bool),
        ],
        K::Healthcheck => &[
            ("interval", Duration),
            ("timeout", Duration),
            ("start-period", Duration),
            ("start-interval", Duration),
            ("retries", Int),
        ],
        _ => &[],
    }
}

/// The value type of a flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlagType {
    Str,
    Bool,
    Duration,
    Int,
    List,
}

/// Parses a Go duration (`30s`, `1m30s`, `1.5h`, `100ms`) into nanoseconds.
#[must_use]
pub fn parse_duration(s: &str) -> Option<u128> {
    let mut rest = s;
    let mut total: f64 = 0.0;
    if rest == "0" {
        return Some(0);
    }
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let num_len = rest
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b'.')
            .count();
        if num_len == 0 {
            return None;
        }
        let n = crate::util::float::parse_f64(rest.get(..num_len)?)?;
        rest = &rest[num_len..];
        let unit_len = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphabetic() || *b >= 0x80)
            .count();
        let unit = rest.get(..unit_len)?;
        let scale = match unit {
            "ns" => 1.0,
            "us" | "µs" | "μs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return None,
        };
        total += n * scale;
        rest = &rest[unit_len..];
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "bounded, non-negative"
    )]
    Some(total.min(1e30) as u128)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mount_options() {
        let m = parse_mount(
            "type=cache,target=/root/.cache,sharing=locked,ro",
            TextRange::default(),
        );
        assert_eq!(m.kind, MountKind::Cache);
        assert_eq!(m.target.as_deref(), Some("/root/.cache"));
        assert_eq!(m.sharing.as_deref(), Some("locked"));
        assert!(m.readonly);
        let m = parse_mount(
            "type=secret,id=npm,env=NPM_TOKEN,required",
            TextRange::default(),
        );
        assert_eq!(
            (m.kind, m.id.as_deref(), m.env.as_deref(), m.required),
            (MountKind::Secret, Some("npm"), Some("NPM_TOKEN"), true)
        );
        let m = parse_mount("target=/src", TextRange::default());
        assert_eq!(m.kind, MountKind::Bind);
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("30s"), Some(30_000_000_000));
        assert_eq!(parse_duration("1m30s"), Some(90_000_000_000));
        assert_eq!(parse_duration("100ms"), Some(100_000_000));
        assert_eq!(parse_duration("5"), None);
        assert_eq!(parse_duration("abc"), None);
    }
}
