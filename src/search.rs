//! Text search over an article, as the reader's `/` and `?` use it: every match of a literal
//! query with smart case, next and previous match from a position with wrap-around, and cheap
//! re-search while the query is being typed.
//!
//! Smart case: a query with no upper-case letter matches regardless of case, one with an
//! upper-case letter matches exactly. Case-insensitive matching uses Unicode simple case
//! folding (`Straße` finds `STRAßE`, `σ` finds `Σ` and `ς`, `k` finds the Kelvin sign), so
//! matches keep their length per character and are reported as byte ranges of the text.

use std::ops::Range;

use regex::{Regex, RegexBuilder};

/// Compiled size allowed for one query; a query needing more is refused with
/// [`SearchError::TooLong`] rather than slowing the reader down.
const SIZE_LIMIT: usize = 16 * 1024 * 1024;

/// Which way a search goes from the current position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Towards the end of the text (`/`, `n` after `/`).
    Forward,
    /// Towards the beginning (`?`, `n` after `?`).
    Backward,
}

impl Direction {
    /// The other direction (`N` repeats a search the other way).
    pub fn reversed(self) -> Direction {
        match self {
            Direction::Forward => Direction::Backward,
            Direction::Backward => Direction::Forward,
        }
    }
}

/// A query that cannot be searched for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchError {
    /// The query is too long to compile within [`SIZE_LIMIT`].
    TooLong {
        /// Its length in characters.
        chars: usize,
    },
}

impl std::fmt::Display for SearchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SearchError::TooLong { chars } => {
                write!(f, "search query too long ({chars} characters)")
            }
        }
    }
}

impl std::error::Error for SearchError {}

/// Whether `query` is matched case-sensitively: only when it holds an upper-case letter.
pub fn is_case_sensitive(query: &str) -> bool {
    query.chars().any(char::is_uppercase)
}

/// A compiled literal query.
#[derive(Debug, Clone)]
struct Pattern {
    /// Finds the query anywhere.
    anywhere: Regex,
    /// Matches the query only at the start of the haystack.
    anchored: Regex,
}

impl Pattern {
    fn new(query: &str) -> Result<Pattern, SearchError> {
        let insensitive = !is_case_sensitive(query);
        let escaped = regex::escape(query);
        let build = |source: &str| {
            RegexBuilder::new(source)
                .case_insensitive(insensitive)
                .size_limit(SIZE_LIMIT)
                .build()
                .map_err(|_| SearchError::TooLong {
                    chars: query.chars().count(),
                })
        };
        Ok(Pattern {
            anywhere: build(&escaped)?,
            anchored: build(&format!("^(?:{escaped})"))?,
        })
    }

    /// Every non-overlapping match in `text`, leftmost first.
    fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        self.anywhere.find_iter(text).map(|m| m.range()).collect()
    }

    /// The match starting exactly at byte `start`, if any.
    fn match_at(&self, text: &str, start: usize) -> Option<Range<usize>> {
        self.anchored
            .find(&text[start..])
            .map(|m| start + m.start()..start + m.end())
    }

    /// The non-overlapping matches (leftmost first) among those starting inside `earlier`,
    /// the matches of a query this one extends.
    ///
    /// Correct because a match of the longer query at `p` is a match of the shorter one at
    /// `p` (simple case folding maps character to character), and every position where the
    /// shorter query matches lies inside one of its non-overlapping matches: a leftmost scan
    /// only skips a position when a match it already reported covers it.
    fn refine(&self, text: &str, earlier: &[Range<usize>]) -> Vec<Range<usize>> {
        let mut found: Vec<Range<usize>> = Vec::new();
        for range in earlier {
            for (offset, _) in text[range.clone()].char_indices() {
                let start = range.start + offset;
                if found.last().is_some_and(|last| start < last.end) {
                    continue;
                }
                if let Some(hit) = self.match_at(text, start) {
                    found.push(hit);
                }
            }
        }
        found
    }
}

/// Every non-overlapping match of `query` in `text` with smart case, as byte ranges in
/// ascending order. An empty query matches nothing.
pub fn find_all(text: &str, query: &str) -> Result<Vec<Range<usize>>, SearchError> {
    if query.is_empty() {
        return Ok(Vec::new());
    }
    Ok(Pattern::new(query)?.find_all(text))
}

