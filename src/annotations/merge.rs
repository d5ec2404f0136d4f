//! Merging two versions of a sidecar by annotation id, when the file changed on disk between
//! loading and saving (another margent, a text editor, a `git pull`).
//!
//! `ours` is the version in memory, `theirs` the one now on disk, and `base` records the
//! `updated` time of every annotation as it was when `ours` was loaded (or last saved). Rules:
//!
//! 1. In both versions: if we have not changed it since loading, theirs (so a hand edit that
//!    left `updated` alone is kept); otherwise the one with the later `updated` wins, and on a
//!    tie, ours.
//! 2. Only in ours: new here if absent from `base` — kept; otherwise it was deleted on disk
//!    without a tombstone (by hand) — dropped, unless we changed it since loading (then the
//!    later change wins over the deletion).
//! 3. Only in theirs: new there if absent from `base` — kept; otherwise we deleted it — dropped
//!    unless they changed it since we loaded it (same rule as 2).
//! 4. Tombstones (`[[deleted]]`) of both are united; an annotation whose id has a tombstone at
//!    or after its `updated` time is dropped, so a deletion is never undone by a stale copy.
//! 5. The reading position with the later `updated` wins; unknown top-level keys are united,
//!    theirs winning; the version is the higher of the two.

use std::collections::{BTreeMap, HashMap};

use jiff::Timestamp;

use super::model::{Annotation, AnnotationId, AnnotationSet, Tombstone};

