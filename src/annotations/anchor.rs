//! Anchoring, in the style of the W3C Web Annotation model: each annotation keeps a position
//! selector (character offsets) and a quote selector (the exact text with some context), and
//! [`place`] finds it again in the current text.
//!
//! Placing tries, in order: the stored position (when the text there is still the quote); the
//! exact quote nearest its old place, preferring occurrences whose surroundings match the stored
//! context; the stored prefix and suffix, taking what now lies between them; and approximate
//! matching that tolerates edits inside the passage. Each result carries a confidence; below
//! the thresholds the annotation is orphaned — never dropped, just not placed.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::fuzzy::{self, Alignment};
use super::search::{
    self, Fit, ceil_boundary, common_prefix_len, common_suffix_len, floor_boundary,
};
use crate::document::Document;

/// Characters of context kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// Where an annotation is: a W3C position selector and text-quote selector in one.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Selector {
    /// Character offset of the start in the text the selector was made on.
    pub start: usize,
    /// Character offset of the end (equal to `start` for a position).
    pub end: usize,
    /// The exact text between `start` and `end` (empty for a position).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] characters just before.
    #[serde(default)]
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters just after.
    #[serde(default)]
    pub suffix: String,
}

impl Selector {
    /// The selector of byte range `span` of `document`'s text.
    pub fn from_span(document: &Document, span: Range<usize>) -> Selector {
        let mut selector = Selector::default();
        selector.move_to(document, span);
        selector
    }

    /// Makes this the selector of byte range `span` of `document`'s text, as
    /// [`Selector::from_span`] would, rewriting only the texts that differ: refreshing
    /// thousands of selectors on the text they were made on allocates nothing.
    pub fn move_to(&mut self, document: &Document, span: Range<usize>) {
        let text = &document.text;
        let start = span.start.min(text.len());
        let end = span.end.clamp(start, text.len());
        self.start = document.char_offset(start);
        self.end = document.char_offset(end);
        overwrite(&mut self.quote, &text[start..end]);
        overwrite(&mut self.prefix, last_chars(&text[..start], CONTEXT_CHARS));
        overwrite(&mut self.suffix, first_chars(&text[end..], CONTEXT_CHARS));
    }

    /// The selector of the position at byte `offset`.
    pub fn at(document: &Document, offset: usize) -> Selector {
        Selector::from_span(document, offset..offset)
    }

    /// Whether this selects a position rather than a passage.
    pub fn is_point(&self) -> bool {
        self.quote.is_empty()
    }
}

/// Sets `field` to `value`, leaving it untouched when it already is.
fn overwrite(field: &mut String, value: &str) {
    if field != value {
        field.clear();
        field.push_str(value);
    }
}

/// The last `n` characters of `text`.
fn last_chars(text: &str, n: usize) -> &str {
    let start = text
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if n == 0 { "" } else { &text[start..] }
}

/// The first `n` characters of `text`.
fn first_chars(text: &str, n: usize) -> &str {
    let end = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// Least similarity for a passage found between the stored prefix and suffix.
pub const MIN_CONTEXT_CONFIDENCE: f64 = 0.5;

/// Least similarity for a passage found by approximate matching alone.
pub const MIN_FUZZY_CONFIDENCE: f64 = 0.6;

/// Longest piece of a passage aligned approximately at once (its head and its tail).
const PIECE_CHARS: usize = 64;

/// Characters of slack on each side of the place where a piece is looked for.
const SLACK_CHARS: usize = 256;

/// Most edits tolerated in an aligned piece, as a fraction of its length.
const MAX_PIECE_ERRORS: f64 = 0.34;

/// Length of the pieces of a passage looked up verbatim when nothing is found nearby.
const CHUNK_CHARS: usize = 16;

/// How an annotation was placed on the current text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnchorStatus {
    /// Found verbatim at its stored position.
    Exact,
    /// Found verbatim elsewhere (text before it changed).
    Moved,
    /// Found approximately (the passage itself was edited); see the confidence.
    Fuzzy,
    /// Not found: kept in the file, not shown in the text.
    Orphaned,
}

