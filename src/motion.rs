//! Moving through a document by word, sentence and paragraph, as the reader's cursor and
//! selection do (`w` `b` `e`, `)` `(`, `}` `{`).
//!
//! Positions are byte offsets of characters in [`Document::text`]. Words are the runs that
//! Unicode word segmentation (UAX #29) finds and that hold a letter or digit, so punctuation
//! and spaces are stepped over; sentences are [`Document::sentences`]; paragraphs are blocks.
//! Word motions segment only the blocks they pass through, so they cost the same in a short
//! and a very long article.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::document::Document;

/// A way of moving a position through the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    /// `w`: the start of the next word.
    WordForward,
    /// `b`: the start of this word, or of the previous one when already there.
    WordBackward,
    /// `e`: the last character of this word, or of the next one when already there.
    WordEnd,
    /// `)`: the last character of this sentence, or of the next one when already there.
    SentenceForward,
    /// `(`: the start of this sentence, or of the previous one when already there.
    SentenceBackward,
    /// `}`: the last character of this paragraph, or of the next one when already there.
    ParagraphForward,
    /// `{`: the start of this paragraph, or of the previous one when already there.
    ParagraphBackward,
}

/// Where `motion` takes byte position `from`; `from` itself when there is nowhere to go.
pub fn apply(document: &Document, from: usize, motion: Motion) -> usize {
    let target = match motion {
        Motion::WordForward => next_word_start(document, from),
        Motion::WordBackward => previous_word_start(document, from),
        Motion::WordEnd => word_end(document, from),
        Motion::SentenceForward => end_forward(document, from, document.sentences.len(), |i| {
            document.sentences[i].span.clone()
        }),
        Motion::SentenceBackward => start_backward(from, document.sentences.len(), |i| {
            document.sentences[i].span.clone()
        }),
        Motion::ParagraphForward => end_forward(document, from, document.blocks.len(), |i| {
            document.blocks[i].span.clone()
        }),
        Motion::ParagraphBackward => start_backward(from, document.blocks.len(), |i| {
            document.blocks[i].span.clone()
        }),
    };
    target.unwrap_or(from)
}

/// The words of block `block` as absolute byte ranges, in order.
pub fn words_in_block(document: &Document, block: usize) -> Vec<Range<usize>> {
    let span = &document.blocks[block].span;
    document.text[span.clone()]
        .split_word_bound_indices()
        .filter(|(_, segment)| segment.chars().any(char::is_alphanumeric))
        .map(|(offset, segment)| span.start + offset..span.start + offset + segment.len())
        .collect()
}

/// The start of the first word starting after byte `from`, crossing into later blocks.
pub fn next_word_start(document: &Document, from: usize) -> Option<usize> {
    let first = document.block_at(from)?;
    (first..document.blocks.len()).find_map(|block| {
        words_in_block(document, block)
            .into_iter()
            .map(|word| word.start)
            .find(|&start| start > from)
    })
}

/// The start of the last word starting before byte `from`, crossing into earlier blocks.
pub fn previous_word_start(document: &Document, from: usize) -> Option<usize> {
    let last = document
        .block_at(from)
        .unwrap_or(document.blocks.len().checked_sub(1)?);
    (0..=last).rev().find_map(|block| {
        words_in_block(document, block)
            .into_iter()
            .rev()
            .map(|word| word.start)
            .find(|&start| start < from)
    })
}

/// The last character of the first word whose last character lies after byte `from`.
pub fn word_end(document: &Document, from: usize) -> Option<usize> {
    let first = document.block_at(from)?;
    (first..document.blocks.len()).find_map(|block| {
        words_in_block(document, block)
            .into_iter()
            .map(|word| last_char(&document.text, &word))
            .find(|&last| last > from)
    })
}

/// The sentence after sentence `index`, if any: `)` for the sentence cursor.
pub fn next_sentence(document: &Document, index: usize) -> Option<usize> {
    (index + 1 < document.sentences.len()).then_some(index + 1)
}

