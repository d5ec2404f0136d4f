//! Anchoring, in the style of the W3C Web Annotation model: each annotation keeps a position
//! selector (character offsets) and a quote selector (the exact text with some context).

use std::ops::Range;

use serde::{Deserialize, Serialize};

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
        let text = &document.text;
        let start = span.start.min(text.len());
        let end = span.end.clamp(start, text.len());
        Selector {
            start: document.char_offset(start),
            end: document.char_offset(end),
            quote: text[start..end].to_owned(),
            prefix: last_chars(&text[..start], CONTEXT_CHARS).to_owned(),
            suffix: first_chars(&text[end..], CONTEXT_CHARS).to_owned(),
        }
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
