//! Constant tables of names (command names, wrappers, shells) looked up by first byte.
//!
//! A `match` on strings, or `slice.contains(&name)`, compares the name with every candidate
//! in turn, and in the size-optimised WebAssembly build each compare is a call. The parser
//! classifies every command against several such lists, so it looks names up here instead:
//! the first byte selects the few entries that start with it, and only those of equal length
//! are compared.

/// Entries grouped by first byte, with each group's bounds.
pub(crate) struct Names<T: 'static> {
    entries: &'static [(&'static str, T)],
    /// For each first byte, the `start..end` of its entries.
    groups: [(u8, u8); 256],
}

impl<T> Names<T> {
    /// Indexes `entries`, which must list names with the same first byte together, hold at
    /// most 255 entries and no empty name: checked when the constant is evaluated, so a bad
    /// table does not compile.
    pub(crate) const fn new(entries: &'static [(&'static str, T)]) -> Self {
        assert!(entries.len() < 256, "at most 255 names");
        let mut groups = [(0u8, 0u8); 256];
        let mut i = 0;
        while i < entries.len() {
            let name = entries[i].0.as_bytes();
            assert!(!name.is_empty(), "empty name");
            let first = name[0] as usize;
            assert!(
                groups[first].1 == 0,
                "names with the same first byte must be listed together"
            );
            let start = i;
            while i < entries.len() && entries[i].0.as_bytes()[0] as usize == first {
                i += 1;
            }
            // Both fit in u8: checked above.
            groups[first] = (start as u8, i as u8);
        }
        Self { entries, groups }
    }

    /// The value listed for `name`, if it is listed.
    pub(crate) fn get(&self, name: &str) -> Option<&'static T> {
        let b = name.as_bytes();
        let (start, end) = self.groups[usize::from(*b.first()?)];
        self.entries
            .get(usize::from(start)..usize::from(end))?
            .iter()
            .find(|(n, _)| n.len() == b.len() && n.as_bytes() == b)
            .map(|(_, v)| v)
    }

    /// Every entry, in table order.
    #[cfg(test)]
    pub(crate) fn entries(&self) -> &'static [(&'static str, T)] {
        self.entries
    }

    /// Whether `name` is listed.
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::Names;

    const TABLE: Names<u8> = Names::new(&[
        ("sh", 1),
        ("sudo", 2),
        ("su", 3),
        ("bash", 4),
        ("busybox", 5),
        ("é", 6),
    ]);

    #[test]
    fn finds_exactly_the_listed_names() {
        for (name, v) in TABLE.entries() {
            assert_eq!(TABLE.get(name), Some(v), "{name}");
        }
        for name in [
            "", "s", "sud", "sudoo", "Sh", "bas", "ash", "zsh", "e", "\u{e8}",
        ] {
            assert_eq!(TABLE.get(name), None, "{name}");
            assert!(!TABLE.contains(name));
        }
    }
}