impl AnchorStatus {
    /// The lower-case name used in JSON and on screen.
    pub fn name(self) -> &'static str {
        match self {
            AnchorStatus::Exact => "exact",
            AnchorStatus::Moved => "moved",
            AnchorStatus::Fuzzy => "fuzzy",
            AnchorStatus::Orphaned => "orphaned",
        }
    }
}

/// Where an annotation lies in the current text.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// Byte range in the document's text; `None` when orphaned.
    pub span: Option<Range<usize>>,
    /// How it was found.
    pub status: AnchorStatus,
    /// From 0 to 1: 1 for verbatim matches, the similarity of the found passage otherwise, 0
    /// when orphaned.
    pub confidence: f64,
}

impl Placement {
    /// The placement of an annotation that could not be found.
    pub fn orphaned() -> Self {
        Placement {
            span: None,
            status: AnchorStatus::Orphaned,
            confidence: 0.0,
        }
    }
}

/// Finds `selector` in `document`'s current text.
pub fn place(selector: &Selector, document: &Document) -> Placement {
    let text = document.text.as_str();
    let expected_start = document.byte_offset(selector.start);
    let expected_end = document.byte_offset(selector.end).max(expected_start);
    if selector.is_point() {
        return place_point(selector, document, expected_start);
    }
    if text.get(expected_start..expected_end) == Some(selector.quote.as_str())
        && context_agrees(text, selector, expected_start..expected_end)
    {
        return found(expected_start..expected_end, AnchorStatus::Exact, 1.0);
    }
    if let Some(start) = find_quote(text, selector, expected_start) {
        let span = start..start + selector.quote.len();
        let status = if document.char_offset(start) == selector.start {
            AnchorStatus::Exact
        } else {
            AnchorStatus::Moved
        };
        return found(span, status, 1.0);
    }
    let between = between_context(text, selector, expected_start, expected_end);
    if let Some((span, confidence)) = &between
        && *confidence >= MIN_CONTEXT_CONFIDENCE
    {
        return found(span.clone(), AnchorStatus::Fuzzy, *confidence);
    }
    let mut hints = vec![expected_start];
    hints.extend(between.map(|(span, _)| span.start));
    match approximate(text, &selector.quote, &hints, expected_start) {
        Some((span, confidence)) if confidence >= MIN_FUZZY_CONFIDENCE => {
            found(span, AnchorStatus::Fuzzy, confidence)
        }
        _ => Placement::orphaned(),
    }
}

/// Whether the text around `span` still agrees with the stored context on at least one side.
/// Without this, an edit that shifts a repeated passage ("cities cities cities") by exactly
/// the distance between two copies would leave another copy at the old offsets.
fn context_agrees(text: &str, selector: &Selector, span: Range<usize>) -> bool {
    common_suffix_len(&text[..span.start], &selector.prefix) == selector.prefix.len()
        || common_prefix_len(&text[span.end..], &selector.suffix) == selector.suffix.len()
}

fn found(span: Range<usize>, status: AnchorStatus, confidence: f64) -> Placement {
    Placement {
        span: Some(span),
        status,
        confidence,
    }
}