/// A match chosen by [`Matches::next_from`] and friends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the match in [`Matches::ranges`].
    pub index: usize,
    /// Whether the search went past one end of the text and continued from the other.
    pub wrapped: bool,
}

/// The matches of one query in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matches {
    /// The query as typed.
    pub query: String,
    /// Byte ranges of the matches, ascending and non-overlapping.
    pub ranges: Vec<Range<usize>>,
}

impl Matches {
    /// Number of matches.
    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    /// Whether there are no matches.
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// The first match starting strictly after byte `position`, else the first match (wrapped).
    pub fn next_after(&self, position: usize) -> Option<Hit> {
        let index = self.ranges.partition_point(|r| r.start <= position);
        self.wrap_forward(index)
    }

    /// The first match starting at or after byte `position`, else the first match (wrapped):
    /// where an incremental search lands while the query is typed.
    pub fn next_from(&self, position: usize) -> Option<Hit> {
        let index = self.ranges.partition_point(|r| r.start < position);
        self.wrap_forward(index)
    }

    /// The last match starting strictly before byte `position`, else the last match (wrapped).
    pub fn previous_before(&self, position: usize) -> Option<Hit> {
        let index = self.ranges.partition_point(|r| r.start < position);
        self.wrap_backward(index)
    }

    /// The last match starting at or before byte `position`, else the last match (wrapped).
    pub fn previous_from(&self, position: usize) -> Option<Hit> {
        let index = self.ranges.partition_point(|r| r.start <= position);
        self.wrap_backward(index)
    }

    /// The next match in `direction` from a match (or cursor) at byte `position`, excluding a
    /// match starting there: what `n` and `N` do.
    pub fn step(&self, position: usize, direction: Direction) -> Option<Hit> {
        match direction {
            Direction::Forward => self.next_after(position),
            Direction::Backward => self.previous_before(position),
        }
    }

    /// The nearest match in `direction` from byte `position`, including one starting there:
    /// where typing a query moves to.
    pub fn nearest(&self, position: usize, direction: Direction) -> Option<Hit> {
        match direction {
            Direction::Forward => self.next_from(position),
            Direction::Backward => self.previous_from(position),
        }
    }

    /// Index of the match containing byte `position`, if any.
    pub fn containing(&self, position: usize) -> Option<usize> {
        let index = self.ranges.partition_point(|r| r.end <= position);
        self.ranges
            .get(index)
            .filter(|r| r.start <= position)
            .map(|_| index)
    }

    /// Indices of the matches overlapping byte range `span` (to mark the ones on screen).
    pub fn overlapping(&self, span: Range<usize>) -> Range<usize> {
        let start = self.ranges.partition_point(|r| r.end <= span.start);
        let end = self.ranges.partition_point(|r| r.start < span.end);
        start..end.max(start)
    }

    /// The status-bar counter for match `index`: `"3/17"` (1-based).
    pub fn counter(&self, index: usize) -> String {
        format!("{}/{}", index + 1, self.len())
    }

    fn wrap_forward(&self, index: usize) -> Option<Hit> {
        if self.ranges.is_empty() {
            None
        } else if index < self.ranges.len() {
            Some(Hit {
                index,
                wrapped: false,
            })
        } else {
            Some(Hit {
                index: 0,
                wrapped: true,
            })
        }
    }

    fn wrap_backward(&self, index: usize) -> Option<Hit> {
        match index.checked_sub(1) {
            _ if self.ranges.is_empty() => None,
            Some(index) => Some(Hit {
                index,
                wrapped: false,
            }),
            None => Some(Hit {
                index: self.ranges.len() - 1,
                wrapped: true,
            }),
        }
    }
}

/// How many times cheaper, per byte, a scan of the whole text is than anchored checks at every
/// character of earlier matches (measured with `benches/search.rs`).
const REFINE_COST_RATIO: usize = 32;

/// Whether checking the characters of `earlier` matches is cheaper than searching all of
/// `text` again: true for rare queries, false for a single common letter.
fn worth_refining(text: &str, earlier: &[Range<usize>]) -> bool {
    let covered: usize = earlier.iter().map(ExactSizeIterator::len).sum();
    covered.saturating_mul(REFINE_COST_RATIO) < text.len()
}

