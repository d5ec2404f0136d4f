//! Property tests for re-anchoring: random documents, random highlights, random edits
//! (insertions, deletions, typos, outside and inside the highlighted text).

use std::ops::Range;

use margent::annotations::anchor::{self, AnchorStatus, Selector};
use margent::annotations::search::floor_boundary;
use margent::annotations::sidecar;
use margent::annotations::{Store, StoreOptions};
use margent::document::Document;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "the", "council", "housing", "rents", "rose", "fell", "policy", "market", "zoning", "reform",
    "permits", "café", "naïve", "supply", "demand", "said", "argued", "that", "in", "of", "a",
    "city", "cities", "budget", "—", "2024", "percent", "families", "priced", "out", "report",
];

/// An edit of the text: replace `range` (as fractions of the length) with `insert`.
#[derive(Debug, Clone)]
struct Edit {
    at: f64,
    delete: usize,
    insert: String,
}

/// A tiny vocabulary for very repetitive texts ("council council of council …"), where every
/// passage has near-copies a few words away.
const REPETITIVE_WORDS: &[&str] = &["council", "council", "council", "of", "a", "city", "cities"];

fn paragraph(words: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(words), 3..40).prop_map(|words| {
        let mut text = words.join(" ");
        text.push('.');
        text
    })
}

/// Prose from the ordinary vocabulary, and one text in four from the repetitive one: there a
/// passage edited inside often matches a near-copy elsewhere better than its own edited text,
/// and only its context (or the edge of the text it touched) tells where it belongs.
fn document_text() -> impl Strategy<Value = String> {
    let text = |words| {
        prop::collection::vec(paragraph(words), 1..6).prop_map(|paragraphs| paragraphs.join("\n\n"))
    };
    prop_oneof![3 => text(WORDS), 1 => text(REPETITIVE_WORDS)]
}

fn edit() -> impl Strategy<Value = Edit> {
    let insert = prop_oneof![
        Just(String::new()),
        "[a-zé]{1,2}",
        prop::collection::vec(prop::sample::select(WORDS), 1..6)
            .prop_map(|words| format!(" {} ", words.join(" "))),
    ];
    (0.0..1.0f64, 0usize..12, insert).prop_map(|(at, delete, insert)| Edit { at, delete, insert })
}

/// Applies `edits` to `text`, tracking where `highlight` goes; returns the new text, the
/// highlight's new range and whether an edit touched its inside.
fn apply(text: &str, edits: &[Edit], highlight: Range<usize>) -> (String, Range<usize>, bool) {
    let mut text = text.to_owned();
    let mut range = highlight;
    let mut touched = false;
    for edit in edits {
        let start = floor_boundary(&text, (edit.at * text.len() as f64) as usize);
        let end = floor_boundary(&text, start + edit.delete).max(start);
        let replacement = edit.insert.as_str();
        let delta = replacement.len() as isize - (end - start) as isize;
        if end <= range.start {
            range = shift(range.start, delta)..shift(range.end, delta);
        } else if start < range.end {
            touched = true;
            let new_start = range.start.min(start);
            let new_end = shift(range.end.max(end), delta).max(new_start);
            range = new_start..new_end;
        }
        text.replace_range(start..end, replacement);
    }
    (text, range, touched)
}

fn shift(offset: usize, delta: isize) -> usize {
    (offset as isize + delta).max(0) as usize
}