/// The sentence before sentence `index`, if any: `(` for the sentence cursor.
pub fn previous_sentence(index: usize) -> Option<usize> {
    index.checked_sub(1)
}

/// The first sentence of the next paragraph holding sentences after the one of sentence
/// `index`: `}` for the sentence cursor.
pub fn next_paragraph(document: &Document, index: usize) -> Option<usize> {
    let block = document.sentences.get(index)?.block;
    let next = document.sentences_in_block(block).end;
    (next < document.sentences.len()).then_some(next)
}

/// The first sentence of the paragraph of sentence `index` when the cursor is past it,
/// otherwise the first sentence of the previous paragraph: `{` for the sentence cursor.
pub fn previous_paragraph(document: &Document, index: usize) -> Option<usize> {
    let block = document.sentences.get(index)?.block;
    let first = document.sentences_in_block(block).start;
    if first < index {
        return Some(first);
    }
    let previous = document.sentences.get(first.checked_sub(1)?)?.block;
    Some(document.sentences_in_block(previous).start)
}

/// Byte offset of the last character of a non-empty range.
fn last_char(text: &str, span: &Range<usize>) -> usize {
    text[span.clone()]
        .char_indices()
        .next_back()
        .map_or(span.start, |(offset, _)| span.start + offset)
}

/// Index of the first of `count` ascending spans for which `past` is false, found by bisection
/// (`past` must be true for a prefix of the spans).
fn first_not(count: usize, past: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, count);
    while low < high {
        let middle = low + (high - low) / 2;
        if past(middle) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    low
}

/// The last character of the span holding `from` (or the next span) when `from` is before it,
/// else the last character of the span after.
fn end_forward(
    document: &Document,
    from: usize,
    count: usize,
    span: impl Fn(usize) -> Range<usize>,
) -> Option<usize> {
    let index = first_not(count, |i| span(i).end <= from);
    (index..count)
        .map(|i| last_char(&document.text, &span(i)))
        .find(|&last| last > from)
}

