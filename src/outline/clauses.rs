//! The units that recommendations and claims are judged on: sentences of the article body,
//! split at semicolons that join separate assertions, with a leading concession marked so that
//! what the writer concedes is not taken for what they assert.

use std::ops::Range;
use std::sync::LazyLock;

use super::lexicon::Lexicon;
use super::words::first_word;
use crate::document::{BlockKind, Document};

/// Words that open a leading phrase whose cues are not the writer's assertion: a concession
/// ("While X is true, Y") or a question put to a source ("Asked whether X would…, she said").
static CONCESSIVE: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "while", "although", "though", "whereas", "despite", "even", "granted", "asked",
    ])
});

/// Words that, after a semicolon, refer back to the clause before it ("X is not A; it is B"),
/// so the two halves make one assertion.
static BACK_REFERENCES: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(&["it", "they", "this", "these", "those", "he", "she"]));

/// One clause of the article body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// Byte range in the document, trimmed.
    pub span: Range<usize>,
    /// Index of the sentence it belongs to.
    pub sentence: usize,
    /// Index of the block it belongs to.
    pub block: usize,
    /// For a clause opening with a concession, the byte offset (relative to the clause) of the
    /// comma that ends the concession's first part; cues before it are not the writer's.
    pub concession: Option<usize>,
}

/// The clauses of the document's non-boilerplate prose (headings and code are left out).
pub fn clauses(document: &Document) -> Vec<Clause> {
    let mut out = Vec::new();
    for (index, sentence) in document.sentences.iter().enumerate() {
        let block = &document.blocks[sentence.block];
        if block.is_boilerplate()
            || matches!(block.kind, BlockKind::Heading | BlockKind::Preformatted)
        {
            continue;
        }
        for range in split_at_semicolons(document.slice(&sentence.span)) {
            let span = sentence.span.start + range.start..sentence.span.start + range.end;
            let concession = concession_end(document.slice(&span));
            out.push(Clause {
                span,
                sentence: index,
                block: sentence.block,
                concession,
            });
        }
    }
    out
}

/// Splits a sentence at semicolons, except where the next part refers back with a pronoun.
pub fn split_at_semicolons(text: &str) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(';') {
        let refers_back = first_word(&text[at + 1..])
            .is_some_and(|word| BACK_REFERENCES.contains(&word.to_ascii_lowercase()));
        if !refers_back {
            parts.push(start..at);
            start = at + 1;
        }
    }
    parts.push(start..text.len());
    parts
        .into_iter()
        .filter_map(|range| {
            let piece = &text[range.clone()];
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            (!trimmed.is_empty()).then(|| range.start + lead..range.start + lead + trimmed.len())
        })
        .collect()
}

/// Where a leading concession's first part ends (its first comma), if the clause opens with one.
pub fn concession_end(text: &str) -> Option<usize> {
    if !first_word(text).is_some_and(|word| CONCESSIVE.contains(&word.to_ascii_lowercase())) {
        return None;
    }
    text.find(',')
}

/// Where the main clause starts, given the byte offset of its first cue: after the last comma
/// before the cue when the clause opens with a concession, else at the clause's start.
pub fn main_clause_start(text: &str, concession: Option<usize>, first_cue: usize) -> usize {
    match concession {
        Some(comma) if first_cue > comma => {
            let last_comma = text[..first_cue].rfind(',').unwrap_or(comma);
            let rest = &text[last_comma + 1..];
            last_comma + 1 + (rest.len() - rest.trim_start().len())
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<&str> {
        split_at_semicolons(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn semicolons_split_separate_assertions_only() {
        // "A; B" with a new subject is two claims, but "X is not A; it is B" is one.
        assert_eq!(
            parts("Rents may fall; the new towers would add supply."),
            ["Rents may fall", "the new towers would add supply."]
        );
        assert_eq!(
            parts("A bus lane is not a luxury; it is the minimum."),
            ["A bus lane is not a luxury; it is the minimum."]
        );
    }

    #[test]
    fn the_main_clause_follows_a_concession() {
        // "While the levy raised money, it is unfair" asserts the unfairness, not the money.
        let text = "While the levy, in fairness, raised money, it is plainly unfair.";
        let concession = concession_end(text);
        assert_eq!(concession, Some(14));
        let cue = text.find("unfair").unwrap();
        assert_eq!(
            &text[main_clause_start(text, concession, cue)..],
            "it is plainly unfair."
        );
        assert_eq!(concession_end("The levy, sadly, stays."), None);
        // "Asked whether the levy would last, Osei smiled": the question is the reporter's,
        // and its hedge is not the writer's claim.
        assert_eq!(
            concession_end("Asked whether the levy would last, Osei smiled."),
            Some(33)
        );
    }
}