/// A search that is re-run as its query is typed.
///
/// Keeps the matches of each query typed so far: when the query grows, only the previous
/// matches are re-examined; when it shrinks back (Backspace), the earlier result is reused.
/// The text must be the same on every call.
#[derive(Debug, Clone, Default)]
pub struct IncrementalSearch {
    /// Results for successively longer queries, each extending the one before.
    steps: Vec<Matches>,
}

impl IncrementalSearch {
    /// A search with no query yet.
    pub fn new() -> Self {
        IncrementalSearch::default()
    }

    /// The matches of `query` in `text`, computed from earlier results where possible.
    pub fn update(&mut self, text: &str, query: &str) -> Result<&Matches, SearchError> {
        while self
            .steps
            .last()
            .is_some_and(|last| !query.starts_with(&last.query))
        {
            self.steps.pop();
        }
        if self.steps.last().is_none_or(|last| last.query != query) {
            let ranges = if query.is_empty() {
                Vec::new()
            } else {
                let pattern = Pattern::new(query)?;
                match self.steps.last() {
                    Some(last) if worth_refining(text, &last.ranges) => {
                        pattern.refine(text, &last.ranges)
                    }
                    _ => pattern.find_all(text),
                }
            };
            self.steps.push(Matches {
                query: query.to_owned(),
                ranges,
            });
        }
        Ok(self.current())
    }

    /// The matches of the last query given to [`IncrementalSearch::update`] (none before).
    pub fn current(&self) -> &Matches {
        static NONE: Matches = Matches {
            query: String::new(),
            ranges: Vec::new(),
        };
        self.steps.last().unwrap_or(&NONE)
    }

    /// Forgets every query (Esc).
    pub fn clear(&mut self) {
        self.steps.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, ranges: &[Range<usize>]) -> Vec<String> {
        ranges.iter().map(|r| text[r.clone()].to_owned()).collect()
    }

    #[test]
    fn lower_case_queries_ignore_case_and_upper_case_ones_do_not() {
        // Smart case: typing in lower case is the quick way to find a word wherever it starts
        // a sentence; an upper-case letter says the user means exactly that.
        let text = "River rights. The river has rights. RIVER.";
        assert_eq!(
            texts(text, &find_all(text, "river").unwrap()),
            ["River", "river", "RIVER"]
        );
        assert_eq!(texts(text, &find_all(text, "River").unwrap()), ["River"]);
    }

    #[test]
    fn case_folding_is_unicode_aware_and_ranges_are_bytes() {
        // Articles are not all English: Greek final sigma, German eszett and accented capitals
        // must fold like their lower-case forms, and the reader needs byte ranges to draw them.
        let text = "ΟΔΥΣΣΕΥΣ and Οδυσσευς; STRAẞE or straße; ÉCOLE école";
        let greek = find_all(text, "οδυσσευς").unwrap();
        assert_eq!(texts(text, &greek), ["ΟΔΥΣΣΕΥΣ", "Οδυσσευς"]);
        assert_eq!(texts(text, &find_all(text, "straße").unwrap()).len(), 2);
        assert_eq!(
            texts(text, &find_all(text, "école").unwrap()),
            ["ÉCOLE", "école"]
        );
        for range in greek {
            assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        }
    }

    #[test]
    fn queries_are_literal_text_not_patterns() {
        // People search for "e.g." or "(1)"; regex syntax would make those match elsewhere.
        let text = "e.g. eggs (1) and 1";
        assert_eq!(texts(text, &find_all(text, "e.g").unwrap()), ["e.g"]);
        assert_eq!(texts(text, &find_all(text, "(1)").unwrap()), ["(1)"]);
        assert!(find_all(text, "").unwrap().is_empty());
    }

    #[test]
    fn next_and_previous_wrap_around_the_ends() {
        // `n` past the last match continues at the top (and says so), like vi.
        let text = "ab ab ab";
        let matches = Matches {
            query: "ab".into(),
            ranges: find_all(text, "ab").unwrap(),
        };
        assert_eq!(
            matches.next_after(3),
            Some(Hit {
                index: 2,
                wrapped: false
            })
        );
        assert_eq!(
            matches.next_after(6),
            Some(Hit {
                index: 0,
                wrapped: true
            })
        );
        assert_eq!(matches.next_from(3).unwrap().index, 1);
        assert_eq!(
            matches.previous_before(0),
            Some(Hit {
                index: 2,
                wrapped: true
            })
        );
        assert_eq!(matches.previous_from(4).unwrap().index, 1);
        assert_eq!(matches.step(3, Direction::Backward).unwrap().index, 0);
        assert_eq!(matches.nearest(3, Direction::Forward).unwrap().index, 1);
        assert_eq!(matches.counter(1), "2/3");
        assert_eq!(Matches::default().next_after(0), None);
        assert_eq!(Matches::default().previous_before(0), None);
    }

