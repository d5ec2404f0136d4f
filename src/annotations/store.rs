//! The annotation store: opens an article's sidecar, places its annotations on the current
//! text, takes changes, and saves them without ever losing any.
//!
//! Saving is atomic and keeps the previous file as `.bak`. If the file changed on disk since it
//! was loaded, the two versions are merged by id ([`super::merge`]). A sidecar that does not
//! parse is never overwritten: new work goes to a recovery file beside it, or — when that folder
//! cannot be written — in margent's data folder, and [`Store::problem`] says why and where.

use std::collections::HashMap;
use std::fmt;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::anchor::{self, AnchorStatus, Placement, Selector};
use super::atomic;
use super::fingerprint::fingerprint;
use super::merge::merge;
use super::model::{
    Annotation, AnnotationId, AnnotationSet, Kind, ReadingPosition, Tag, Tombstone,
};
use super::sidecar::{self, ParseError};
use crate::document::Document;

/// Environment variable that overrides the data folder (used by tests and portable setups).
pub const DATA_DIR_VARIABLE: &str = "MARGENT_DATA_DIR";

/// Where the store may put files other than the sidecar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoreOptions {
    /// margent's data folder, for recovery files when an article's folder cannot be written;
    /// `None` when the platform has none.
    pub data_dir: Option<PathBuf>,
}

impl StoreOptions {
    /// The data folder from [`DATA_DIR_VARIABLE`], else the platform's (e.g.
    /// `~/.local/share/margent`).
    pub fn from_environment() -> Self {
        let data_dir = std::env::var_os(DATA_DIR_VARIABLE)
            .filter(|value| !value.is_empty())
            .map(PathBuf::from)
            .or_else(|| {
                directories::ProjectDirs::from("", "", "margent")
                    .map(|dirs| dirs.data_dir().to_path_buf())
            });
        StoreOptions { data_dir }
    }
}

/// A failure that leaves the user's work unsaved.
#[derive(Debug)]
pub enum StoreError {
    /// A file could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        error: io::Error,
    },
    /// A recovery file does not parse either; nothing was written.
    Unparsable {
        /// The file.
        path: PathBuf,
        /// Where and why it does not parse.
        error: ParseError,
    },
    /// Neither the article's folder nor a data folder can be written.
    NowhereToSave {
        /// The last place tried.
        path: PathBuf,
        /// Why it failed.
        error: io::Error,
    },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            StoreError::Unparsable { path, error } => write!(
                f,
                "{}: {error}; fix or move it, it was left untouched",
                path.display()
            ),
            StoreError::NowhereToSave { path, error } => write!(
                f,
                "cannot save annotations anywhere (last tried {}: {error})",
                path.display()
            ),
        }
    }
}

impl std::error::Error for StoreError {}

/// Why new work is going to a recovery file instead of the sidecar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The sidecar does not parse; it is left untouched.
    Corrupt {
        /// The sidecar.
        sidecar: PathBuf,
        /// Where and why it does not parse.
        error: ParseError,
    },
    /// The sidecar's folder cannot be written.
    Unwritable {
        /// The sidecar.
        sidecar: PathBuf,
        /// The system's reason.
        reason: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Corrupt { sidecar, error } => write!(
                f,
                "{}: {error}; the file was left untouched",
                sidecar.display()
            ),
            Problem::Unwritable { sidecar, reason } => {
                write!(f, "{}: cannot be written ({reason})", sidecar.display())
            }
        }
    }
}

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The file written: the sidecar, or a recovery file when [`Saved::problem`] is set.
    pub path: PathBuf,
    /// Whether the file had changed on disk and was merged with.
    pub merged: bool,
    /// Why the work went to a recovery file, if it did.
    pub problem: Option<Problem>,
}

/// Where saves go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// The sidecar beside the article.
    Sidecar,
    /// The recovery file beside the article.
    RecoveryBeside,
    /// The recovery file in the data folder.
    RecoveryInDataDir,
}

/// The file content as last read or written, to tell whether it changed since.
#[derive(Debug, Clone)]
struct Snapshot {
    path: PathBuf,
    text: String,
    updated: HashMap<AnnotationId, Timestamp>,
}

impl Snapshot {
    fn new(path: &Path, text: String, set: &AnnotationSet) -> Self {
        Snapshot {
            path: path.to_path_buf(),
            text,
            updated: set
                .annotations
                .iter()
                .map(|a| (a.id.clone(), a.updated))
                .collect(),
        }
    }
}

