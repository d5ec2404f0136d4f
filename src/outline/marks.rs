//! Quotation marks paired into quoted passages within one block.
//!
//! Curly marks (“ ”), guillemets (« ») and low-high marks („ “) have a direction; a straight
//! mark (") opens when it follows white space or an opening bracket and closes when it follows
//! a word. A passage still open at the end of the block is reported as open-ended: news style
//! leaves a quote open at the end of a paragraph when it continues in the next one.
//!
//! Single curly marks (‘ ’, British style and quotes within quotes) are paired too, without
//! taking apostrophes for marks: ’ inside a word (don’t, it’s) or at a word's start (the ’90s)
//! never closes, ‘ before an elision (‘90s, ‘em) never opens, and a plural possessive
//! (students’ union) closes only when nothing later can. A passage inside another is part of
//! the outer one, which is what gets reported.

use std::ops::Range;

/// One quoted passage in a block's text (byte offsets relative to the block).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedPassage {
    /// Where the opening mark starts.
    pub open: usize,
    /// The quoted words, between the marks.
    pub inner: Range<usize>,
    /// Where the closing mark ends (the block's end when open-ended).
    pub close: usize,
    /// Whether no closing mark was found before the block's end.
    pub open_ended: bool,
}

/// Which way a mark points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Straight,
}

fn classify(c: char) -> Option<Mark> {
    match c {
        '“' | '«' | '„' => Some(Mark::Open),
        '”' | '»' => Some(Mark::Close),
        '"' => Some(Mark::Straight),
        _ => None,
    }
}

/// Finds the quoted passages in `text`, in order: passages in double marks and in single
/// curly marks, a passage nested inside another being part of the outer one.
pub fn quoted_passages(text: &str) -> Vec<QuotedPassage> {
    let doubles = double_passages(text);
    let singles = single_passages(text, doubles.is_empty());
    outermost(doubles, singles)
}

/// Keeps the outermost passages: a single-quoted passage that crosses a double-quoted one was
/// paired across it by mistake and is dropped; a passage inside another is part of it.
fn outermost(doubles: Vec<QuotedPassage>, singles: Vec<QuotedPassage>) -> Vec<QuotedPassage> {
    let crosses = |single: &QuotedPassage| {
        doubles.iter().any(|double| {
            let starts_inside = double.open < single.open && single.open < double.close;
            let ends_inside = double.open < single.close && single.close < double.close;
            starts_inside != ends_inside
        })
    };
    let mut all: Vec<QuotedPassage> = singles.into_iter().filter(|s| !crosses(s)).collect();
    all.extend(doubles);
    all.sort_by_key(|passage| (passage.open, std::cmp::Reverse(passage.close)));
    let mut kept: Vec<QuotedPassage> = Vec::with_capacity(all.len());
    for passage in all {
        if kept.last().is_none_or(|last| passage.open >= last.close) {
            kept.push(passage);
        }
    }
    kept
}

/// Passages in double marks: curly, guillemets, low-high and straight.
fn double_passages(text: &str) -> Vec<QuotedPassage> {
    let mut passages = Vec::new();
    let mut open: Option<(usize, usize, bool)> = None; // (mark start, inner start, straight?)
    // Every double mark is '"' or starts with the byte 0xE2 (“ ” „) or 0xC2 (« »).
    for at in memchr::memchr3_iter(b'"', 0xE2, 0xC2, text.as_bytes()) {
        let Some((c, previous, next)) = char_in_context(text, at) else {
            continue;
        };
        let after = at + c.len_utf8();
        match classify(c) {
            Some(Mark::Open) => open = Some((at, after, false)),
            Some(Mark::Close) => {
                if let Some((start, inner, _)) = open.take() {
                    passages.push(closed(start, inner, at, after));
                }
            }
            Some(Mark::Straight) => {
                let follows_space = follows_space(previous);
                let precedes_word = next.is_some_and(|n| !n.is_whitespace());
                match open {
                    Some((start, inner, true)) if !follows_space || !precedes_word => {
                        passages.push(closed(start, inner, at, after));
                        open = None;
                    }
                    None if follows_space && precedes_word => open = Some((at, after, true)),
                    _ => {}
                }
            }
            None => {}
        }
    }
    if let Some((start, inner, _)) = open {
        passages.push(open_ended(text, start, inner));
    }
    passages
}

