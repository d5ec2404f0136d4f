//! Exact text search that looks near an expected place first and widens only when needed, so
//! re-anchoring many annotations in a long text stays cheap.

use std::ops::Range;

/// Half-widths, in bytes, of the windows searched in turn around the expected place; the last
/// covers any text.
const RADII: [usize; 3] = [4 * 1024, 64 * 1024, usize::MAX];

/// How well an occurrence fits what was expected, from the caller's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Fit {
    /// Higher is better (e.g. characters of matching context).
    pub score: usize,
    /// Whether the occurrence is good enough to stop widening the search.
    pub confirmed: bool,
}

/// The occurrence of `needle` (non-empty) in `text` that fits best, preferring the nearest to
/// byte `expected` among equal fits. Searches windows of growing size around `expected` and
/// stops at the first window holding a confirmed occurrence. Returns the byte offset.
pub fn find_near(
    text: &str,
    needle: &str,
    expected: usize,
    fit: impl Fn(usize) -> Fit,
) -> Option<usize> {
    if needle.is_empty() || needle.len() > text.len() {
        return None;
    }
    let expected = expected.min(text.len());
    let mut best: Option<(Fit, usize, usize)> = None;
    let mut searched = 0..0;
    for radius in RADII {
        let window = floor_boundary(text, expected.saturating_sub(radius))
            ..ceil_boundary(
                text,
                expected.saturating_add(radius).saturating_add(needle.len()),
            );
        for start in occurrences(text, needle, window.clone()) {
            if searched.contains(&start) {
                continue;
            }
            let candidate = (fit(start), start.abs_diff(expected), start);
            let better = best.is_none_or(|(fit, distance, _)| {
                candidate.0.score > fit.score
                    || (candidate.0.score == fit.score && candidate.1 < distance)
            });
            if better {
                best = Some(candidate);
            }
        }
        if best.is_some_and(|(fit, _, _)| fit.confirmed) || window == (0..text.len()) {
            break;
        }
        searched = window;
    }
    best.map(|(_, _, start)| start)
}

/// Byte offsets of every occurrence of `needle` starting inside `window`, overlapping ones
/// included. Uses `memchr`'s SIMD substring search: a quote that is not nearby costs a scan of
/// the whole text, which must stay cheap for megabyte articles.
fn occurrences(text: &str, needle: &str, window: Range<usize>) -> Vec<usize> {
    let haystack = &text.as_bytes()[window.start..window.end.max(window.start)];
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let mut found = Vec::new();
    let mut from = 0;
    while from < haystack.len() {
        let Some(at) = finder.find(&haystack[from..]) else {
            break;
        };
        let start = from + at;
        found.push(window.start + start);
        from = start
            + text[window.start + start..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
    }
    found
}

/// Number of bytes at the end of `before` that equal the end of `prefix`, counted in whole
/// characters.
pub fn common_suffix_len(before: &str, prefix: &str) -> usize {
    before
        .chars()
        .rev()
        .zip(prefix.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum()
}

/// Number of bytes at the start of `after` that equal the start of `suffix`.
pub fn common_prefix_len(after: &str, suffix: &str) -> usize {
    after
        .chars()
        .zip(suffix.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum()
}

/// The largest char boundary of `text` at or before `index` (clamped to the text).
pub fn floor_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The smallest char boundary of `text` at or after `index` (clamped to the text).
pub fn ceil_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index += 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nearest(_: usize) -> Fit {
        Fit {
            score: 0,
            confirmed: true,
        }
    }

    #[test]
    fn nearest_occurrence_to_the_expected_place_wins() {
        // Repeated phrases are common; the one where the annotation was is the likely one.
        let text = "ab x ab x ab x ab";
        assert_eq!(find_near(text, "ab", 9, nearest), Some(10));
        assert_eq!(find_near(text, "ab", 0, nearest), Some(0));
        assert_eq!(find_near(text, "zz", 5, nearest), None);
    }

    #[test]
    fn a_better_fit_far_away_beats_a_poor_one_nearby() {
        // When the text moved far, the nearby repeat without matching context must not win.
        let filler = "y".repeat(100_000);
        let text = format!("ab here {filler} ab there");
        let far = text.rfind("ab").unwrap();
        let fit = |start: usize| {
            let ok = text[start..].starts_with("ab there");
            Fit {
                score: usize::from(ok),
                confirmed: ok,
            }
        };
        assert_eq!(find_near(&text, "ab", 0, fit), Some(far));
    }

    #[test]
    fn overlapping_and_multibyte_occurrences_are_found() {
        // "aa" in "aaa" occurs twice; offsets must stay on char boundaries.
        assert_eq!(occurrences("aaa", "aa", 0..3), vec![0, 1]);
        assert_eq!(occurrences("éaéa", "éa", 0..6), vec![0, 3]);
        assert_eq!(floor_boundary("é", 1), 0);
        assert_eq!(ceil_boundary("é", 1), 2);
    }
}