/// Why writing to one target failed.
enum WriteFailure {
    /// The file there does not parse.
    Corrupt(ParseError),
    /// The folder cannot take files.
    Unwritable(io::Error),
    /// Anything else.
    Other(StoreError),
}

/// An article's annotations, placed on its current text.
#[derive(Debug, Clone)]
pub struct Store {
    article: PathBuf,
    options: StoreOptions,
    set: AnnotationSet,
    placements: HashMap<AnnotationId, Placement>,
    reading: Option<Placement>,
    text_unchanged: bool,
    target: Target,
    base: Option<Snapshot>,
    problem: Option<Problem>,
}

impl Store {
    /// Opens the annotations of the article at `article` (whose text is `document`): reads its
    /// sidecar if there is one and places every annotation. A sidecar that does not parse is
    /// not an error: the store opens with the recovery file's annotations (if any) and
    /// [`Store::problem`] tells why.
    pub fn open(
        article: &Path,
        document: &Document,
        options: StoreOptions,
    ) -> Result<Store, StoreError> {
        let name = article
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut store = Store {
            article: article.to_path_buf(),
            options,
            set: AnnotationSet::new(name, fingerprint(&document.text)),
            placements: HashMap::new(),
            reading: None,
            text_unchanged: true,
            target: Target::Sidecar,
            base: None,
            problem: None,
        };
        let sidecar = store.sidecar_path();
        if let Some(text) = read(&sidecar)? {
            match sidecar::parse(&text) {
                Ok(set) => store.adopt(&sidecar, text, set),
                Err(error) => {
                    store.problem = Some(Problem::Corrupt { sidecar, error });
                    store.target = Target::RecoveryBeside;
                    store.adopt_recovery()?;
                }
            }
        }
        store.text_unchanged = store.set.fingerprint == fingerprint(&document.text);
        store.place_all(document);
        Ok(store)
    }

    /// Takes a set read from `path` as the working set.
    fn adopt(&mut self, path: &Path, text: String, set: AnnotationSet) {
        self.base = Some(Snapshot::new(path, text, &set));
        self.set = set;
    }

    /// Continues from an earlier recovery file, beside the article or in the data folder.
    fn adopt_recovery(&mut self) -> Result<(), StoreError> {
        for (target, path) in [
            (
                Target::RecoveryBeside,
                Some(sidecar::recovery_path(&self.article)),
            ),
            (Target::RecoveryInDataDir, self.data_dir_recovery_path()),
        ] {
            let Some(path) = path else { continue };
            if let Some(text) = read(&path)? {
                let set = sidecar::parse(&text).map_err(|error| StoreError::Unparsable {
                    path: path.clone(),
                    error,
                })?;
                self.target = target;
                self.adopt(&path, text, set);
                return Ok(());
            }
        }
        Ok(())
    }

    /// The article's sidecar path.
    pub fn sidecar_path(&self) -> PathBuf {
        sidecar::sidecar_path(&self.article)
    }

    /// Why work is going to a recovery file, if it is.
    pub fn problem(&self) -> Option<&Problem> {
        self.problem.as_ref()
    }

    /// Whether the document text is the one the sidecar's positions were saved against.
    pub fn text_unchanged(&self) -> bool {
        self.text_unchanged
    }

    /// One line for the user when the sidecar holds tags with control characters (a hand
    /// edit: `Tag::parse_new` refuses them on the way in). They are kept as written, and every
    /// display shows them as visible stand-ins (`␛`); the warning says so once per load.
    pub fn control_character_warning(&self) -> Option<String> {
        let count = self
            .set
            .annotations
            .iter()
            .filter(|annotation| {
                annotation
                    .tag
                    .as_ref()
                    .is_some_and(|tag| tag.name().contains(char::is_control))
            })
            .count();
        let tags = if count == 1 { "tag" } else { "tags" };
        (count > 0).then(|| {
            format!(
                "{count} {tags} in the sidecar hold control characters; kept as written, shown as ␛"
            )
        })
    }

    /// Everything the sidecar will hold, as it is in memory (for a recovery copy).
    pub fn set(&self) -> &AnnotationSet {
        &self.set
    }

    /// All annotations, in file order (by stored position), orphans included.
    pub fn annotations(&self) -> &[Annotation] {
        &self.set.annotations
    }

    /// The annotation with `id`.
    pub fn get(&self, id: &AnnotationId) -> Option<&Annotation> {
        self.set.get(id)
    }

