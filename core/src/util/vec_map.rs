//! A map kept as a `Vec` of pairs sorted by key.
//!
//! The engine's maps (config tables, severities, label schemas) hold a handful of keys.
//! `BTreeMap`'s node code (search, insert with splits, remove with merges, clone of subtrees)
//! is instantiated anew for every key/value type: ~43 KB of the WebAssembly module before
//! `wasm-opt`. A sorted `Vec` needs a binary search and `Vec::insert`, and iterates in the same
//! key order, so everything printed from these maps comes out as before.
//!
//! Inserting in key order is O(1) amortised per entry; inserting out of order moves the entries
//! after it, so maps built from input (`collect`, `extend`) sort once instead: O(n log n).

use std::borrow::Borrow;
use std::fmt;

use serde::ser::{Serialize, SerializeMap, Serializer};

/// A map sorted by key (see the module docs). Iterates as `&(K, V)` in key order.
#[derive(Clone, PartialEq, Eq)]
pub struct VecMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> VecMap<K, V> {
    #[must_use]
    pub const fn new() -> Self {
        Self {
            entries: Vec::new(),
        }
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> std::slice::Iter<'_, (K, V)> {
        self.entries.iter()
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.entries.iter().map(|(_, v)| v)
    }

    /// Keeps the entries for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }
}

impl<K: Ord, V> VecMap<K, V> {
    /// `Ok(index)` of `key`, or `Err(index)` where it would go.
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    #[must_use]
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        self.entries.get(i).map(|(_, v)| v)
    }

    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        self.entries.get_mut(i).map(|(_, v)| v)
    }

    #[must_use]
    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`; the previous value, if any.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        // Appending is the common case (keys arrive sorted) and skips the search.
        if self.entries.last().is_none_or(|(last, _)| *last < key) {
            self.entries.push((key, value));
            return None;
        }
        match self.find(&key) {
            Ok(i) => self
                .entries
                .get_mut(i)
                .map(|slot| std::mem::replace(&mut slot.1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        Some(self.entries.remove(i).1)
    }

    /// The value at `key`, inserted with `make` first when missing (`entry().or_insert_with()`).
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (key, make()));
                i
            }
        };
        &mut self.entries[i].1
    }
}

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for VecMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.entries.iter().map(|(k, v)| (k, v)))
            .finish()
    }
}

/// Like inserting the pairs one by one (a later pair replaces an earlier one with the same
/// key), in O(n log n).
impl<K: Ord, V> Extend<(K, V)> for VecMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, pairs: I) {
        let old = self.entries.len();
        self.entries.extend(pairs);
        if self.entries.len() != old {
            self.sort_dedup();
        }
    }
}

impl<K: Ord, V> VecMap<K, V> {
    /// Restores key order after pushes. Apart from `extend` so that it is instantiated once
    /// per key/value type, not once per iterator type.
    fn sort_dedup(&mut self) {
        // Stable: among equal keys the last one pushed is the one to keep.
        crate::util::sort::sort_by(&mut self.entries, |a, b| a.0.cmp(&b.0));
        let mut kept: Vec<(K, V)> = Vec::with_capacity(self.entries.len());
        for e in self.entries.drain(..) {
            match kept.last_mut() {
                Some(last) if last.0 == e.0 => *last = e,
                _ => kept.push(e),
            }
        }
        self.entries = kept;
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for VecMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut map = Self::new();
        map.extend(pairs);
        map
    }
}

impl<K, V> IntoIterator for VecMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a VecMap<K, V> {
    type Item = &'a (K, V);
    type IntoIter = std::slice::Iter<'a, (K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter()
    }
}

impl<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V> std::ops::Index<&Q> for VecMap<K, V> {
    type Output = V;

    /// # Panics
    /// When `key` is missing, like `BTreeMap`'s.
    fn index(&self, key: &Q) -> &V {
        match self.get(key) {
            Some(v) => v,
            None => panic!("key not in VecMap"),
        }
    }
}

impl<K: Serialize, V: Serialize> Serialize for VecMap<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.len()))?;
        for (k, v) in &self.entries {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_like_a_btreemap() {
        let mut ours = VecMap::new();
        let mut std_map = std::collections::BTreeMap::new();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for round in 0..2000 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let key = (seed >> 33) % 97;
            match round % 5 {
                0 => assert_eq!(ours.remove(&key), std_map.remove(&key)),
                1 => assert_eq!(ours.get(&key), std_map.get(&key)),
                _ => assert_eq!(ours.insert(key, round), std_map.insert(key, round)),
            }
            assert_eq!(ours.len(), std_map.len());
        }
        let pairs: Vec<(u64, i32)> = ours.iter().copied().collect();
        let std_pairs: Vec<(u64, i32)> = std_map.into_iter().collect();
        assert_eq!(pairs, std_pairs);
    }

    #[test]
    fn entry_retain_collect() {
        let mut m: VecMap<String, Vec<u8>> = [("b".into(), vec![1]), ("a".into(), vec![2])]
            .into_iter()
            .collect();
        m.get_or_insert_with("b".into(), Vec::new).push(3);
        m.get_or_insert_with("c".into(), Vec::new).push(4);
        assert_eq!(m["b"], [1, 3]);
        assert!(m.contains_key("c"));
        m.retain(|k, _| k != "a");
        assert_eq!(m.keys().map(String::as_str).collect::<Vec<_>>(), ["b", "c"]);
        assert_eq!(format!("{m:?}"), r#"{"b": [1, 3], "c": [4]}"#);
    }
}
