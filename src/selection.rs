//! A selection of the article's text, grown by the motions of [`crate::motion`] or by the
//! mouse, and always covering whole words.
//!
//! Like vi's visual mode, a selection has a fixed anchor and a moving head, and the character
//! under each end is included. Unlike vi, both ends then snap outwards to the word they fall
//! in, because a highlight that starts or ends in the middle of a word is never what a reader
//! meant; white space at either end is left out.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::annotations::search::{ceil_boundary, floor_boundary};
use crate::document::Document;
use crate::motion::{self, Motion};

/// A selection: where it started and where its moving end is, as byte offsets of characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// Where the selection was started (`v`, or where a mouse drag began).
    pub anchor: usize,
    /// The end that motions move.
    pub head: usize,
}

impl Selection {
    /// A selection starting and ending at byte `position`.
    pub fn at(position: usize) -> Selection {
        Selection {
            anchor: position,
            head: position,
        }
    }

    /// Moves the head by `motion`.
    pub fn extend(&mut self, document: &Document, motion: Motion) {
        self.head = motion::apply(document, self.head, motion);
    }

    /// Moves the head to byte `position` (a mouse drag), kept on a character boundary.
    pub fn drag_to(&mut self, document: &Document, position: usize) {
        self.head = floor_boundary(&document.text, position);
    }

    /// The selected text's byte range: from the word under the lower end to the word under the
    /// upper end, without white space at either end. Empty when only white space is covered.
    pub fn span(&self, document: &Document) -> Range<usize> {
        let text = &document.text;
        let low = self.anchor.min(self.head).min(text.len());
        let high = self.anchor.max(self.head).min(text.len());
        let start = segment_at(document, low).map_or(low, |segment| segment.start);
        let end = segment_at(document, high).map_or_else(
            || ceil_boundary(text, high + 1).max(high),
            |segment| segment.end,
        );
        trim(text, start..end.max(start))
    }
}

/// The word-boundary segment (UAX #29: a word, a run of spaces, a punctuation mark) of the
/// block holding byte `position`; `None` between blocks.
fn segment_at(document: &Document, position: usize) -> Option<Range<usize>> {
    let block = &document.blocks[document.block_at(position)?];
    if position < block.span.start {
        return None;
    }
    document.text[block.span.clone()]
        .split_word_bound_indices()
        .map(|(offset, segment)| {
            block.span.start + offset..block.span.start + offset + segment.len()
        })
        .find(|segment| segment.contains(&position))
}

/// `span` without white space at its ends.
fn trim(text: &str, span: Range<usize>) -> Range<usize> {
    let inner = &text[span.clone()];
    let start = span.start + (inner.len() - inner.trim_start().len());
    let end = span.start + inner.trim_end().len();
    if start >= end {
        start..start
    } else {
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{BlockKind, DocumentBuilder, Format};

    fn document() -> Document {
        let mut builder = DocumentBuilder::new(Format::Text);
        builder.push(
            BlockKind::Paragraph,
            0,
            "Rivers don't vote. Courts, however, listen.",
        );
        builder.push(BlockKind::Paragraph, 0, "Ünïcode wörds count.");
        builder.build()
    }

    fn selected(document: &Document, selection: Selection) -> &str {
        document.slice(&selection.span(document))
    }

    #[test]
    fn a_new_selection_covers_the_word_under_it() {
        // `v` must show something selected at once, and that something is a whole word.
        let doc = document();
        let inside = doc.text.find("iver").unwrap();
        assert_eq!(selected(&doc, Selection::at(inside)), "Rivers");
    }

    #[test]
    fn motions_grow_the_selection_by_whole_words_and_sentences() {
        // `w`/`e` add a word, `)` runs to the end of the sentence with its full stop, and `b`
        // gives a word back; the selection never shows half a word.
        let doc = document();
        let mut selection = Selection::at(0);
        selection.extend(&doc, Motion::WordForward);
        assert_eq!(selected(&doc, selection), "Rivers don't");
        selection.extend(&doc, Motion::WordEnd);
        assert_eq!(selected(&doc, selection), "Rivers don't");
        selection.extend(&doc, Motion::WordEnd);
        assert_eq!(selected(&doc, selection), "Rivers don't vote");
        selection.extend(&doc, Motion::SentenceForward);
        assert_eq!(selected(&doc, selection), "Rivers don't vote.");
        selection.extend(&doc, Motion::SentenceForward);
        assert_eq!(
            selected(&doc, selection),
            "Rivers don't vote. Courts, however, listen."
        );
        selection.extend(&doc, Motion::WordBackward);
        assert_eq!(
            selected(&doc, selection),
            "Rivers don't vote. Courts, however, listen"
        );
    }

    #[test]
    fn moving_the_head_before_the_anchor_selects_backwards() {
        // Selections grow either way from where `v` was pressed.
        let doc = document();
        let mut selection = Selection::at(doc.text.find("listen").unwrap());
        selection.extend(&doc, Motion::WordBackward);
        selection.extend(&doc, Motion::WordBackward);
        assert_eq!(selected(&doc, selection), "Courts, however, listen");
    }

    #[test]
    fn a_drag_snaps_to_words_and_across_paragraphs() {
        // A mouse drag lands anywhere in a word (or on a multi-byte character); the selection
        // still covers whole words and may span paragraphs.
        let doc = document();
        let mut selection = Selection::at(doc.text.find("ver,").unwrap());
        selection.drag_to(&doc, doc.text.find("ïcode").unwrap() + 1);
        assert_eq!(selected(&doc, selection), "however, listen.\n\nÜnïcode");
    }

    #[test]
    fn a_selection_of_white_space_is_empty() {
        // Highlighting nothing must be impossible, not a zero-width highlight in the sidecar.
        let doc = document();
        let gap = doc.text.find("\n\n").unwrap();
        let selection = Selection::at(gap);
        assert!(selection.span(&doc).is_empty());
        let space = doc.text.find(' ').unwrap();
        assert!(Selection::at(space).span(&doc).is_empty());
    }
}
