//! What the annotation keys (`h`, `n`, `e`, `d`) act on: the article's cursor sentence while
//! the article has focus, the item selected in the side pane while the side pane has it (an
//! annotation in the Notes tab, orphans included; an outline item in the Outline tab).

use std::ops::Range;

use crate::annotations::{AnnotationId, Kind, Tag};
use crate::outline::ItemKind;

use super::app::{App, Focus};
use super::notes_tab::NotesRow;
use super::side_pane::{OutlineRow, SideTab};

/// The thing an annotation key acts on.
#[derive(Debug, Clone, PartialEq)]
pub enum KeyTarget {
    /// The article's cursor sentence (or what overlaps it).
    Cursor,
    /// An annotation selected in the Notes tab.
    Annotation {
        /// Its id.
        id: AnnotationId,
        /// Where it is in the text; `None` for an orphan.
        span: Option<Range<usize>>,
    },
    /// An item selected in the Outline tab.
    OutlineItem {
        /// Its passage.
        span: Range<usize>,
        /// The tag of its kind.
        tag: Tag,
        /// The highlight already made of exactly this passage, if any.
        highlight: Option<AnnotationId>,
    },
    /// Nothing the keys can act on is selected; says why, for the status bar.
    Nothing(&'static str),
}

/// What the annotation keys act on in `app`'s present state.
pub fn key_target(app: &App) -> KeyTarget {
    if app.focus != Focus::Side {
        return KeyTarget::Cursor;
    }
    match app.side.tab {
        SideTab::Notes => notes_target(app),
        SideTab::Outline => outline_target(app),
        SideTab::Contents => KeyTarget::Nothing(
            "The Contents tab lists headings; annotate in the article or the Outline tab",
        ),
    }
}

fn notes_target(app: &App) -> KeyTarget {
    match app.side.notes.rows.get(app.side.notes.cursor.selected) {
        Some(NotesRow::Placed { id, span, .. }) => KeyTarget::Annotation {
            id: id.clone(),
            span: Some(span.clone()),
        },
        Some(NotesRow::Orphan { id, .. }) => KeyTarget::Annotation {
            id: id.clone(),
            span: None,
        },
        Some(NotesRow::OrphanHeader(_)) | None => KeyTarget::Nothing("No annotation selected"),
    }
}

fn outline_target(app: &App) -> KeyTarget {
    let outline = &app.side.outline;
    let Some(item) = outline.selected_row().and_then(|row| match row {
        OutlineRow::Item(index) => outline.outline.items.get(index),
        OutlineRow::Group(_) => None,
    }) else {
        return KeyTarget::Nothing("Select an outline item (not a group) to annotate it");
    };
    let highlight = app.notes.store.as_ref().and_then(|store| {
        store
            .in_reading_order()
            .into_iter()
            .find(|(annotation, placement)| {
                annotation.kind == Kind::Highlight && placement.span.as_ref() == Some(&item.span)
            })
            .map(|(annotation, _)| annotation.id.clone())
    });
    KeyTarget::OutlineItem {
        span: item.span.clone(),
        tag: kind_tag(item.kind),
        highlight,
    }
}

/// The tag an outline item of `kind` is highlighted with.
pub fn kind_tag(kind: ItemKind) -> Tag {
    match kind {
        ItemKind::Claim => Tag::Claim,
        ItemKind::Quote => Tag::Quote,
        ItemKind::Recommendation => Tag::Recommendation,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An outline item becomes a highlight "with its own kind": each kind has its tag.
    #[test]
    fn each_outline_kind_has_its_own_tag() {
        assert_eq!(kind_tag(ItemKind::Claim), Tag::Claim);
        assert_eq!(kind_tag(ItemKind::Quote), Tag::Quote);
        assert_eq!(kind_tag(ItemKind::Recommendation), Tag::Recommendation);
    }
}