/// The merge of `ours` and `theirs` under the rules above; source and fingerprint are ours.
pub fn merge(
    ours: &AnnotationSet,
    theirs: &AnnotationSet,
    base: &HashMap<AnnotationId, Timestamp>,
) -> AnnotationSet {
    let mut tombstones: BTreeMap<AnnotationId, Timestamp> = BTreeMap::new();
    for tombstone in ours.tombstones.iter().chain(&theirs.tombstones) {
        let entry = tombstones
            .entry(tombstone.id.clone())
            .or_insert(tombstone.deleted);
        *entry = (*entry).max(tombstone.deleted);
    }
    let their_by_id: HashMap<&AnnotationId, &Annotation> =
        theirs.annotations.iter().map(|a| (&a.id, a)).collect();
    let our_ids: HashMap<&AnnotationId, ()> =
        ours.annotations.iter().map(|a| (&a.id, ())).collect();
    let changed_since_loading = |annotation: &Annotation| {
        base.get(&annotation.id)
            .is_none_or(|loaded| annotation.updated > *loaded)
    };
    let mut annotations: Vec<Annotation> = Vec::new();
    for mine in &ours.annotations {
        match their_by_id.get(&mine.id) {
            Some(their) if their.updated > mine.updated || !changed_since_loading(mine) => {
                annotations.push((*their).clone());
            }
            Some(_) => annotations.push(mine.clone()),
            None if changed_since_loading(mine) => annotations.push(mine.clone()),
            None => {}
        }
    }
    for their in &theirs.annotations {
        if !our_ids.contains_key(&their.id) && changed_since_loading(their) {
            annotations.push(their.clone());
        }
    }
    annotations.retain(|a| {
        tombstones
            .get(&a.id)
            .is_none_or(|deleted| a.updated > *deleted)
    });
    let reading = match (&ours.reading, &theirs.reading) {
        (Some(mine), Some(their)) if their.updated > mine.updated => Some(their.clone()),
        (Some(mine), _) => Some(mine.clone()),
        (None, their) => their.clone(),
    };
    let mut extra = ours.extra.clone();
    extra.extend(theirs.extra.clone());
    let mut merged = AnnotationSet {
        version: ours.version.max(theirs.version),
        source: ours.source.clone(),
        fingerprint: ours.fingerprint.clone(),
        reading,
        annotations,
        tombstones: tombstones
            .into_iter()
            .map(|(id, deleted)| Tombstone { id, deleted })
            .collect(),
        extra,
    };
    merged.sort();
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::anchor::Selector;
    use crate::annotations::model::Kind;
    use jiff::ToSpan;

    fn at(seconds: i64) -> Timestamp {
        Timestamp::UNIX_EPOCH + seconds.seconds()
    }

    fn annotation(id: &str, updated: i64, note: &str) -> Annotation {
        let mut a = Annotation::new(Kind::Highlight, Selector::default());
        a.id = AnnotationId::new(id);
        a.created = at(0);
        a.updated = at(updated);
        a.note = Some(note.to_owned());
        a
    }

    fn set(annotations: Vec<Annotation>) -> AnnotationSet {
        let mut set = AnnotationSet::new("a.md", "sha256:0");
        set.annotations = annotations;
        set
    }

    fn notes(set: &AnnotationSet) -> Vec<(&str, &str)> {
        set.annotations
            .iter()
            .map(|a| (a.id.as_str(), a.note.as_deref().unwrap_or("")))
            .collect()
    }

    fn base(entries: &[(&str, i64)]) -> HashMap<AnnotationId, Timestamp> {
        entries
            .iter()
            .map(|(id, t)| (AnnotationId::new(*id), at(*t)))
            .collect()
    }

    #[test]
    fn new_annotations_from_both_sides_are_united() {
        // Two processes each adding a highlight must both keep theirs.
        let ours = set(vec![annotation("a", 1, "mine")]);
        let theirs = set(vec![annotation("b", 1, "theirs")]);
        let merged = merge(&ours, &theirs, &base(&[]));
        assert_eq!(notes(&merged), vec![("a", "mine"), ("b", "theirs")]);
    }

    #[test]
    fn the_later_edit_wins() {
        // Both edited the same note: the most recent change is the one the user expects.
        let ours = set(vec![annotation("a", 5, "mine"), annotation("b", 9, "mine")]);
        let theirs = set(vec![
            annotation("a", 7, "theirs"),
            annotation("b", 8, "theirs"),
        ]);
        let merged = merge(&ours, &theirs, &base(&[("a", 1), ("b", 1)]));
        assert_eq!(notes(&merged), vec![("a", "theirs"), ("b", "mine")]);
    }

    #[test]
    fn a_hand_edit_that_kept_its_time_wins_over_our_unchanged_copy() {
        // Someone fixed a note in a text editor without touching `updated`; we never changed
        // that annotation, so saving our other work must not put the old note back.
        let ours = set(vec![annotation("a", 3, "old"), annotation("b", 6, "mine")]);
        let theirs = set(vec![
            annotation("a", 3, "fixed by hand"),
            annotation("b", 2, "theirs"),
        ]);
        let merged = merge(&ours, &theirs, &base(&[("a", 3), ("b", 2)]));
        assert_eq!(notes(&merged), vec![("a", "fixed by hand"), ("b", "mine")]);
    }

    #[test]
    fn deletions_are_not_resurrected() {
        // Deleted here (tombstone) while the disk still has the old copy; deleted on disk by
        // hand while we still hold the unchanged copy: both stay deleted.
        let mut ours = set(vec![annotation("b", 1, "unchanged")]);
        ours.tombstones.push(Tombstone {
            id: AnnotationId::new("a"),
            deleted: at(4),
        });
        let theirs = set(vec![annotation("a", 1, "stale")]);
        let merged = merge(&ours, &theirs, &base(&[("a", 1), ("b", 1)]));
        assert!(merged.annotations.is_empty(), "{:?}", notes(&merged));
        assert_eq!(merged.tombstones.len(), 1);
    }

    #[test]
    fn an_edit_after_a_deletion_keeps_the_annotation() {
        // The user changed a note after another process deleted it: the later act wins.
        let ours = set(vec![annotation("a", 9, "edited")]);
        let mut theirs = set(vec![]);
        theirs.tombstones.push(Tombstone {
            id: AnnotationId::new("a"),
            deleted: at(5),
        });
        let merged = merge(&ours, &theirs, &base(&[("a", 1)]));
        assert_eq!(notes(&merged), vec![("a", "edited")]);
    }
}
