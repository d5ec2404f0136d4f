//! Outline extraction: the claims, direct quotes (with speakers) and policy recommendations of
//! an article, found by general linguistic cues on the segmented [`Document`].
//!
//! Each kind has its own module: [`quotes`] pairs quotation marks and finds speakers,
//! [`recommendations`] finds sentences that advise a course of action and who should act,
//! [`claims`] scores the article's own arguable assertions. Boilerplate blocks are skipped.

mod attribution;
pub mod claims;
mod clauses;
mod cues;
mod frames;
mod lexicon;
mod marks;
pub mod quotes;
pub mod recommendations;
mod speakers;
mod words;

use std::ops::Range;

use serde::Serialize;

use crate::document::{BlockKind, Document};
use clauses::Clause;
use words::Tokens;

/// What an outline item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// An arguable assertion: thesis, judgement, cause, prediction, comparison.
    Claim,
    /// A direct quotation attributed (where possible) to a speaker.
    Quote,
    /// A sentence that advises a course of action.
    Recommendation,
}

impl ItemKind {
    /// The lower-case name used in JSON and on screen.
    pub fn name(self) -> &'static str {
        match self {
            ItemKind::Claim => "claim",
            ItemKind::Quote => "quote",
            ItemKind::Recommendation => "recommendation",
        }
    }
}

/// One entry of the outline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutlineItem {
    /// What the item is.
    pub kind: ItemKind,
    /// The item's text; for quotes, the quoted words without quotation marks.
    pub text: String,
    /// Who is quoted (quotes only), resolved to the fullest name in the article.
    pub speaker: Option<String>,
    /// Who should act (recommendations only).
    pub actor: Option<String>,
    /// Byte range of the item in [`Document::text`].
    pub span: Range<usize>,
    /// Index of the (first) sentence the item lies in.
    pub sentence: usize,
    /// Strength in 0.0–1.0; higher is more central to the argument.
    pub score: f32,
    /// The cues that triggered the item: a short "why" for the UI.
    pub cues: Vec<String>,
}

/// The outline of one document: its items in reading order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Outline {
    /// Items sorted by position in the document.
    pub items: Vec<OutlineItem>,
}

impl Outline {
    /// The items of one kind, in reading order.
    pub fn of_kind(&self, kind: ItemKind) -> impl Iterator<Item = &OutlineItem> {
        self.items.iter().filter(move |item| item.kind == kind)
    }
}

/// Extracts the outline of `document`: quotes, then recommendations and claims clause by
/// clause. A clause that advises is a recommendation; a clause inside a quote is the speaker's,
/// not the article's, so it is neither a recommendation nor a claim.
pub fn extract(document: &Document) -> Outline {
    let names = speakers::NameIndex::build(document);
    let mut items = quotes::find(document, &names);
    let mut quote_spans: Vec<Range<usize>> = items.iter().map(|item| item.span.clone()).collect();
    quote_spans.sort_by_key(|span| span.start);
    let thesis = Thesis::find(document);
    for clause in clauses::clauses(document) {
        if overlaps_any(&quote_spans, &clause.span) {
            continue;
        }
        items.extend(assess_clause(document, &clause, &thesis));
    }
    items.sort_by_key(|item| (item.span.start, item.kind));
    Outline { items }
}

/// Where the thesis sits: the standfirst block and the lede (first body paragraph).
#[derive(Debug, Default)]
struct Thesis {
    standfirst: Option<usize>,
    lede: Option<usize>,
}

impl Thesis {
    fn find(document: &Document) -> Self {
        let standfirst = document.metadata.standfirst.as_deref().and_then(|wanted| {
            let wanted = squash(wanted);
            document
                .blocks
                .iter()
                .position(|block| squash(document.slice(&block.span)) == wanted)
        });
        let lede = document
            .blocks
            .iter()
            .enumerate()
            .skip(standfirst.map_or(0, |s| s + 1))
            .find(|(index, block)| {
                !block.is_boilerplate()
                    && block.kind == BlockKind::Paragraph
                    && Some(*index) != standfirst
            })
            .map(|(index, _)| index);
        Thesis { standfirst, lede }
    }
}