/// A passage closed by a mark at `at` that ends at `after`.
fn closed(open: usize, inner: usize, at: usize, after: usize) -> QuotedPassage {
    QuotedPassage {
        open,
        inner: inner..at,
        close: after,
        open_ended: false,
    }
}

/// A passage still open at the end of `text`.
fn open_ended(text: &str, open: usize, inner: usize) -> QuotedPassage {
    QuotedPassage {
        open,
        inner: inner..text.len(),
        close: text.len(),
        open_ended: true,
    }
}

/// Whether a mark after `previous` stands at the start of a word: after white space, an
/// opening bracket or a dash, or at the start of the text.
fn follows_space(previous: Option<char>) -> bool {
    previous.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p))
}

/// A single curly mark, as the pairing sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Single {
    /// ‘ at the start of a word, not an elision (‘90s, ‘em).
    Open,
    /// ’ at the end of a word that only a quote can end: after punctuation, before
    /// punctuation or the end, or after a letter other than s (‘reform’ plan).
    Close,
    /// ’ after s and before a space: a closing mark (‘smart borders’ plan) or the apostrophe
    /// of a plural possessive (the students’ union).
    Ambiguous,
}

/// Words that an opening ‘ shortens rather than quotes: ‘em, ‘til, ‘tis, ‘twas, ‘cause, ‘n’.
const ELISIONS: &[&str] = &["em", "til", "tis", "twas", "cause", "n", "bout", "round"];

/// The single curly marks of `text` that may open or close a passage, with their offsets.
fn single_marks(text: &str) -> Vec<(usize, Single)> {
    let mut marks = Vec::new();
    // Both single marks start with the byte 0xE2.
    for at in memchr::memchr_iter(0xE2, text.as_bytes()) {
        let Some((c, previous, next)) = char_in_context(text, at) else {
            continue;
        };
        let rest = &text[at + c.len_utf8()..];
        match c {
            '‘' if (follows_space(previous) || previous.is_some_and(|p| "“\"«„".contains(p)))
                && next.is_some_and(|n| !n.is_whitespace())
                && !is_elision(rest) =>
            {
                marks.push((at, Single::Open));
            }
            '’' if previous.is_some_and(|p| !p.is_whitespace())
                && !next.is_some_and(char::is_alphanumeric) =>
            {
                let after_punctuation = previous.is_some_and(|p| ".,;:!?…—–-".contains(p));
                let before_space = next.is_some_and(char::is_whitespace);
                let after_s = previous.is_some_and(|p| matches!(p, 's' | 'S'));
                let kind = if before_space && after_s && !after_punctuation {
                    Single::Ambiguous
                } else {
                    Single::Close
                };
                marks.push((at, kind));
            }
            _ => {}
        }
    }
    marks
}

/// The character starting at byte `at` of `text` with the characters before and after it;
/// `None` when `at` is inside a character (a continuation byte a byte search landed on).
fn char_in_context(text: &str, at: usize) -> Option<(char, Option<char>, Option<char>)> {
    if !text.is_char_boundary(at) {
        return None;
    }
    let mut after = text[at..].chars();
    let c = after.next()?;
    Some((c, text[..at].chars().next_back(), after.next()))
}

/// Whether the text after an opening ‘ is an elision: a year (‘90s, ‘07) or a shortened word.
fn is_elision(rest: &str) -> bool {
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let year = word.len() >= 2 && word.chars().take(2).all(|c| c.is_ascii_digit());
    year || ELISIONS.contains(&word.as_str())
}

