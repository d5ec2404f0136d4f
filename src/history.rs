//! Undo and redo of annotation changes for a whole reading session.
//!
//! Every change the reader makes to the annotation [`Store`] goes through a [`History`], which
//! applies it and remembers it as an [`AnnotationEdit`] holding the annotation before and after.
//! Undo applies the edit backwards, redo forwards again, both through the store's public API
//! (so a removal always leaves a tombstone and a restored annotation is stamped as updated,
//! which keeps merges with the file on disk right).

use crate::annotations::{Annotation, AnnotationId, Store};
use crate::document::Document;

/// One change to the annotations, with what it changed from and to.
#[derive(Debug, Clone, PartialEq)]
pub enum AnnotationEdit {
    /// An annotation was added.
    Add {
        /// The annotation as added.
        after: Box<Annotation>,
    },
    /// An annotation was changed (tag, note…).
    Update {
        /// As it was before.
        before: Box<Annotation>,
        /// As it is after.
        after: Box<Annotation>,
    },
    /// An annotation was deleted.
    Remove {
        /// As it was before the deletion.
        before: Box<Annotation>,
    },
}

impl AnnotationEdit {
    /// The id of the annotation the edit concerns.
    pub fn id(&self) -> &AnnotationId {
        match self {
            AnnotationEdit::Add { after } | AnnotationEdit::Update { after, .. } => &after.id,
            AnnotationEdit::Remove { before } => &before.id,
        }
    }

    /// A few words for the status bar: `"added highlight"`, `"changed note"`, `"deleted
    /// bookmark"`.
    pub fn describe(&self) -> String {
        match self {
            AnnotationEdit::Add { after } => format!("added {}", after.kind.name()),
            AnnotationEdit::Update { after, .. } => format!("changed {}", after.kind.name()),
            AnnotationEdit::Remove { before } => format!("deleted {}", before.kind.name()),
        }
    }

    /// The same change the other way round.
    fn inverse(&self) -> AnnotationEdit {
        match self {
            AnnotationEdit::Add { after } => AnnotationEdit::Remove {
                before: after.clone(),
            },
            AnnotationEdit::Update { before, after } => AnnotationEdit::Update {
                before: after.clone(),
                after: before.clone(),
            },
            AnnotationEdit::Remove { before } => AnnotationEdit::Add {
                after: before.clone(),
            },
        }
    }

    /// Makes the store hold the edit's "after" state.
    fn apply(&self, store: &mut Store, document: &Document) {
        match self {
            AnnotationEdit::Add { after } | AnnotationEdit::Update { after, .. } => {
                store.restore(Annotation::clone(after), document);
            }
            AnnotationEdit::Remove { before } => {
                store.remove(&before.id);
            }
        }
    }
}

/// Which way [`History::undo`] or [`History::redo`] moved, and over what.
#[derive(Debug, Clone, PartialEq)]
pub struct Replayed {
    /// The edit as originally made.
    pub edit: AnnotationEdit,
    /// `true` for an undo, `false` for a redo.
    pub undone: bool,
}

impl Replayed {
    /// A status-bar message: `"Undone: added highlight"`, `"Redone: deleted note"`.
    pub fn message(&self) -> String {
        let verb = if self.undone { "Undone" } else { "Redone" };
        format!("{verb}: {}", self.edit.describe())
    }
}

/// The session's annotation changes, with undo and redo stacks.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<AnnotationEdit>,
    redo: Vec<AnnotationEdit>,
}

impl History {
    /// An empty history.
    pub fn new() -> Self {
        History::default()
    }

    /// Adds `annotation` to the store and records it. Returns its id (which the store may have
    /// changed if the id was taken).
    pub fn add(
        &mut self,
        store: &mut Store,
        document: &Document,
        annotation: Annotation,
    ) -> AnnotationId {
        let id = store.insert(annotation, document);
        if let Some(after) = store.get(&id) {
            self.record(AnnotationEdit::Add {
                after: Box::new(after.clone()),
            });
        }
        id
    }

    /// Changes annotation `id` with `change` (stamping it as updated) and records the change.
    /// `false` when there is no such annotation or the change left it as it was.
    pub fn update(
        &mut self,
        store: &mut Store,
        id: &AnnotationId,
        change: impl FnOnce(&mut Annotation),
    ) -> bool {
        let Some(before) = store.get(id).cloned() else {
            return false;
        };
        let mut changed = before.clone();
        change(&mut changed);
        changed.id = before.id.clone();
        if changed == before {
            return false;
        }
        store.edit(id, |annotation| *annotation = changed);
        let Some(after) = store.get(id).cloned() else {
            return false;
        };
        self.record(AnnotationEdit::Update {
            before: Box::new(before),
            after: Box::new(after),
        });
        true
    }

    /// Deletes annotation `id` and records it. Returns the deleted annotation.
    pub fn remove(&mut self, store: &mut Store, id: &AnnotationId) -> Option<Annotation> {
        let before = store.remove(id)?;
        self.record(AnnotationEdit::Remove {
            before: Box::new(before.clone()),
        });
        Some(before)
    }

    /// Records an edit already applied to the store; the redo stack is cleared, as any new
    /// change starts a new branch.
    pub fn record(&mut self, edit: AnnotationEdit) {
        self.undo.push(edit);
        self.redo.clear();
    }

    /// Reverts the last change still done. `None` when there is nothing to undo.
    pub fn undo(&mut self, store: &mut Store, document: &Document) -> Option<Replayed> {
        let edit = self.undo.pop()?;
        edit.inverse().apply(store, document);
        self.redo.push(edit.clone());
        Some(Replayed { edit, undone: true })
    }