/// A position is found through its context: prefix and suffix together verbatim, or
/// approximately, with the point where they meet.
fn place_point(selector: &Selector, document: &Document, expected: usize) -> Placement {
    let text = document.text.as_str();
    let needle = format!("{}{}", selector.prefix, selector.suffix);
    if needle.is_empty() {
        return found(expected..expected, AnchorStatus::Exact, 1.0);
    }
    let needle_start = expected.saturating_sub(selector.prefix.len());
    if let Some(start) = search::find_near(text, &needle, needle_start, |_| Fit {
        score: 0,
        confirmed: true,
    }) {
        let point = start + selector.prefix.len();
        let status = if document.char_offset(point) == selector.start {
            AnchorStatus::Exact
        } else {
            AnchorStatus::Moved
        };
        return found(point..point, status, 1.0);
    }
    match approximate(text, &needle, &[needle_start], needle_start) {
        Some((span, confidence)) if confidence >= MIN_FUZZY_CONFIDENCE => {
            let matched = &text[span.clone()];
            let needle_chars = needle.chars().count().max(1);
            let prefix_chars = selector.prefix.chars().count();
            let into = prefix_chars * matched.chars().count() / needle_chars;
            let point = span.start
                + matched
                    .char_indices()
                    .nth(into)
                    .map_or(matched.len(), |(i, _)| i);
            found(point..point, AnchorStatus::Fuzzy, confidence)
        }
        _ => Placement::orphaned(),
    }
}

/// The verbatim occurrence of the quote whose surroundings best match the stored context,
/// nearest the old place among equals.
fn find_quote(text: &str, selector: &Selector, expected: usize) -> Option<usize> {
    let quote = &selector.quote;
    search::find_near(text, quote, expected, |start| {
        let before = common_suffix_len(&text[..start], &selector.prefix);
        let after = common_prefix_len(&text[start + quote.len()..], &selector.suffix);
        let full_before = before == selector.prefix.len();
        let full_after = after == selector.suffix.len();
        Fit {
            score: before + after,
            confirmed: (full_before && !selector.prefix.is_empty())
                || (full_after && !selector.suffix.is_empty())
                || (full_before && full_after),
        }
    })
}

/// What now lies between the stored prefix and suffix, with its similarity to the quote, when
/// both are found verbatim at a plausible distance.
///
/// A side without context is an edge of the text ([`Selector::from_span`] keeps up to
/// [`CONTEXT_CHARS`] on each side, so only a passage at the start of the text has no prefix and
/// only one at the end has no suffix). There the other side alone bounds a region, which may
/// also hold text added at the edge, so the passage is aligned inside that region: the context
/// keeps it in its place even when a near-copy elsewhere matches the quote with fewer edits.
fn between_context(
    text: &str,
    selector: &Selector,
    expected_start: usize,
    expected_end: usize,
) -> Option<(Range<usize>, f64)> {
    let (prefix, suffix, quote) = (&selector.prefix, &selector.suffix, &selector.quote);
    let nearest = |_| Fit {
        score: 0,
        confirmed: true,
    };
    let start = if prefix.is_empty() {
        0
    } else {
        search::find_near(
            text,
            prefix,
            expected_start.saturating_sub(prefix.len()),
            nearest,
        )? + prefix.len()
    };
    let end = if suffix.is_empty() {
        text.len()
    } else {
        let shift = start as isize - expected_start as isize;
        let expected_suffix = (expected_end as isize + shift).max(start as isize) as usize;
        search::find_near(&text[start..], suffix, expected_suffix - start, nearest)? + start
    };
    let length = end - start;
    if length * 2 < quote.len() || length > quote.len() * 2 + 4 * CONTEXT_CHARS {
        return None;
    }
    if !prefix.is_empty() && !suffix.is_empty() {
        return Some((start..end, fuzzy::similarity(quote, &text[start..end])));
    }
    let pattern: Vec<char> = quote.chars().collect();
    let hint = expected_start.clamp(start, end) - start;
    let (span, confidence) = approximate_near(&text[start..end], &pattern, quote, hint)?;
    Some((start + span.start..start + span.end, confidence))
}

