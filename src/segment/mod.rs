//! Sentence segmentation: splits a block's text into sentence byte ranges.
//!
//! A byte scanner ([`scan`]) stops at each run of sentence-final punctuation (with the closing
//! quotes and brackets after it) and at line breaks that open a paragraph or list item; rules
//! ([`rules`]) decide from the word before and the word after whether the sentence ends there,
//! consulting word lists ([`lexicon`]) of abbreviations, sentence starters and speech verbs.
//! The rules and their known limits are described in `docs/architecture.md`.

mod lexicon;
mod rules;
mod scan;

use std::ops::Range;

/// Splits `text` into sentences; returns byte ranges into `text`, trimmed of white space,
/// ascending, non-overlapping and non-empty. Every non-white-space character lies in one.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::with_capacity(text.len() / 128 + 1);
    let mut start = 0;
    scan::for_each_boundary(text, |cut| {
        push_trimmed(text, start..cut, &mut ranges);
        start = cut;
    });
    push_trimmed(text, start..text.len(), &mut ranges);
    ranges
}

/// Pushes `range` trimmed of white space, unless nothing is left.
fn push_trimmed(text: &str, range: Range<usize>, ranges: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let trimmed = piece.trim_start();
    let start = range.start + (piece.len() - trimmed.len());
    let end = start + trimmed.trim_end().len();
    if start < end {
        ranges.push(start..end);
    }
}
