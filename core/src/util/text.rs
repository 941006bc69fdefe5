//! Byte and substring search for the hot paths of the parser and the rules.

/// Whether `hay` contains the literal `needle`.
///
/// `str::contains` sets up a Two-Way searcher on every call; in WebAssembly (no SIMD fast
/// path) that set-up costs more than the search itself on the short words rules look at.
/// This scans for the first byte and compares the rest: O(len(hay) × len(needle)), and the
/// needles are short literals, so it stays linear in the input. In long texts (whole
/// instruction lines) the first byte is looked for eight bytes at a time.
#[must_use]
pub fn contains(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let last_start = hay.len().saturating_sub(needle.len());
    let mut i = 0;
    while i <= last_start && hay.len() >= needle.len() {
        let found = hay.get(i..=last_start).and_then(|s| {
            if s.len() >= LONG {
                find_either(s, first, first)
            } else {
                s.iter().position(|&b| b == first)
            }
        });
        match found {
            Some(p) => {
                let at = i + p;
                if hay.get(at + 1..at + needle.len()) == Some(rest) {
                    return true;
                }
                i = at + 1;
            }
            None => return false,
        }
    }
    false
}

/// From this length on, [`contains`] searches with [`find_either`]: below it the word-wise
/// search's set-up costs more than it saves.
const LONG: usize = 32;

/// The offset of the first `a` or `b` in `hay` (pass the same byte twice for one).
///
/// Lines are found in every file by the scanner and again by the position index. Eight bytes
/// are tested at once (no SIMD in portable WebAssembly): most lines are tens of bytes long, so
/// this takes several times fewer steps than testing byte by byte.
#[must_use]
pub fn find_either(hay: &[u8], a: u8, b: u8) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let (wa, wb) = (ONES * u64::from(a), ONES * u64::from(b));
    // Some byte of `x` is zero ⇔ this is non-zero (the classic test; exact as to whether).
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let mut chunks = hay.chunks_exact(8);
    let mut at = 0;
    for chunk in chunks.by_ref() {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(word);
        if has_zero(x ^ wa) | has_zero(x ^ wb) != 0 {
            break;
        }
        at += 8;
    }
    hay.get(at..)?
        .iter()
        .position(|&c| c == a || c == b)
        .map(|i| at + i)
}

/// Whitespace as `char::is_whitespace` sees it, for ASCII bytes.
#[inline(always)]
const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

// `str::trim*` decode every char against the Unicode whitespace table, which is slow in the
// size-optimised WebAssembly build; Dockerfile text is nearly all ASCII. These give the same
// results: ASCII is handled byte by byte and `str`'s own trim takes over at the first
// non-ASCII byte.

/// `str::trim_start`.
#[must_use]
pub fn trim_start(s: &str) -> &str {
    let i = s
        .bytes()
        .position(|b| !is_ascii_space(b))
        .unwrap_or(s.len());
    let rest = s.get(i..).unwrap_or("");
    if rest.as_bytes().first().is_some_and(|b| !b.is_ascii()) {
        rest.trim_start()
    } else {
        rest
    }
}

/// `str::trim_end`.
#[must_use]
pub fn trim_end(s: &str) -> &str {
    let j = s
        .bytes()
        .rposition(|b| !is_ascii_space(b))
        .map_or(0, |j| j + 1);
    let rest = s.get(..j).unwrap_or("");
    if rest.as_bytes().last().is_some_and(|b| !b.is_ascii()) {
        rest.trim_end()
    } else {
        rest
    }
}

/// `str::trim`.
#[must_use]
pub fn trim(s: &str) -> &str {
    trim_end(trim_start(s))
}

#[cfg(test)]
mod tests {
    use super::{contains, find_either};

    #[test]
    fn trims_agree_with_str() {
        let parts = [
            "", " ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{1c}", "\u{a0}", "\u{85}", "\u{3000}",
            "a", "é", "😀", "\u{200b}",
        ];
        let mut rng = crate::util::test_rng();
        for _ in 0..20_000 {
            let text = crate::util::random_text(&mut rng, &parts, 7);
            assert_eq!(super::trim_start(&text), text.trim_start(), "{text:?}");
            assert_eq!(super::trim_end(&text), text.trim_end(), "{text:?}");
            assert_eq!(super::trim(&text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn finds_the_first_line_break_at_every_offset() {
        for len in 0..40 {
            for at in 0..=len {
                for brk in [b'\n', b'\r'] {
                    let mut hay = vec![b'a'; len];
                    // Bytes next to the break's value must not be taken for it.
                    for (i, b) in hay.iter_mut().enumerate() {
                        *b = [b'\t', b'\x0b', b'\x0c', b'\x0e', 0x8a, 0x8d, b'a'][i % 7];
                    }
                    let want = (at < len).then_some(at);
                    if let Some(i) = want {
                        hay[i] = brk;
                        if i + 1 < len {
                            hay[i + 1] = b'\n';
                        }
                    }
                    assert_eq!(
                        find_either(&hay, b'\n', b'\r'),
                        want,
                        "len {len}, at {at}, {brk}"
                    );
                    let lf = hay.iter().position(|&c| c == b'\n');
                    assert_eq!(
                        find_either(&hay, b'\n', b'\n'),
                        lf,
                        "len {len}, at {at}, {brk}"
                    );
                }
            }
        }
    }

    #[test]
    fn agrees_with_str_contains() {
        let hays = [
            "",
            "a",
            "docker.sock",
            "/var/run/docker.sock",
            "dockedocker.sock",
            "ééx",
            "xdocker.so",
            // Long enough for the word-wise search, with near misses before the match.
            "RUN cat <<-EOF > /etc/app.conf && docker.soc docker.sock",
            "RUN apt-get update && apt-get install -y curl ca-certificates é",
            "< < << dockerdocker.sockx............................................x",
        ];
        let needles = [
            "",
            "d",
            "docker.sock",
            "k.s",
            "é",
            "x",
            "sock",
            "zz",
            "<<",
            "y c",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(contains(h, n), h.contains(n), "{h:?} / {n:?}");
            }
        }
    }
}
