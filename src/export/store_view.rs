//! The bridge between the annotation store and the export view: annotations as placed on the
//! current text become [`ExportHighlight`]s, and imported highlights become annotations again.

use crate::annotations::{Annotation, AnnotationId, Kind, Selector, Store, Tag};
use crate::document::Document;

use super::ExportHighlight;

/// The highlights and stand-alone notes of `store` (bookmarks and kinds this version does not
/// know are left out), in reading order of `document`, orphans last.
///
/// A placed annotation is described by the current text: its quote, context and character
/// offsets are those of where it lies now, so position and quote selectors agree. An orphan
/// keeps the selector stored in the sidecar and has no position.
pub fn highlights_from_store(store: &Store, document: &Document) -> Vec<ExportHighlight> {
    store
        .in_reading_order()
        .into_iter()
        .filter(|(annotation, _)| matches!(annotation.kind, Kind::Highlight | Kind::Note))
        .map(|(annotation, placement)| {
            let (selector, placed) = match &placement.span {
                Some(bytes) => (Selector::from_span(document, bytes.clone()), true),
                None => (annotation.selector.clone(), false),
            };
            ExportHighlight {
                id: annotation.id.to_string(),
                tag: annotation.tag.as_ref().map(|tag| tag.name().to_owned()),
                note: annotation.note.clone(),
                span: placed.then_some(selector.start..selector.end),
                quote: selector.quote,
                prefix: selector.prefix,
                suffix: selector.suffix,
                created: annotation.created,
                updated: annotation.updated,
            }
        })
        .collect()
}

/// An annotation carrying an imported highlight: a highlight when it has a quote, else a
/// stand-alone note; its stored position is the exported one (or the start of the text when
/// there was none), to be re-anchored by the store like any annotation read from a sidecar.
pub fn annotation_from_highlight(highlight: &ExportHighlight) -> Annotation {
    let kind = if highlight.quote.is_empty() {
        Kind::Note
    } else {
        Kind::Highlight
    };
    let span = highlight.span.clone().unwrap_or(0..0);
    let selector = Selector {
        start: span.start,
        end: span.end,
        quote: highlight.quote.clone(),
        prefix: highlight.prefix.clone(),
        suffix: highlight.suffix.clone(),
    };
    let mut annotation = Annotation::new(kind, selector);
    annotation.id = AnnotationId::new(highlight.id.clone());
    annotation.tag = highlight.tag.as_deref().and_then(Tag::parse);
    annotation.note = highlight.note.clone();
    annotation.created = highlight.created;
    annotation.updated = highlight.updated;
    annotation
}
