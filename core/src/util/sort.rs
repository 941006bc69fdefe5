//! One small sort for the whole engine.
//!
//! std's `sort_unstable_by*` is instantiated anew for every element type and comparator, and
//! each instantiation brings its own quicksort, heapsort and sorting networks: in the WebAssembly
//! build that was ~240 functions and ~65 KB before `wasm-opt`. Here the algorithm is written once,
//! over indices (a bottom-up merge sort of `usize`s behind a `dyn` comparator), and the generic
//! shims only compare two elements and swap them into place.
//!
//! The sort is stable: equal elements keep their order. That is a valid result for every former
//! `sort_unstable*` call site, and the same as std's stable `sort_by*`.

use std::cmp::Ordering;

/// Sorts `v` by the key `key` extracts, stably, in O(n log n).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` with the comparator `compare`, stably, in O(n log n).
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    // Indices come from `0..v.len()`: the checks never fail, `get` only keeps panics out.
    let order = sorted_order(v.len(), &mut |i, j| match (v.get(i), v.get(j)) {
        (Some(a), Some(b)) => compare(a, b),
        _ => Ordering::Equal,
    });
    permute(order, &mut |i, j| {
        if i < v.len() && j < v.len() {
            v.swap(i, j);
        }
    });
}

/// The indices `0..n` in sorted order: element `order[k]` belongs at position `k`. A bottom-up
/// merge sort; taking from the left run on ties keeps it stable.
fn sorted_order(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut merged = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = n.min(lo + width);
            let hi = n.min(mid + width);
            let (mut i, mut j) = (lo, mid);
            // Indexing a slice is inline; indexing the `Vec` is a call per access in the
            // size-optimised build.
            let from = order.as_slice();
            for slot in &mut merged[lo..hi] {
                let take_left = i < mid && (j == hi || compare(from[i], from[j]).is_le());
                if take_left {
                    *slot = from[i];
                    i += 1;
                } else {
                    *slot = from[j];
                    j += 1;
                }
            }
            lo = hi;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Moves element `order[k]` to position `k` with swaps, one cycle of the permutation at a time.
fn permute(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    let order = order.as_mut_slice();
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            // Position `at` is final (now or, when `from == start`, already); mark it done.
            order[at] = at;
            if from == start {
                break;
            }
            swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_cases() {
        let mut empty: [u8; 0] = [];
        sort_by_key(&mut empty, |&x| x);
        let mut one = [7];
        sort_by_key(&mut one, |&x| x);
        assert_eq!(one, [7]);
        let mut v = [3, 1, 2];
        sort_by_key(&mut v, |&x| x);
        assert_eq!(v, [1, 2, 3]);
        let mut v = vec!["b", "c", "a", "b"];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, ["c", "b", "b", "a"]);
    }

    #[test]
    fn stable_on_ties() {
        let mut v = [(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |&(k, _)| k);
        assert_eq!(v, [(0, 'b'), (0, 'd'), (1, 'a'), (1, 'c'), (1, 'e')]);
    }

    #[test]
    fn moves_non_copy_values() {
        let mut v: Vec<String> = ["pear", "fig", "apple", "kiwi"]
            .into_iter()
            .map(String::from)
            .collect();
        sort_by_key(&mut v, String::len);
        assert_eq!(v, ["fig", "pear", "kiwi", "apple"]);
    }

    /// Random slices (lengths 0..=300, few and many distinct keys) sort exactly as std's stable
    /// sort does, ties included.
    #[test]
    fn matches_std_stable_sort() {
        let mut next = crate::util::test_rng();
        for round in 0..2000 {
            let len = usize::try_from(next() % 301).unwrap();
            let distinct = [1, 2, 5, 50, u64::MAX][round % 5];
            let v: Vec<(u64, usize)> = (0..len).map(|i| (next() % distinct, i)).collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut std_sorted = v.clone();
            std_sorted.sort_by_key(|&(k, _)| k);
            assert_eq!(ours, std_sorted, "len {len}, {distinct} distinct keys");
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut std_desc = v;
            std_desc.sort_by_key(|x| std::cmp::Reverse(x.0));
            assert_eq!(ours, std_desc, "descending, len {len}");
        }
    }
}