    /// Where annotation `id` lies in the current text.
    pub fn placement(&self, id: &AnnotationId) -> Option<&Placement> {
        self.placements.get(id)
    }

    /// Annotations with their placements, in reading order of the current text; orphans come
    /// last, in file order.
    pub fn in_reading_order(&self) -> Vec<(&Annotation, &Placement)> {
        let mut entries: Vec<(&Annotation, &Placement)> = self
            .set
            .annotations
            .iter()
            .filter_map(|a| Some((a, self.placements.get(&a.id)?)))
            .filter(|(_, p)| p.span.is_some())
            .collect();
        entries.sort_by_key(|(a, p)| {
            let span = p.span.clone().unwrap_or_default();
            (span.start, span.end, a.id.clone())
        });
        entries.extend(
            self.set
                .annotations
                .iter()
                .filter(|a| self.placements.get(&a.id).is_none_or(|p| p.span.is_none()))
                .map(|a| (a, self.placements.get(&a.id).unwrap_or(&ORPHANED))),
        );
        entries
    }

    /// Annotations that could not be placed on the current text.
    pub fn orphans(&self) -> impl Iterator<Item = &Annotation> {
        self.set.annotations.iter().filter(|a| {
            self.placements
                .get(&a.id)
                .is_none_or(|p| p.status == AnchorStatus::Orphaned)
        })
    }

    /// Adds an annotation (placing it on `document`), giving it a fresh id if its id is taken.
    /// Imports use this: the annotation is re-anchored like one read from the sidecar.
    pub fn insert(&mut self, mut annotation: Annotation, document: &Document) -> AnnotationId {
        while self.set.get(&annotation.id).is_some() {
            annotation.id = AnnotationId::generate();
        }
        self.set.tombstones.retain(|t| t.id != annotation.id);
        self.placements.insert(
            annotation.id.clone(),
            anchor::place(&annotation.selector, document),
        );
        let id = annotation.id.clone();
        self.set.annotations.push(annotation);
        id
    }

    /// Highlights byte range `span` of `document`.
    pub fn add_highlight(
        &mut self,
        document: &Document,
        span: Range<usize>,
        tag: Option<Tag>,
        note: Option<String>,
    ) -> AnnotationId {
        let mut annotation = Annotation::new(Kind::Highlight, Selector::from_span(document, span));
        annotation.tag = tag;
        annotation.note = note;
        self.insert(annotation, document)
    }

    /// Adds a standalone note at byte offset `at` of `document`.
    pub fn add_note(&mut self, document: &Document, at: usize, note: String) -> AnnotationId {
        let mut annotation = Annotation::new(Kind::Note, Selector::at(document, at));
        annotation.note = Some(note);
        self.insert(annotation, document)
    }

    /// Adds a bookmark at byte offset `at` of `document`, with an optional label.
    pub fn add_bookmark(
        &mut self,
        document: &Document,
        at: usize,
        label: Option<String>,
    ) -> AnnotationId {
        let mut annotation = Annotation::new(Kind::Bookmark, Selector::at(document, at));
        annotation.note = label;
        self.insert(annotation, document)
    }

    /// Changes annotation `id` with `change` and stamps it as updated now. `false` when there
    /// is no such annotation.
    pub fn edit(&mut self, id: &AnnotationId, change: impl FnOnce(&mut Annotation)) -> bool {
        let Some(annotation) = self.set.annotations.iter_mut().find(|a| &a.id == id) else {
            return false;
        };
        change(annotation);
        annotation.touch();
        true
    }

    /// Sets or clears the note of annotation `id`.
    pub fn set_note(&mut self, id: &AnnotationId, note: Option<String>) -> bool {
        self.edit(id, |a| a.note = note)
    }

    /// Sets or clears the tag of annotation `id`.
    pub fn set_tag(&mut self, id: &AnnotationId, tag: Option<Tag>) -> bool {
        self.edit(id, |a| a.tag = tag)
    }

    /// Deletes annotation `id`, recording a tombstone so merges do not bring it back. Returns
    /// the deleted annotation (for undo, see [`Store::restore`]).
    pub fn remove(&mut self, id: &AnnotationId) -> Option<Annotation> {
        let index = self.set.annotations.iter().position(|a| &a.id == id)?;
        let annotation = self.set.annotations.remove(index);
        self.placements.remove(id);
        self.set.tombstones.retain(|t| &t.id != id);
        self.set.tombstones.push(Tombstone {
            id: id.clone(),
            deleted: super::model::now().max(annotation.updated),
        });
        Some(annotation)
    }

