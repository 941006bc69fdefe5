//! "Did you mean …?" suggestions by edit distance.

/// Optimal string alignment distance (Levenshtein plus adjacent swaps), case-insensitive.
/// Inputs are capped at 64 chars, so this stays cheap on hostile input.
#[must_use]
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().take(64).map(|c| c.to_ascii_lowercase()).collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

/// The closest candidate within a distance proportional to the word's length.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    closest_in(word, &mut candidates.into_iter())
}

/// `closest`'s body, behind `dyn` so that it is compiled once, not per candidate iterator.
fn closest_in<'a>(word: &str, candidates: &mut dyn Iterator<Item = &'a str>) -> Option<&'a str> {
    let len = word.chars().count();
    let limit = (len / 3).clamp(1, 3);
    // The distance is at least the difference in length (of the first 64 characters, which
    // is all `distance` reads): most candidates are ruled out without computing it.
    let len64 = len.min(64);
    candidates
        .filter(|c| c.chars().take(64).count().abs_diff(len64) <= limit)
        .map(|c| (distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        // Ties go to the alphabetically first candidate, so the answer does not depend on
        // the order the candidates come in (some come from hash maps).
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
        .map(|(_, c)| c)
}

/// A budget for "did you mean" searches. A rule that suggests a name for each finding
/// compares it with every name the file declares: quadratic when a hostile file has thousands
/// of both. Each search first spends the number of its candidates; once the budget is spent,
/// later findings get no suggestion. Real files stay far below it (the corpus's largest
/// search set has 20 names), so only hostile input loses suggestions.
pub struct SuggestBudget {
    left: usize,
}

impl Default for SuggestBudget {
    fn default() -> Self {
        Self { left: 20_000 }
    }
}

impl SuggestBudget {
    /// Whether a search among `candidates` names may run (and pays for it if so).
    pub fn spend(&mut self, candidates: usize) -> bool {
        match self.left.checked_sub(candidates) {
            Some(left) => {
                self.left = left;
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses() {
        assert_eq!(closest("RUNN", ["RUN", "ARG", "FROM"]), Some("RUN"));
        assert_eq!(closest("form", ["RUN", "ARG", "FROM"]), Some("FROM"));
        assert_eq!(closest("xyzzy", ["RUN", "ARG"]), None);
        assert_eq!(distance("ab", "ba"), 1);
        assert_eq!(closest("C", ["B", "A"]), Some("A"));
        assert_eq!(closest("C", ["A", "B"]), Some("A"));
    }

    #[test]
    fn the_budget_runs_out() {
        let mut b = SuggestBudget::default();
        assert_eq!((0..100).filter(|_| b.spend(1000)).count(), 20);
        assert!(b.spend(0));
        assert!(!b.spend(1));
    }
}