    /// Makes again the last change undone. `None` when there is nothing to redo.
    pub fn redo(&mut self, store: &mut Store, document: &Document) -> Option<Replayed> {
        let edit = self.redo.pop()?;
        edit.apply(store, document);
        self.undo.push(edit.clone());
        Some(Replayed {
            edit,
            undone: false,
        })
    }

    /// Whether there is a change to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a change to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::{Kind, Selector, StoreOptions, Tag};
    use crate::document::{BlockKind, DocumentBuilder, Format};

    /// A one-paragraph article in a temporary folder (kept alive with the store), its
    /// document and an empty store for it.
    fn fixture() -> (tempfile::TempDir, Document, Store) {
        let folder = tempfile::tempdir().unwrap();
        let mut builder = DocumentBuilder::new(Format::Text);
        builder.push(
            BlockKind::Paragraph,
            0,
            "Rivers need rights. Courts disagree. Fish do not vote.",
        );
        let document = builder.build();
        let article = folder.path().join("article.txt");
        std::fs::write(&article, &document.text).unwrap();
        let store = Store::open(&article, &document, StoreOptions::default()).unwrap();
        (folder, document, store)
    }

    fn highlight(document: &Document, sentence: usize, tag: Tag) -> Annotation {
        let mut annotation = Annotation::new(
            Kind::Highlight,
            Selector::from_span(document, document.sentences[sentence].span.clone()),
        );
        annotation.tag = Some(tag);
        annotation
    }

    /// The store's annotations as (quote, tag, note), in file order.
    fn contents(store: &Store) -> Vec<(String, Option<Tag>, Option<String>)> {
        let mut all: Vec<_> = store
            .annotations()
            .iter()
            .map(|a| (a.selector.quote.clone(), a.tag.clone(), a.note.clone()))
            .collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all
    }

    #[test]
    fn undo_and_redo_walk_a_sequence_of_changes_back_and_forth() {
        // A reader who adds, annotates and deletes must be able to step back through every
        // change and forward again, ending exactly where they were.
        let (_folder, document, mut store) = fixture();
        let mut history = History::new();
        let first = history.add(&mut store, &document, highlight(&document, 0, Tag::Claim));
        let second = history.add(
            &mut store,
            &document,
            highlight(&document, 1, Tag::Question),
        );
        assert!(history.update(&mut store, &first, |a| a.note =
            Some("why?\nsee p. 2".into())));
        assert!(history.remove(&mut store, &second).is_some());
        let end = contents(&store);
        assert_eq!(end.len(), 1);

        let mut states = vec![end.clone()];
        while let Some(replayed) = history.undo(&mut store, &document) {
            assert!(replayed.undone);
            states.push(contents(&store));
        }
        assert_eq!(states.len(), 5);
        assert!(states[4].is_empty());
        assert_eq!(states[1].len(), 2, "the deleted highlight is back");
        assert_eq!(states[2][0].2, None, "the note is gone again");
        assert!(!history.can_undo() && history.can_redo());

        let mut forward = Vec::new();
        while let Some(replayed) = history.redo(&mut store, &document) {
            assert!(!replayed.undone);
            forward.push(contents(&store));
        }
        forward.reverse();
        assert_eq!(forward, states[..4]);
        assert_eq!(contents(&store), end);
    }

    #[test]
    fn a_new_change_after_undo_clears_the_redo_stack() {
        // Like every editor: redo only replays the branch that was undone, never a stale one.
        let (_folder, document, mut store) = fixture();
        let mut history = History::new();
        history.add(&mut store, &document, highlight(&document, 0, Tag::Claim));
        history.undo(&mut store, &document).unwrap();
        assert!(history.can_redo());
        history.add(
            &mut store,
            &document,
            highlight(&document, 2, Tag::Evidence),
        );
        assert!(!history.can_redo());
        assert!(history.redo(&mut store, &document).is_none());
        assert_eq!(contents(&store).len(), 1);
    }

    #[test]
    fn undoing_a_removal_restores_the_same_id_and_clears_its_tombstone() {
        // The sidecar merges by id: an undone deletion must come back as the same annotation,
        // or a merge would see a deleted one and a stranger.
        let (_folder, document, mut store) = fixture();
        let mut history = History::new();
        let id = history.add(&mut store, &document, highlight(&document, 1, Tag::Quote));
        history.remove(&mut store, &id).unwrap();
        assert!(store.get(&id).is_none());
        let replayed = history.undo(&mut store, &document).unwrap();
        assert_eq!(replayed.message(), "Undone: deleted highlight");
        assert_eq!(store.get(&id).unwrap().tag, Some(Tag::Quote));
        assert!(store.placement(&id).unwrap().span.is_some());
        store.save(&document).unwrap();
        let saved = std::fs::read_to_string(store.sidecar_path()).unwrap();
        let set = crate::annotations::sidecar::parse(&saved).unwrap();
        assert!(set.get(&id).is_some());
        assert!(set.tombstones.is_empty());
    }

    #[test]
    fn changes_that_change_nothing_or_miss_are_not_recorded() {
        // An empty undo step would make `u` seem to do nothing.
        let (_folder, document, mut store) = fixture();
        let mut history = History::new();
        let id = history.add(&mut store, &document, highlight(&document, 0, Tag::Claim));
        assert!(!history.update(&mut store, &id, |a| a.tag = Some(Tag::Claim)));
        assert!(!history.update(&mut store, &AnnotationId::new("missing"), |a| a.note = None));
        assert!(
            history
                .remove(&mut store, &AnnotationId::new("missing"))
                .is_none()
        );
        assert_eq!(
            history.undo(&mut store, &document).unwrap().edit.describe(),
            "added highlight"
        );
        assert!(!history.can_undo());
    }
}