    #[test]
    fn matches_are_located_by_position_and_screen_span() {
        // The reader marks only the matches on screen and finds the one under the cursor.
        let text = "one two one two one";
        let matches = Matches {
            query: "one".into(),
            ranges: find_all(text, "one").unwrap(),
        };
        assert_eq!(matches.containing(9), Some(1));
        assert_eq!(matches.containing(5), None);
        assert_eq!(matches.overlapping(2..9), 0..2);
        assert_eq!(matches.overlapping(4..7), 1..1);
    }

    /// `text` followed by filler long enough that refining earlier matches is worth it.
    fn padded(text: &str) -> String {
        format!("{text}\n{}", "z".repeat(20_000))
    }

    #[test]
    fn refining_keeps_matches_that_start_inside_an_earlier_overlapping_match() {
        // Refining must not lose a match that starts inside an earlier, overlapping match:
        // "aa" in "aaab" matches only at 0, but "aab" matches at 1.
        let text = "aaab aab AAB";
        let earlier = find_all(text, "aa").unwrap();
        let refined = Pattern::new("aab").unwrap().refine(text, &earlier);
        assert_eq!(refined, find_all(text, "aab").unwrap());
        assert_eq!(texts(text, &refined), ["aab", "aab", "AAB"]);
    }

    #[test]
    fn growing_a_query_uses_the_previous_matches_when_they_are_few() {
        // Rare queries are refined from the last result; a common one is searched afresh.
        let text = padded("aaab aab AAB");
        assert!(worth_refining(&text, &find_all(&text, "aa").unwrap()));
        assert!(!worth_refining(&text, &find_all(&text, "z").unwrap()));
        let mut search = IncrementalSearch::new();
        for query in ["a", "aa", "aab"] {
            let incremental = search.update(&text, query).unwrap().clone();
            assert_eq!(
                incremental.ranges,
                find_all(&text, query).unwrap(),
                "{query}"
            );
        }
    }

    #[test]
    fn an_upper_case_letter_typed_later_switches_to_exact_case() {
        // Case-sensitive matches are a subset of the case-insensitive ones, so refining stays
        // correct when smart case flips mid-query.
        let text = padded("MACOS macOS macos");
        let mut search = IncrementalSearch::new();
        assert_eq!(search.update(&text, "mac").unwrap().len(), 3);
        let exact = search.update(&text, "macOS").unwrap();
        assert_eq!(texts(&text, &exact.ranges), ["macOS"]);
    }

    #[test]
    fn shrinking_and_retyping_a_query_gives_fresh_correct_results() {
        // Backspace returns to the earlier result; a different query starts over.
        let text = "cat cart care dog";
        let mut search = IncrementalSearch::new();
        search.update(text, "car").unwrap();
        search.update(text, "cart").unwrap();
        assert_eq!(search.update(text, "ca").unwrap().len(), 3);
        assert_eq!(search.update(text, "do").unwrap().len(), 1);
        assert!(search.update(text, "").unwrap().is_empty());
        search.update(text, "c").unwrap();
        search.clear();
        assert!(search.current().is_empty());
    }

    #[test]
    fn incremental_results_equal_a_fresh_search_for_every_prefix() {
        // The cache is only an optimisation: every prefix of every query must give exactly
        // what a search from scratch gives, whatever was typed before.
        let text = padded("Ärger ärgert; ÄRGER! ärg ärger-ärger ǅemal Ǆ ǆ");
        let mut search = IncrementalSearch::new();
        for query in ["ärger", "ärg", "Ärger", "är", "ärgert;", "ǆe", "ǅ"] {
            for end in query.char_indices().map(|(i, c)| i + c.len_utf8()) {
                let prefix = &query[..end];
                let got = search.update(&text, prefix).unwrap().ranges.clone();
                assert_eq!(got, find_all(&text, prefix).unwrap(), "{prefix}");
            }
        }
    }
}
