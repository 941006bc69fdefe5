//! A small, shared command-line flag parser driven by a per-tool [`FlagSpec`].

use crate::shell::Word;

/// Which flags take a value.
#[derive(Clone, Copy, Debug, Default)]
pub struct FlagSpec {
    /// Short flags taking a value, attached (`-ofoo`) or as the next word (`-o foo`).
    pub short_values: &'static str,
    /// Long flags (without `--`) taking a value, as `--name=value` or `--name value`.
    pub long_values: &'static [&'static str],
}

/// One flag occurrence. A combined word `-yq` yields two flags sharing `word`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag<'c> {
    /// `Some(c)` for a short flag.
    pub short: Option<char>,
    /// The long name (without `--`) for a long flag.
    pub long: Option<&'c str>,
    pub value: Option<&'c str>,
    /// The word holding the flag.
    pub word: &'c Word,
    /// The separate word holding the value, if the value was not attached.
    pub value_word: Option<&'c Word>,
}

/// Flags and positional operands of a command.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedArgs<'c> {
    pub flags: Vec<Flag<'c>>,
    pub positionals: Vec<&'c Word>,
}

impl<'c> ParsedArgs<'c> {
    fn matches(f: &Flag<'_>, short: Option<char>, long: Option<&str>) -> bool {
        (short.is_some() && f.short == short) || (long.is_some() && f.long == long)
    }

    /// The first occurrence of a flag.
    #[must_use]
    pub fn flag(&self, short: Option<char>, long: Option<&str>) -> Option<&Flag<'c>> {
        self.flags.iter().find(|f| Self::matches(f, short, long))
    }

    #[must_use]
    pub fn has(&self, short: Option<char>, long: Option<&str>) -> bool {
        self.flag(short, long).is_some()
    }

    /// Whether any of the long flags is present.
    #[must_use]
    pub fn has_long(&self, longs: &[&str]) -> bool {
        self.flags
            .iter()
            .any(|f| f.long.is_some_and(|l| longs.contains(&l)))
    }

    /// Number of occurrences (`-qq` counts 2).
    #[must_use]
    pub fn count(&self, short: Option<char>, long: Option<&str>) -> usize {
        self.flags
            .iter()
            .filter(|f| Self::matches(f, short, long))
            .count()
    }

    /// The value of the first occurrence.
    #[must_use]
    pub fn value(&self, short: Option<char>, long: Option<&str>) -> Option<&'c str> {
        self.flag(short, long).and_then(|f| f.value)
    }

    /// The values of all occurrences.
    pub fn values<'a>(
        &'a self,
        short: Option<char>,
        long: Option<&'a str>,
    ) -> impl Iterator<Item = &'c str> + 'a {
        self.flags
            .iter()
            .filter(move |f| Self::matches(f, short, long))
            .filter_map(|f| f.value)
    }
}

/// Parses `args` according to `spec`. `--` ends the flags; a lone `-` is an operand.
#[must_use]
pub fn parse_args<'c>(args: &'c [Word], spec: &FlagSpec) -> ParsedArgs<'c> {
    let mut out = ParsedArgs::default();
    let mut i = 0;
    while let Some(w) = args.get(i) {
        i += 1;
        let v = w.value.as_str();
        // Most arguments are operands: one byte tells.
        if !matches!(v.as_bytes().first(), Some(b'-')) {
            out.positionals.push(w);
            continue;
        }
        if v == "--" {
            out.positionals.extend(args.get(i..).unwrap_or_default());
            break;
        }
        if let Some(long) = v.strip_prefix("--") {
            let (name, attached) = match long.split_once('=') {
                Some((n, val)) => (n, Some(val)),
                None => (long, None),
            };
            let mut value_word = None;
            let value = if attached.is_some() {
                attached
            } else if spec.long_values.contains(&name) {
                value_word = args.get(i);
                i += 1;
                value_word.map(|w| w.value.as_str())
            } else {
                None
            };
            out.flags.push(Flag {
                short: None,
                long: Some(name),
                value,
                word: w,
                value_word,
            });
            continue;
        }
        let Some(shorts) = v.strip_prefix('-').filter(|s| !s.is_empty()) else {
            out.positionals.push(w);
            continue;
        };
        for (k, ch) in shorts.char_indices() {
            let mut flag = Flag {
                short: Some(ch),
                long: None,
                value: None,
                word: w,
                value_word: None,
            };
            if spec.short_values.contains(ch) {
                let rest = shorts.get(k + ch.len_utf8()..).unwrap_or("");
                if rest.is_empty() {
                    flag.value_word = args.get(i);
                    flag.value = flag.value_word.map(|w| w.value.as_str());
                    i += 1;
                } else {
                    flag.value = Some(rest.strip_prefix('=').unwrap_or(rest));
                }
                out.flags.push(flag);
                break;
            }
            out.flags.push(flag);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shell::commands::first;

    #[test]
    fn values_and_positionals() {
        let c =
            first("apt-get -o Dpkg::Options::=x install -yq --target-release=b -t c foo -- -bar");
        let spec = FlagSpec {
            short_values: "ot",
            long_values: &["target-release"],
        };
        let p = parse_args(&c.args, &spec);
        let pos: Vec<_> = p.positionals.iter().map(|w| w.value.as_str()).collect();
        assert_eq!(pos, ["install", "foo", "-bar"]);
        assert_eq!(p.value(Some('o'), None), Some("Dpkg::Options::=x"));
        assert_eq!(p.value(None, Some("target-release")), Some("b"));
        assert_eq!(p.value(Some('t'), None), Some("c"));
        assert!(p.has(Some('y'), None) && p.has(Some('q'), None));
        let c = first("tar -xzf a.tgz -Cdir");
        let p = parse_args(
            &c.args,
            &FlagSpec {
                short_values: "fC",
                long_values: &[],
            },
        );
        assert_eq!(p.value(Some('f'), None), Some("a.tgz"));
        assert_eq!(p.value(Some('C'), None), Some("dir"));
        assert!(p.positionals.is_empty());
    }
}