fn highlight_in(text: &str, from: f64, chars: usize) -> Range<usize> {
    let start = floor_boundary(text, (from * text.len() as f64) as usize);
    let end = text[start..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| start + i);
    start..end
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Every highlight whose text survives the edits is placed on exactly that text (and on
    /// the very same occurrence when the text occurs once); highlights edited inside are
    /// either placed over the edited passage or orphaned, never put somewhere unrelated.
    #[test]
    fn surviving_highlights_are_re_anchored_to_their_text(
        original in document_text(),
        from in 0.0..1.0f64,
        chars in 1usize..60,
        edits in prop::collection::vec(edit(), 1..5),
    ) {
        let document = Document::from_paragraphs(&original);
        prop_assume!(document.text == original);
        let span = highlight_in(&original, from, chars);
        prop_assume!(!original[span.clone()].trim().is_empty());
        let selector = Selector::from_span(&document, span.clone());
        let (edited, moved, touched) = apply(&original, &edits, span.clone());
        let edited_document = Document::from_paragraphs(&edited);
        prop_assume!(edited_document.text == edited);
        let placement = anchor::place(&selector, &edited_document);
        let quote = &original[span];
        if !touched {
            prop_assert_eq!(&edited[moved.clone()], quote);
            prop_assert!(
                matches!(placement.status, AnchorStatus::Exact | AnchorStatus::Moved),
                "status {:?} for surviving {:?}", placement.status, quote
            );
            let placed = placement.span.clone().unwrap();
            prop_assert_eq!(&edited[placed.clone()], quote);
            if edited.matches(quote).count() == 1 {
                prop_assert_eq!(placed, moved);
            }
        }
    }

    /// A typo made or fixed inside a highlight (one or two characters replaced) leaves it
    /// placed: approximately over the edited passage, or verbatim on another copy of its text.
    ///
    /// Approximately *over the edited passage*, not on any near-copy: in repetitive text
    /// ("… council council council.") a copy a few words away can match the quote with one
    /// edit fewer than the passage with its typo. That copy is not equally good — the
    /// passage's prefix and suffix (or, at the start or end of the text, that edge) still
    /// surround the edited passage only — so this once-seen failure was an anchoring bug
    /// (fixed in `anchor::between_context`), not a generator that made ambiguous passages.
    #[test]
    fn highlights_with_a_typo_inside_are_found_fuzzily(
        original in document_text(),
        from in 0.0..1.0f64,
        chars in 16usize..80,
        typo_at in 0.0..1.0f64,
        typo in "[a-zé]{1,2}",
    ) {
        let document = Document::from_paragraphs(&original);
        prop_assume!(document.text == original);
        let span = highlight_in(&original, from, chars);
        prop_assume!(span.len() >= 16);
        let selector = Selector::from_span(&document, span.clone());
        let inside = floor_boundary(&original, span.start + 1 + (typo_at * (span.len() - 2) as f64) as usize);
        let replaced = original[inside..].chars().next().map_or(0, char::len_utf8);
        prop_assume!(inside > span.start && inside + replaced < span.end);
        let edit = Edit {
            at: inside as f64 / original.len() as f64,
            delete: replaced,
            insert: typo,
        };
        let (edited, moved, touched) = apply(&original, &[edit], span.clone());
        prop_assume!(touched);
        let edited_document = Document::from_paragraphs(&edited);
        prop_assume!(edited_document.text == edited);
        let placement = anchor::place(&selector, &edited_document);
        let quote = &original[span];
        let placed = placement.span.clone();
        prop_assert!(placed.is_some(), "orphaned {:?} → {:?}", quote, &edited[moved.clone()]);
        let placed = placed.unwrap();
        match placement.status {
            AnchorStatus::Fuzzy => {
                prop_assert!(
                    placed.start < moved.end && moved.start < placed.end,
                    "fuzzy placement {:?} misses {:?}", placed, moved
                );
                prop_assert!(placement.confidence >= 0.6 && placement.confidence < 1.0);
            }
            _ => prop_assert_eq!(&edited[placed], quote),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// However the article changes, saving never loses an annotation from the file.
    #[test]
    fn no_annotation_is_ever_lost_from_the_file(
        original in document_text(),
        highlights in prop::collection::vec((0.0..1.0f64, 1usize..60), 1..6),
        edits in prop::collection::vec(edit(), 0..8),
    ) {
        let folder = tempfile::tempdir().unwrap();
        let article = folder.path().join("article.txt");
        let options = StoreOptions { data_dir: None };
        let document = Document::from_paragraphs(&original);
        let mut store = Store::open(&article, &document, options.clone()).unwrap();
        let ids: Vec<_> = highlights
            .iter()
            .map(|&(from, chars)| {
                store.add_highlight(&document, highlight_in(&document.text, from, chars), None, None)
            })
            .collect();
        store.save(&document).unwrap();
        let (edited, _, _) = apply(&document.text, &edits, 0..0);
        let edited_document = Document::from_paragraphs(&edited);
        let mut store = Store::open(&article, &edited_document, options.clone()).unwrap();
        store.save(&edited_document).unwrap();
        let mut store = Store::open(&article, &document, options).unwrap();
        store.save(&document).unwrap();
        let text = std::fs::read_to_string(sidecar::sidecar_path(&article)).unwrap();
        let saved = sidecar::parse(&text).unwrap();
        for id in &ids {
            prop_assert!(saved.get(id).is_some(), "annotation {} lost", id);
        }
        prop_assert_eq!(saved.annotations.len(), ids.len());
    }
}