/// The best approximate occurrence of `quote` near any of `hints` (byte offsets where it may
/// start), or found through verbatim pieces of it anywhere; with its similarity.
fn approximate(
    text: &str,
    quote: &str,
    hints: &[usize],
    expected: usize,
) -> Option<(Range<usize>, f64)> {
    let pattern: Vec<char> = quote.chars().collect();
    let best = |hints: &[usize]| {
        hints
            .iter()
            .filter_map(|&hint| approximate_near(text, &pattern, quote, hint))
            .max_by(|a, b| a.1.total_cmp(&b.1))
    };
    let nearby = best(hints);
    if nearby
        .as_ref()
        .is_some_and(|(_, confidence)| *confidence >= MIN_FUZZY_CONFIDENCE)
    {
        return nearby;
    }
    let far = best(&chunk_hints(text, quote, expected));
    [nearby, far]
        .into_iter()
        .flatten()
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

/// Where `quote` would start if one of its verbatim pieces is where it is found.
fn chunk_hints(text: &str, quote: &str, expected: usize) -> Vec<usize> {
    let starts: Vec<usize> = quote
        .char_indices()
        .map(|(i, _)| i)
        .step_by(CHUNK_CHARS)
        .collect();
    let step = (starts.len() / 4).max(1);
    let mut hints: Vec<usize> = starts
        .iter()
        .step_by(step)
        .filter_map(|&offset| {
            let end = quote[offset..]
                .char_indices()
                .nth(CHUNK_CHARS)
                .map_or(quote.len(), |(i, _)| offset + i);
            let chunk = &quote[offset..end];
            if chunk.chars().count() < CHUNK_CHARS / 2 {
                return None;
            }
            let at = search::find_near(text, chunk, expected + offset, |_| Fit {
                score: 0,
                confirmed: true,
            })?;
            Some(at.saturating_sub(offset))
        })
        .collect();
    hints.sort_unstable();
    hints.dedup();
    hints
}

/// Aligns the head of the passage near `hint` and its tail where the passage would end, and
/// measures what lies between against the quote.
fn approximate_near(
    text: &str,
    pattern: &[char],
    quote: &str,
    hint: usize,
) -> Option<(Range<usize>, f64)> {
    let head = &pattern[..pattern.len().min(PIECE_CHARS)];
    let head_at = align_piece(text, head, hint, 0)?;
    let span = if pattern.len() <= PIECE_CHARS {
        head_at
    } else {
        let tail = &pattern[pattern.len() - PIECE_CHARS..];
        let tail_hint =
            head_at.start + quote.len() - tail.iter().map(|c| c.len_utf8()).sum::<usize>();
        let tail_at = align_piece(text, tail, tail_hint, pattern.len() / 4)?;
        if tail_at.end <= head_at.start {
            return None;
        }
        head_at.start..tail_at.end
    };
    Some((span.clone(), fuzzy::similarity(quote, &text[span])))
}

/// Aligns `piece` in a window around byte `hint` widened by `extra` characters; returns the
/// byte range matched when it needs few enough edits.
fn align_piece(text: &str, piece: &[char], hint: usize, extra: usize) -> Option<Range<usize>> {
    let reach = (piece.len() + SLACK_CHARS + extra) * 4;
    let from = floor_boundary(text, hint.saturating_sub(reach / 4 * 2));
    let to = ceil_boundary(text, hint.saturating_add(reach));
    let window = &text[from..to];
    let offsets: Vec<usize> = window
        .char_indices()
        .map(|(i, _)| i)
        .chain([window.len()])
        .collect();
    let chars: Vec<char> = window.chars().collect();
    let target = offsets.partition_point(|&o| o < hint.saturating_sub(from));
    let Alignment {
        start,
        end,
        distance,
    } = fuzzy::align(piece, &chars, target)?;
    let allowed = (piece.len() as f64 * MAX_PIECE_ERRORS).floor() as usize;
    (distance <= allowed && end > start).then(|| from + offsets[start]..from + offsets[end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn select(document: &Document, quote: &str) -> Selector {
        let start = document.text.find(quote).unwrap();
        Selector::from_span(document, start..start + quote.len())
    }

    fn placed_text(placement: &Placement, document: &Document) -> String {
        document.slice(placement.span.as_ref().unwrap()).to_owned()
    }

    const ORIGINAL: &str = "Rents rose by a fifth in two years. The council says supply is \
        the answer.\n\nCritics argue that zoning reform alone cannot lower prices quickly enough \
        for the families already priced out.\n\nThe report ends with three recommendations.";

    #[test]
    fn unchanged_text_places_at_the_stored_position() {
        // The common case: nothing changed, the stored offsets are right.
        let document = Document::from_paragraphs(ORIGINAL);
        let selector = select(&document, "zoning reform alone");
        let placement = place(&selector, &document);
        assert_eq!(placement.status, AnchorStatus::Exact);
        assert_eq!(placed_text(&placement, &document), "zoning reform alone");
        assert_eq!(
            document.char_offset(placement.span.unwrap().start),
            selector.start
        );
    }

    #[test]
    fn another_copy_shifted_onto_the_old_offsets_is_not_taken() {
        // Deleting 7 bytes before "citie[s cities] cities" puts the next, overlapping copy of
        // the quote exactly at the old offsets; the context says it is the wrong one (a
        // proptest on repetitive text found this).
        let original = "Some words here. The cities cities cities grew.";
        let selector = select(&Document::from_paragraphs(original), "s cities");
        let edited = Document::from_paragraphs(&original[7..]);
        let placement = place(&selector, &edited);
        let start = placement.span.clone().unwrap().start;
        assert_eq!(&edited.text[start..], "s cities cities grew.");
        assert_eq!(placement.status, AnchorStatus::Moved);
    }

    #[test]
    fn text_inserted_before_moves_the_highlight() {
        // Editing earlier paragraphs shifts every offset after them; the quote must follow.
        let selector = select(&Document::from_paragraphs(ORIGINAL), "zoning reform alone");
        let edited = Document::from_paragraphs(&format!("A new opening paragraph.\n\n{ORIGINAL}"));
        let placement = place(&selector, &edited);
        assert_eq!(placement.status, AnchorStatus::Moved);
        assert_eq!(placement.confidence, 1.0);
        assert_eq!(placed_text(&placement, &edited), "zoning reform alone");
    }

    #[test]
    fn a_typo_fixed_inside_the_passage_is_found_fuzzily() {
        // Corrections inside a highlighted passage must not orphan the highlight.
        let quote = "Critics argue that zoning reform alone cannot lower prices quickly enough";
        let selector = select(&Document::from_paragraphs(ORIGINAL), quote);
        let edited = Document::from_paragraphs(
            &ORIGINAL.replace("zoning reform alone", "zonning reforms alone"),
        );
        let placement = place(&selector, &edited);
        assert_eq!(placement.status, AnchorStatus::Fuzzy);
        assert!(placement.confidence > 0.9 && placement.confidence < 1.0);
        assert_eq!(
            placed_text(&placement, &edited),
            "Critics argue that zonning reforms alone cannot lower prices quickly enough"
        );
    }

    #[test]
    fn a_long_passage_edited_inside_and_moved_is_found() {
        // Long highlights are aligned by head and tail; the middle may change freely.
        let quote = "Critics argue that zoning reform alone cannot lower prices quickly enough \
            for the families already priced out.";
        let selector = select(&Document::from_paragraphs(ORIGINAL), quote);
        let edited = format!(
            "{}\n\n{}",
            "Preface. ".repeat(300),
            ORIGINAL.replace("cannot lower prices", "can not bring down prices")
        );
        let edited = Document::from_paragraphs(&edited);
        let placement = place(&selector, &edited);
        assert_eq!(placement.status, AnchorStatus::Fuzzy);
        let text = placed_text(&placement, &edited);
        assert!(text.starts_with("Critics argue"), "{text}");
        assert!(text.ends_with("priced out."), "{text}");
    }

    #[test]
    fn a_deleted_passage_is_orphaned() {
        // Nothing similar remains: placing it anywhere would mislead the reader.
        let selector = select(
            &Document::from_paragraphs(ORIGINAL),
            "Critics argue that zoning reform alone",
        );
        let edited =
            Document::from_paragraphs("Rents rose by a fifth in two years.\n\nThe report ends.");
        let placement = place(&selector, &edited);
        assert_eq!(placement, Placement::orphaned());
    }

    #[test]
    fn context_picks_the_right_copy_of_a_repeated_quote() {
        // "the answer" appears twice; the stored prefix tells which one was highlighted.
        let text = "Supply is the answer, say some.\n\nDemand is the answer, say others.";
        let document = Document::from_paragraphs(text);
        let second = text.rfind("the answer").unwrap();
        let selector = Selector::from_span(&document, second..second + "the answer".len());
        let edited = Document::from_paragraphs(&format!("Intro.\n\n{text}"));
        let placement = place(&selector, &edited);
        let start = placement.span.unwrap().start;
        assert!(edited.text[..start].ends_with("Demand is "));
    }

    #[test]
    fn a_selector_moved_in_place_equals_a_fresh_one() {
        // Saving refreshes every selector in place; it must end up exactly as a selector made
        // afresh at the new place, whatever it held before (longer, shorter or a position).
        let document = Document::from_paragraphs(ORIGINAL);
        let start = document.text.find("zoning reform alone").unwrap();
        let target = start..start + "zoning reform alone".len();
        for before in [
            "Rents rose by a fifth in two years. The council",
            "report",
            "",
        ] {
            let mut selector = if before.is_empty() {
                Selector::at(&document, 5)
            } else {
                select(&document, before)
            };
            selector.move_to(&document, target.clone());
            assert_eq!(selector, Selector::from_span(&document, target.clone()));
        }
    }

    #[test]
    fn an_edited_passage_at_the_end_stays_there_despite_a_closer_copy() {
        // Repetitive text: after a typo inside the last words, a run earlier in the paragraph
        // matches the quote with one edit fewer than the edited passage. The passage had no
        // suffix because it ended the text; that edge and its prefix still mark its place, so
        // it must not jump to the copy.
        let text = "council council council council council council council council council.";
        let quote = "council council council.";
        let start = text.len() - quote.len();
        let selector = Selector::from_span(&Document::from_paragraphs(text), start..text.len());
        assert!(selector.suffix.is_empty());
        let edited =
            Document::from_paragraphs(&format!("{}coxyncil council council.", &text[..start]));
        let placement = place(&selector, &edited);
        assert_eq!(placement.status, AnchorStatus::Fuzzy);
        assert_eq!(
            placed_text(&placement, &edited),
            "coxyncil council council."
        );
        let opening = "Council council council council council council council.";
        let selector = Selector::from_span(
            &Document::from_paragraphs(opening),
            0.."Council council council".len(),
        );
        assert!(selector.prefix.is_empty());
        let edited = Document::from_paragraphs(&opening.replacen("Council", "Coxyncil", 1));
        let placement = place(&selector, &edited);
        assert_eq!(placed_text(&placement, &edited), "Coxyncil council council");
    }

    #[test]
    fn a_position_follows_its_context() {
        // Standalone notes and bookmarks have no quote; their surroundings locate them.
        let document = Document::from_paragraphs(ORIGINAL);
        let at = document.text.find("Critics").unwrap();
        let selector = Selector::at(&document, at);
        assert!(selector.is_point());
        let edited = Document::from_paragraphs(&format!("New lead.\n\n{ORIGINAL}"));
        let placement = place(&selector, &edited);
        assert_eq!(placement.status, AnchorStatus::Moved);
        let point = placement.span.unwrap().start;
        assert!(edited.text[point..].starts_with("Critics"));
        let retyped = Document::from_paragraphs(
            &ORIGINAL.replace("supply is the answer", "supply is the ansver"),
        );
        let fuzzy = place(&selector, &retyped);
        assert_eq!(fuzzy.status, AnchorStatus::Fuzzy);
        assert!(retyped.text[fuzzy.span.unwrap().start..].starts_with("Critics"));
    }
}