/// The start of the span holding `from` when `from` is past it, else the start of the span
/// before.
fn start_backward(
    from: usize,
    count: usize,
    span: impl Fn(usize) -> Range<usize>,
) -> Option<usize> {
    let index = first_not(count, |i| span(i).start < from);
    index.checked_sub(1).map(|i| span(i).start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{BlockKind, DocumentBuilder, Format};

    fn document() -> Document {
        let mut builder = DocumentBuilder::new(Format::Text);
        builder.push(BlockKind::Heading, 1, "Water — rights");
        builder.push(
            BlockKind::Paragraph,
            0,
            "Rivers don't vote. Courts, however, listen.",
        );
        builder.push(BlockKind::Paragraph, 0, "Ünïcode wörds count. End.");
        builder.build()
    }

    /// Follows `motion` from the start of `from` `times` times, returning the text from the
    /// position reached to the end of its word.
    fn after(document: &Document, from: &str, motion: Motion, times: usize) -> String {
        let mut position = document.text.find(from).unwrap();
        for _ in 0..times {
            position = apply(document, position, motion);
        }
        document.text[position..]
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned()
    }

    #[test]
    fn words_skip_punctuation_and_keep_contractions_and_accents_whole() {
        // Word motions are for selecting prose: an em dash or a comma is not a word to stop
        // at, and "don't" or "Ünïcode" must not split in two.
        let doc = document();
        let words: Vec<&str> = words_in_block(&doc, 1)
            .iter()
            .map(|w| doc.slice(w))
            .collect();
        assert_eq!(
            words,
            ["Rivers", "don't", "vote", "Courts", "however", "listen"]
        );
        assert_eq!(after(&doc, "Water", Motion::WordForward, 1), "rights");
    }

    #[test]
    fn word_motions_cross_paragraphs_both_ways() {
        // Selections often run from the end of one paragraph into the next.
        let doc = document();
        assert_eq!(after(&doc, "listen", Motion::WordForward, 1), "Ünïcode");
        assert_eq!(after(&doc, "Ünïcode", Motion::WordBackward, 1), "listen.");
        assert_eq!(after(&doc, "rights", Motion::WordForward, 2), "don't");
        assert_eq!(after(&doc, "Rivers", Motion::WordBackward, 1), "rights");
    }

    #[test]
    fn b_and_e_go_to_this_word_first_then_the_next_one_like_vi() {
        // From inside a word, `b` goes to its start and `e` to its end; only a second press
        // moves on, so a selection grows by whole words.
        let doc = document();
        let inside = doc.text.find("ourts").unwrap();
        assert_eq!(
            doc.text[previous_word_start(&doc, inside).unwrap()..]
                .split(',')
                .next(),
            Some("Courts")
        );
        let end = word_end(&doc, inside).unwrap();
        assert_eq!(&doc.text[end..end + 1], "s");
        let further = word_end(&doc, end).unwrap();
        assert_eq!(
            &doc.text[further..further + 1],
            "r",
            "last letter of 'however'"
        );
        let last = doc.text.rfind("End").unwrap();
        assert_eq!(next_word_start(&doc, last), None);
        assert_eq!(
            apply(&doc, last, Motion::WordForward),
            last,
            "nowhere to go: stay"
        );
        assert_eq!(previous_word_start(&doc, 0), None);
    }

    #[test]
    fn sentence_and_paragraph_motions_reach_ends_then_move_on() {
        // `)` extends a selection to the end of the sentence, then sentence by sentence; `(`
        // and `{` go back to a start the same way.
        let doc = document();
        let rivers = doc.text.find("Rivers").unwrap();
        let end = apply(&doc, rivers, Motion::SentenceForward);
        assert_eq!(&doc.text[end..end + 1], ".");
        let next_end = apply(&doc, end, Motion::SentenceForward);
        assert_eq!(&doc.text[..=next_end].rsplit(' ').next(), &Some("listen."));
        assert_eq!(
            apply(&doc, next_end, Motion::SentenceBackward),
            doc.text.find("Courts").unwrap()
        );
        assert_eq!(
            apply(
                &doc,
                doc.text.find("Courts").unwrap(),
                Motion::SentenceBackward
            ),
            rivers
        );
        let paragraph_end = apply(&doc, rivers, Motion::ParagraphForward);
        assert_eq!(paragraph_end, doc.blocks[1].span.end - 1);
        assert_eq!(
            apply(&doc, paragraph_end, Motion::ParagraphBackward),
            rivers
        );
        assert_eq!(apply(&doc, rivers, Motion::ParagraphBackward), 0);
        let last = doc.text.len() - 1;
        assert_eq!(apply(&doc, last, Motion::SentenceForward), last);
    }

    #[test]
    fn the_sentence_cursor_moves_by_sentence_and_by_paragraph() {
        // `)`/`(` step one sentence; `}` goes to the next paragraph's first sentence and `{`
        // back to this paragraph's first, then the previous paragraph's.
        let doc = document();
        let courts = doc.sentence_at(doc.text.find("Courts").unwrap()).unwrap();
        assert_eq!(next_sentence(&doc, courts), Some(courts + 1));
        assert_eq!(next_sentence(&doc, doc.sentences.len() - 1), None);
        assert_eq!(previous_sentence(0), None);
        let next = next_paragraph(&doc, courts).unwrap();
        assert!(doc.sentence_text(next).starts_with("Ünïcode"));
        assert_eq!(next_paragraph(&doc, doc.sentences.len() - 1), None);
        assert_eq!(previous_paragraph(&doc, courts), Some(courts - 1));
        assert_eq!(previous_paragraph(&doc, courts - 1), Some(0));
        assert_eq!(previous_paragraph(&doc, 0), None);
    }
}
