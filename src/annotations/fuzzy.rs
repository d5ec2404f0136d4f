//! Approximate matching for re-anchoring passages edited inside: where does a pattern occur
//! with the fewest edits (Sellers' semi-global edit distance), and how similar are two texts.
//!
//! The alignment is written here rather than taken from `diff-match-patch-rs`: its `match_main`
//! returns only a start offset (no end, no error count to derive a confidence from), caps
//! patterns at 32 characters and copies the whole text on each call. Similarity uses the
//! maintained `similar` crate (Myers' diff, fast on near-identical texts).

use std::time::Duration;

/// An approximate occurrence of a pattern in a window of characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alignment {
    /// Index of the first matched character in the window.
    pub start: usize,
    /// Index one past the last matched character.
    pub end: usize,
    /// Edits (insertions, deletions, substitutions) needed to turn the match into the pattern.
    pub distance: usize,
}

/// The occurrence of `pattern` in `text` with the fewest edits; among equals, the one starting
/// nearest to `target`. `O(pattern × text)`: callers keep both short.
pub fn align(pattern: &[char], text: &[char], target: usize) -> Option<Alignment> {
    if pattern.is_empty() || text.is_empty() {
        return None;
    }
    // Column j of the table: cost[i] = fewest edits matching pattern[..i] to a text run ending
    // at j; origin[i] = where that run starts.
    let rows = pattern.len() + 1;
    let mut cost: Vec<usize> = (0..rows).collect();
    let mut origin = vec![0; rows];
    let mut best: Option<Alignment> = None;
    let consider = |candidate: Alignment, best: &mut Option<Alignment>| {
        let better = best.is_none_or(|b| {
            candidate.distance < b.distance
                || (candidate.distance == b.distance
                    && candidate.start.abs_diff(target) < b.start.abs_diff(target))
        });
        if better {
            *best = Some(candidate);
        }
    };
    consider(
        Alignment {
            start: 0,
            end: 0,
            distance: cost[pattern.len()],
        },
        &mut best,
    );
    for (j, &ch) in text.iter().enumerate() {
        let mut diagonal = (cost[0], origin[0]);
        cost[0] = 0;
        origin[0] = j + 1;
        for i in 1..rows {
            let above = (cost[i - 1] + 1, origin[i - 1]);
            let left = (cost[i] + 1, origin[i]);
            let substitute = (diagonal.0 + usize::from(pattern[i - 1] != ch), diagonal.1);
            diagonal = (cost[i], origin[i]);
            let chosen = [substitute, above, left]
                .into_iter()
                .min_by_key(|&(c, _)| c)
                .unwrap_or(substitute);
            cost[i] = chosen.0;
            origin[i] = chosen.1;
        }
        consider(
            Alignment {
                start: origin[pattern.len()],
                end: j + 1,
                distance: cost[pattern.len()],
            },
            &mut best,
        );
    }
    best
}

/// Similarity of two texts from 0 (nothing in common) to 1 (equal): twice the characters they
/// share in order over their total length.
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let diff = similar::TextDiff::configure()
        .timeout(Duration::from_millis(50))
        .diff_chars(a, b);
    f64::from(diff.ratio())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn finds_a_passage_with_a_typo_and_reports_the_edits() {
        // Re-anchoring must survive small corrections inside a highlighted passage.
        let text = chars("the quick brown fox jumps");
        let found = align(&chars("quikc brown"), &text, 0).unwrap();
        assert_eq!((found.start, found.end), (4, 15));
        assert_eq!(found.distance, 2);
    }

    #[test]
    fn ties_go_to_the_occurrence_nearest_the_target() {
        // A repeated phrase: the copy where the highlight used to be is the likely one.
        let text = chars("cat dog cat dog cat");
        assert_eq!(align(&chars("cat"), &text, 9).unwrap().start, 8);
        assert_eq!(align(&chars("cat"), &text, 17).unwrap().start, 16);
    }

    #[test]
    fn similarity_ranges_from_zero_to_one() {
        // Confidence values are reported to users: equal text is 1, unrelated text near 0.
        assert_eq!(similarity("same", "same"), 1.0);
        assert!(similarity("abcdefgh", "abcdefgx") > 0.8);
        assert!(similarity("abcdefgh", "zyxwvuts") < 0.2);
    }
}