    /// Puts back an annotation as it was (undo of a remove or an edit), keeping its id and
    /// stamping it as updated now so merges prefer it.
    pub fn restore(&mut self, mut annotation: Annotation, document: &Document) {
        annotation.touch();
        self.set.annotations.retain(|a| a.id != annotation.id);
        self.set.tombstones.retain(|t| t.id != annotation.id);
        self.placements.insert(
            annotation.id.clone(),
            anchor::place(&annotation.selector, document),
        );
        self.set.annotations.push(annotation);
    }

    /// The last reading position as a byte offset in the current text, if known and placed.
    pub fn reading_position(&self) -> Option<usize> {
        self.reading.as_ref()?.span.as_ref().map(|span| span.start)
    }

    /// Records the reading position at byte offset `at`.
    pub fn set_reading_position(&mut self, document: &Document, at: usize) {
        let selector = Selector::at(document, at);
        self.reading = Some(anchor::place(&selector, document));
        let extra = self.set.reading.take().map(|r| r.extra).unwrap_or_default();
        self.set.reading = Some(ReadingPosition {
            selector,
            updated: super::model::now(),
            extra,
        });
    }

    /// Places every annotation and the reading position on `document`.
    fn place_all(&mut self, document: &Document) {
        self.placements = self
            .set
            .annotations
            .iter()
            .map(|a| (a.id.clone(), anchor::place(&a.selector, document)))
            .collect();
        self.reading = self
            .set
            .reading
            .as_ref()
            .map(|r| anchor::place(&r.selector, document));
    }

    /// Rewrites the selectors of placed annotations for `document`'s text, so the file's
    /// positions are current. Orphans keep theirs untouched; approximate matches keep their
    /// original quote (what the user highlighted) and take the new position and context.
    fn refresh_selectors(&mut self, document: &Document) {
        for annotation in &mut self.set.annotations {
            if let Some(placement) = self.placements.get(&annotation.id) {
                refresh(&mut annotation.selector, placement, document);
            }
        }
        if let (Some(reading), Some(placement)) = (&mut self.set.reading, &self.reading) {
            refresh(&mut reading.selector, placement, document);
        }
        self.set.fingerprint = fingerprint(&document.text);
        if let Some(name) = self.article.file_name() {
            self.set.source = name.to_string_lossy().into_owned();
        }
    }

    /// Saves the annotations, as placed on `document` (the text they were placed on).
    ///
    /// Writes the sidecar atomically, keeping the previous file as `.bak` and merging with it
    /// if it changed on disk since it was loaded. When the sidecar does not parse or its folder
    /// cannot be written, writes a recovery file instead and says so in [`Saved::problem`].
    pub fn save(&mut self, document: &Document) -> Result<Saved, StoreError> {
        loop {
            let path = self.target_path()?;
            match self.write_to(&path, document) {
                Ok(merged) => {
                    return Ok(Saved {
                        path,
                        merged,
                        problem: self.problem.clone(),
                    });
                }
                Err(WriteFailure::Corrupt(error)) if self.target == Target::Sidecar => {
                    self.problem = Some(Problem::Corrupt {
                        sidecar: path,
                        error,
                    });
                    self.target = Target::RecoveryBeside;
                }
                Err(WriteFailure::Corrupt(error)) => {
                    return Err(StoreError::Unparsable { path, error });
                }
                Err(WriteFailure::Unwritable(error))
                    if self.target != Target::RecoveryInDataDir =>
                {
                    if self.problem.is_none() {
                        self.problem = Some(Problem::Unwritable {
                            sidecar: path,
                            reason: error.to_string(),
                        });
                    }
                    self.target = Target::RecoveryInDataDir;
                }
                Err(WriteFailure::Unwritable(error)) => {
                    return Err(StoreError::NowhereToSave { path, error });
                }
                Err(WriteFailure::Other(error)) => return Err(error),
            }
        }
    }

    /// The file the next save goes to.
    fn target_path(&self) -> Result<PathBuf, StoreError> {
        match self.target {
            Target::Sidecar => Ok(self.sidecar_path()),
            Target::RecoveryBeside => Ok(sidecar::recovery_path(&self.article)),
            Target::RecoveryInDataDir => {
                self.data_dir_recovery_path()
                    .ok_or_else(|| StoreError::NowhereToSave {
                        path: self.sidecar_path(),
                        error: io::Error::new(io::ErrorKind::NotFound, "no data folder"),
                    })
            }
        }
    }