/// Passages in single curly marks (‘…’). An ambiguous ’ closes the passage unless a mark that
/// can only close comes later, before the next opening mark: then it was an apostrophe (‘The
/// students’ union will decide,’ she said). A passage left open at the end of the text counts
/// only when `may_run_on` (no double marks in the text, so singles are its quotation style)
/// and it opens on a capital, as a quote continuing into the next paragraph does.
fn single_passages(text: &str, may_run_on: bool) -> Vec<QuotedPassage> {
    let marks = single_marks(text);
    let mut passages = Vec::new();
    let mut open: Option<usize> = None;
    for (k, &(at, kind)) in marks.iter().enumerate() {
        let mark_end = at + '’'.len_utf8();
        match (kind, open) {
            (Single::Open, _) => open = Some(at),
            (Single::Close, Some(start)) => {
                passages.push(closed(start, start + '‘'.len_utf8(), at, mark_end));
                open = None;
            }
            (Single::Ambiguous, Some(start)) => {
                let later_close = marks[k + 1..]
                    .iter()
                    .map(|&(_, kind)| kind)
                    .find(|&kind| kind != Single::Ambiguous)
                    == Some(Single::Close);
                if !later_close {
                    passages.push(closed(start, start + '‘'.len_utf8(), at, mark_end));
                    open = None;
                }
            }
            (_, None) => {}
        }
    }
    if let Some(start) = open {
        let inner = start + '‘'.len_utf8();
        let capital = text[inner..].chars().next().is_some_and(char::is_uppercase);
        if may_run_on && capital {
            passages.push(open_ended(text, start, inner));
        }
    }
    passages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner_texts(text: &str) -> Vec<&str> {
        quoted_passages(text)
            .into_iter()
            .map(|p| &text[p.inner])
            .collect()
    }

    #[test]
    fn curly_and_straight_marks_pair() {
        // Articles use either style; both must give the same passages.
        assert_eq!(
            inner_texts("“We won,” she said. \"We will win again.\""),
            ["We won,", "We will win again."]
        );
    }

    #[test]
    fn a_passage_left_open_runs_to_the_block_end() {
        // A quote continuing into the next paragraph has no closing mark in this one.
        let passages = quoted_passages("He said: “First point. Second point.");
        assert_eq!(passages.len(), 1);
        assert!(passages[0].open_ended);
    }

    #[test]
    fn inch_marks_and_stray_closers_are_ignored() {
        // A straight mark after a digit is a unit, not an opening quote.
        assert!(inner_texts("A 12\" pipe and a stray ” mark.").is_empty());
    }

    #[test]
    fn single_curly_marks_quote_in_british_style() {
        // British style quotes in single marks; a comma may sit inside or outside them.
        assert_eq!(
            inner_texts("‘We won,’ she said. ‘Yes’, he agreed, ‘by a mile.’"),
            ["We won,", "Yes", "by a mile."]
        );
    }

    #[test]
    fn apostrophes_are_not_single_marks() {
        // Contractions, elided years and possessives use the same character as the closing
        // mark; none of them may open or close a passage.
        assert!(inner_texts("It’s true that we don’t know the ’90s or ‘90s well.").is_empty());
        assert!(
            inner_texts("The students’ union and the Joneses’ house, rock ‘n’ roll.").is_empty()
        );
        assert_eq!(
            inner_texts("‘It’s over,’ said the boss’s deputy."),
            ["It’s over,"]
        );
    }

    #[test]
    fn a_plural_possessive_inside_a_single_quote_does_not_close_it() {
        // ’ after an s before a space is a possessive when a mark that can only close follows;
        // otherwise it closes (‘smart borders’ policy).
        assert_eq!(
            inner_texts("‘The students’ union will decide,’ she said."),
            ["The students’ union will decide,"]
        );
        assert_eq!(
            inner_texts("The ‘smart borders’ policy failed. ‘No,’ he said."),
            ["smart borders", "No,"]
        );
    }

    #[test]
    fn nested_quotes_belong_to_the_outer_passage() {
        // A quote within a quote is part of what the outer speaker said, in either style.
        assert_eq!(
            inner_texts("“He told me ‘never again’ and left,” she said."),
            ["He told me ‘never again’ and left,"]
        );
        assert_eq!(
            inner_texts("‘He told me “never again” and left,’ she said."),
            ["He told me “never again” and left,"]
        );
    }

    #[test]
    fn a_single_mark_paired_across_a_double_quote_is_dropped() {
        // Marks that cross cannot both be quotes; double marks are the surer ones.
        assert_eq!(
            inner_texts("The ‘Blue “plan is done’ now,” she said."),
            ["plan is done’ now,"]
        );
    }

    #[test]
    fn a_single_quote_runs_on_only_in_single_mark_prose() {
        // British news leaves ‘ open at a paragraph's end when the quote continues; a stray ‘
        // in a paragraph quoted in double marks does not run on.
        assert!(quoted_passages("He said: ‘First point. Second point.")[0].open_ended);
        assert_eq!(inner_texts("The ‘Blue line. “Go,” she said."), ["Go,"]);
    }
}