/// Text with white space collapsed, for comparing a block with the metadata's standfirst.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `span` overlaps any of the sorted, non-overlapping `spans`.
fn overlaps_any(spans: &[Range<usize>], span: &Range<usize>) -> bool {
    let index = spans.partition_point(|s| s.end <= span.start);
    spans.get(index).is_some_and(|s| s.start < span.end)
}

/// Judges one clause: a recommendation, a claim, or nothing.
fn assess_clause(document: &Document, clause: &Clause, thesis: &Thesis) -> Option<OutlineItem> {
    let text = document.slice(&clause.span);
    let tokens = Tokens::new(text);
    if tokens.is_empty() {
        return None;
    }
    let from_word = clause.concession.map_or(0, |comma| {
        (0..tokens.len())
            .find(|&k| tokens.span(k).start > comma)
            .unwrap_or(tokens.len())
    });
    let opens_sentence = clause.span.start == document.sentences[clause.sentence].span.start;
    let item = |kind, cues: &[cues::Cue], notes: &[&str], score, actor| {
        let first = cues.first().map_or(0, |cue| tokens.span(cue.word).start);
        let start = clauses::main_clause_start(text, clause.concession, first);
        let span = clause.span.start + start..clause.span.end;
        let mut labels: Vec<String> = cues.iter().map(|cue| cue.label(&tokens)).collect();
        labels.dedup();
        labels.extend(notes.iter().map(|note| (*note).to_owned()));
        OutlineItem {
            kind,
            text: document.slice(&span).to_owned(),
            speaker: None,
            actor,
            span,
            sentence: clause.sentence,
            score,
            cues: labels,
        }
    };
    if let Some(advice) = recommendations::detect(&tokens, from_word, opens_sentence) {
        let score = (0.5 + 0.15 * advice.cues.len() as f32).min(1.0);
        return Some(item(
            ItemKind::Recommendation,
            &advice.cues,
            &[],
            score,
            advice.actor,
        ));
    }
    let placement = claims::Placement {
        standfirst: thesis.standfirst == Some(clause.block),
        lede: thesis.lede == Some(clause.block),
    };
    let assessment = claims::assess(&tokens, from_word, placement);
    (assessment.score >= claims::THRESHOLD).then(|| {
        item(
            ItemKind::Claim,
            &assessment.cues,
            &assessment.notes,
            assessment.score,
            None,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{DocumentBuilder, Format};

    fn outline(paragraphs: &[&str]) -> Outline {
        let mut builder = DocumentBuilder::new(Format::Text);
        for paragraph in paragraphs {
            builder.push(BlockKind::Paragraph, 0, paragraph);
        }
        extract(&builder.build())
    }

    #[test]
    fn odd_fragments_do_not_panic() {
        // Scraped text holds lone dashes, marks and numbers; the outline must survive them.
        let found = outline(&["—", "“", "” ;", "42.", "; ;", "\"", "But", "Should"]);
        assert!(found.items.iter().all(|item| !item.text.is_empty()));
    }

    #[test]
    fn items_come_in_reading_order_with_one_kind_per_clause() {
        // The UI lists items by position; a clause that advises is not also a claim, and a
        // quote's words are the speaker's, not the article's claims.
        let found = outline(&[
            "The levy is a grave mistake.",
            "“It will ruin the harbour for good,” said Ada Obi.",
            "The council should repeal it.",
        ]);
        let kinds: Vec<_> = found.items.iter().map(|item| item.kind).collect();
        assert_eq!(
            kinds,
            [ItemKind::Claim, ItemKind::Quote, ItemKind::Recommendation]
        );
        assert_eq!(found.items[2].actor.as_deref(), Some("The council"));
    }

    #[test]
    fn a_question_put_to_a_source_is_not_the_writer_s_claim() {
        // "Asked whether X would…, Osei smiled": the hedge belongs to the reporter's question,
        // and what is left (Osei smiled) asserts nothing.
        let found = outline(&["Asked whether the levy would survive, Osei smiled."]);
        assert!(found.items.is_empty(), "{:?}", found.items);
    }

    #[test]
    fn boilerplate_blocks_are_skipped() {
        // Bios and share lines are kept in the document but never reach the outline.
        let mut builder = DocumentBuilder::new(Format::Text);
        builder.push(BlockKind::Paragraph, 0, "Readers should subscribe today.");
        builder.mark_boilerplate(0, "promo");
        assert!(extract(&builder.build()).items.is_empty());
    }
}
