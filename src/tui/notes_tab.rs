//! The Notes tab of the side pane: every highlight, note and bookmark in reading order, with
//! its tag, its first words and its note; a tag filter; and the orphans (annotations whose text
//! is no longer in the article) listed apart with their old quote, never hidden.

use std::ops::Range;

use crate::annotations::{AnnotationId, Store, Tag};
use crate::document::Document;

use super::side_pane::ListCursor;

/// Words of the passage shown before a row's note.
const FIRST_WORDS: usize = 6;

/// One row of the Notes tab.
#[derive(Debug, Clone, PartialEq)]
pub enum NotesRow {
    /// An annotation placed in the text.
    Placed {
        /// Its id.
        id: AnnotationId,
        /// Where it is (bytes).
        span: Range<usize>,
        /// Its tag.
        tag: Option<Tag>,
        /// Kind name (highlight, note, bookmark).
        kind: String,
        /// The first words of the passage.
        words: String,
        /// The first line of its note.
        note: String,
    },
    /// The heading of the orphans.
    OrphanHeader(usize),
    /// An annotation whose text was not found, with the quote it had.
    Orphan {
        /// Its id.
        id: AnnotationId,
        /// Its tag.
        tag: Option<Tag>,
        /// The quote it was made on.
        quote: String,
        /// The first line of its note.
        note: String,
    },
}

/// State of the Notes tab.
#[derive(Debug, Clone, Default)]
pub struct NotesPane {
    /// The rows, as of the last [`NotesPane::refresh`].
    pub rows: Vec<NotesRow>,
    /// Selection and scroll.
    pub cursor: ListCursor,
    /// Only annotations with this tag are listed, when set.
    pub filter: Option<Tag>,
    /// Only bookmarks are listed (`'`).
    pub bookmarks_only: bool,
}

impl NotesPane {
    /// Lists the annotations of `store` on `document`, keeping the selection in range.
    pub fn refresh(&mut self, store: &Store, document: &Document) {
        let wanted = |annotation: &crate::annotations::Annotation| {
            if self.bookmarks_only {
                return annotation.kind == crate::annotations::Kind::Bookmark;
            }
            self.filter.is_none() || annotation.tag == self.filter
        };
        let mut rows = Vec::new();
        let mut orphans = Vec::new();
        for (annotation, placement) in store.in_reading_order() {
            if !wanted(annotation) {
                continue;
            }
            let note = annotation
                .note
                .as_deref()
                .and_then(|note| note.lines().next())
                .unwrap_or_default()
                .to_owned();
            match &placement.span {
                Some(span) => rows.push(NotesRow::Placed {
                    id: annotation.id.clone(),
                    span: span.clone(),
                    tag: annotation.tag.clone(),
                    kind: annotation.kind.name().to_owned(),
                    words: first_words(passage_words(document, span)),
                    note,
                }),
                None => orphans.push(NotesRow::Orphan {
                    id: annotation.id.clone(),
                    tag: annotation.tag.clone(),
                    quote: first_words(&annotation.selector.quote),
                    note,
                }),
            }
        }
        if !orphans.is_empty() {
            rows.push(NotesRow::OrphanHeader(orphans.len()));
            rows.extend(orphans);
        }
        self.rows = rows;
        self.cursor.selected = self.cursor.selected.min(self.rows.len().saturating_sub(1));
    }

    /// What the list is filtered to, for the line above it; `None` when everything is listed.
    pub fn filter_label(&self) -> Option<String> {
        match (&self.filter, self.bookmarks_only) {
            (_, true) => Some(String::from("bookmarks")),
            (Some(tag), false) => Some(format!("{tag} only")),
            (None, false) => None,
        }
    }

    /// The next filter after the current one: all, then each tag of `tags` in turn.
    pub fn cycle_filter(&mut self, tags: &[Tag]) {
        self.bookmarks_only = false;
        self.filter = match &self.filter {
            None => tags.first().cloned(),
            Some(current) => tags
                .iter()
                .position(|tag| tag == current)
                .and_then(|index| tags.get(index + 1))
                .cloned(),
        };
        self.cursor = ListCursor::default();
    }
}

/// The first few words of `text` on one line, with `…` when cut.
/// The text a row shows for a placed annotation: its passage, or for a bookmark (an empty
/// passage) the sentence it marks, so two bookmarks can be told apart.
fn passage_words<'a>(document: &'a Document, span: &Range<usize>) -> &'a str {
    if !span.is_empty() {
        return document.slice(span);
    }
    document
        .sentence_at(span.start)
        .map_or("", |index| document.slice(&document.sentences[index].span))
}

fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = words
        .iter()
        .take(FIRST_WORDS)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if words.len() > FIRST_WORDS {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_show_a_passage_by_its_first_words() {
        // A side pane is narrow; the first words identify the passage, the note follows.
        assert_eq!(first_words("one two\nthree"), "one two three");
        assert_eq!(first_words("a b c d e f g h"), "a b c d e f…");
    }

    #[test]
    fn the_filter_cycles_through_the_tags_and_back_to_all() {
        // `f` must reach every tag and return to the full list.
        let mut pane = NotesPane::default();
        let tags = [Tag::Claim, Tag::Quote];
        pane.cycle_filter(&tags);
        assert_eq!(pane.filter, Some(Tag::Claim));
        pane.cycle_filter(&tags);
        assert_eq!(pane.filter, Some(Tag::Quote));
        pane.cycle_filter(&tags);
        assert_eq!(pane.filter, None);
    }
}
