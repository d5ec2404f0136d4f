//! Sentence segmentation: splits a block's text into sentence byte ranges.
//!
//! Starts from Unicode UAX #29 sentence boundaries (unicode-segmentation) and trims white space.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Splits `text` into sentences; returns byte ranges into `text`, trimmed of white space,
/// ascending and non-empty.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    text.split_sentence_bound_indices()
        .filter_map(|(start, piece)| {
            let leading = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            (!trimmed.is_empty()).then(|| start + leading..start + leading + trimmed.len())
        })
        .collect()
}
