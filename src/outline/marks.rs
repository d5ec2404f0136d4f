//! Quotation marks paired into quoted passages within one block.
//!
//! Curly marks (“ ”), guillemets (« ») and low-high marks („ “) have a direction; a straight
//! mark (") opens when it follows white space or an opening bracket and closes when it follows
//! a word. A passage still open at the end of the block is reported as open-ended: news style
//! leaves a quote open at the end of a paragraph when it continues in the next one.

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

/// Finds the quoted passages in `text`, in order.
pub fn quoted_passages(text: &str) -> Vec<QuotedPassage> {
    let mut passages = Vec::new();
    let mut open: Option<(usize, usize, bool)> = None; // (mark start, inner start, straight?)
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let after = at + c.len_utf8();
        match classify(c) {
            Some(Mark::Open) => open = Some((at, after, false)),
            Some(Mark::Close) => {
                if let Some((start, inner, _)) = open.take() {
                    passages.push(QuotedPassage {
                        open: start,
                        inner: inner..at,
                        close: after,
                        open_ended: false,
                    });
                }
            }
            Some(Mark::Straight) => {
                let follows_space =
                    previous.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
                let precedes_word = next.is_some_and(|n| !n.is_whitespace());
                match open {
                    Some((start, inner, true)) if !follows_space || !precedes_word => {
                        passages.push(QuotedPassage {
                            open: start,
                            inner: inner..at,
                            close: after,
                            open_ended: false,
                        });
                        open = None;
                    }
                    None if follows_space && precedes_word => open = Some((at, after, true)),
                    _ => {}
                }
            }
            None => {}
        }
        previous = Some(c);
    }
    if let Some((start, inner, _)) = open {
        passages.push(QuotedPassage {
            open: start,
            inner: inner..text.len(),
            close: text.len(),
            open_ended: true,
        });
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
}
