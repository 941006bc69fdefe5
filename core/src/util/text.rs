//! Substring search for the hot paths of rules.

/// Whether `hay` contains the literal `needle`.
///
/// `str::contains` sets up a Two-Way searcher on every call; in WebAssembly (no SIMD fast
/// path) that set-up costs more than the search itself on the short words rules look at.
/// This scans for the first byte and compares the rest: O(len(hay) × len(needle)), and the
/// needles are short literals, so it stays linear in the input.
#[must_use]
pub fn contains(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let last_start = hay.len().saturating_sub(needle.len());
    let mut i = 0;
    while i <= last_start && hay.len() >= needle.len() {
        match hay
            .get(i..=last_start)
            .and_then(|s| s.iter().position(|&b| b == first))
        {
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

#[cfg(test)]
mod tests {
    use super::contains;

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
        ];
        let needles = ["", "d", "docker.sock", "k.s", "é", "x", "sock", "zz"];
        for h in hays {
            for n in needles {
                assert_eq!(contains(h, n), h.contains(n), "{h:?} / {n:?}");
            }
        }
    }
}