    /// The recovery file in the data folder: named after the article's file name and a hash
    /// of its absolute path, so articles with the same name in different folders differ.
    fn data_dir_recovery_path(&self) -> Option<PathBuf> {
        let folder = self.options.data_dir.as_ref()?.join("recovery");
        let absolute = std::path::absolute(&self.article).unwrap_or_else(|_| self.article.clone());
        let hash = fingerprint(&absolute.to_string_lossy());
        let short = &hash[hash.len() - 12..];
        let name = self
            .article
            .file_name()
            .unwrap_or_default()
            .to_string_lossy();
        Some(folder.join(format!("{name}-{short}{}", sidecar::SIDECAR_SUFFIX)))
    }

    /// Merges with what is at `path` if it changed since it was read, then writes atomically.
    /// Returns whether a merge happened.
    fn write_to(&mut self, path: &Path, document: &Document) -> Result<bool, WriteFailure> {
        let current = read(path).map_err(WriteFailure::Other)?;
        let mut merged = false;
        if let Some(text) = &current {
            let base = self.base.as_ref().filter(|base| base.path == path);
            if base.is_none_or(|base| &base.text != text) {
                let theirs = sidecar::parse(text).map_err(WriteFailure::Corrupt)?;
                let empty = HashMap::new();
                let loaded = base.map_or(&empty, |base| &base.updated);
                let ours: HashMap<AnnotationId, Timestamp> = self
                    .set
                    .annotations
                    .iter()
                    .map(|a| (a.id.clone(), a.updated))
                    .collect();
                self.set = merge(&self.set, &theirs, loaded);
                merged = true;
                // Annotations that are still our version keep their placement; the others are
                // placed afresh on this document.
                let mut known = std::mem::take(&mut self.placements);
                self.placements = self
                    .set
                    .annotations
                    .iter()
                    .map(|a| {
                        let placement = known
                            .remove(&a.id)
                            .filter(|_| ours.get(&a.id) == Some(&a.updated))
                            .unwrap_or_else(|| anchor::place(&a.selector, document));
                        (a.id.clone(), placement)
                    })
                    .collect();
            }
        }
        self.refresh_selectors(document);
        let rendered = sidecar::render(&self.set);
        if self.target == Target::Sidecar
            && let Some(previous) = &current
        {
            let backup = sidecar::backup_path(path);
            atomic::keep_backup(path, &backup, previous.as_bytes()).map_err(classify(&backup))?;
        }
        if self.target == Target::RecoveryInDataDir
            && let Some(folder) = path.parent()
        {
            std::fs::create_dir_all(folder).map_err(classify(folder))?;
        }
        atomic::write(path, rendered.as_bytes()).map_err(classify(path))?;
        self.base = Some(Snapshot::new(path, rendered, &self.set));
        Ok(merged)
    }
}

/// The placement of an unplaced annotation.
static ORPHANED: Placement = Placement {
    span: None,
    status: AnchorStatus::Orphaned,
    confidence: 0.0,
};

/// Points `selector` at `placement` in `document`, keeping the quote of approximate matches.
fn refresh(selector: &mut Selector, placement: &Placement, document: &Document) {
    let Some(span) = &placement.span else { return };
    if selector.is_point() {
        selector.move_to(document, span.start..span.start);
    } else if placement.status == AnchorStatus::Fuzzy {
        let quote = std::mem::take(&mut selector.quote);
        selector.move_to(document, span.clone());
        selector.quote = quote;
    } else {
        selector.move_to(document, span.clone());
    }
}

/// Reads a file's text, `None` when absent.
fn read(path: &Path) -> Result<Option<String>, StoreError> {
    atomic::read_if_present(path).map_err(|error| StoreError::Io {
        path: path.to_path_buf(),
        error,
    })
}

/// Sorts an error writing `path` into "this folder cannot take files" and the rest.
fn classify(path: &Path) -> impl FnOnce(io::Error) -> WriteFailure + '_ {
    move |error| {
        if atomic::is_unwritable_folder(&error) {
            WriteFailure::Unwritable(error)
        } else {
            WriteFailure::Other(StoreError::Io {
                path: path.to_path_buf(),
                error,
            })
        }
    }
}
