//! Outline extraction: the claims, direct quotes (with speakers) and policy recommendations of
//! an article, found by general linguistic cues on the segmented [`Document`].
//!
//! Each kind has its own module: [`quotes`] pairs quotation marks and finds speakers,
//! [`recommendations`] finds sentences that advise a course of action and who should act,
//! [`claims`] scores the article's own arguable assertions. Boilerplate blocks are skipped.

mod attribution;
mod lexicon;
mod marks;
pub mod quotes;
mod speakers;
mod words;

use std::ops::Range;

use serde::Serialize;

use crate::document::Document;

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

/// Extracts the outline of `document`.
pub fn extract(document: &Document) -> Outline {
    let names = speakers::NameIndex::build(document);
    let mut items = quotes::find(document, &names);
    items.sort_by_key(|item| (item.span.start, item.kind));
    Outline { items }
}
