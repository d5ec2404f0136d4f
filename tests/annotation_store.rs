//! The annotation store against real files: round trips, backups, corrupt and unwritable
//! sidecars, and files changed on disk between load and save.

use std::fs;
use std::path::PathBuf;

use margent::annotations::sidecar::{self, backup_path, recovery_path, sidecar_path};
use margent::annotations::{AnchorStatus, Problem, Store, StoreOptions, Tag};
use margent::document::Document;

const TEXT: &str = "Cities that built more homes saw rents fall.\n\nThe mayor said the plan \
    would take a decade.\n\nCritics want faster permits and fewer parking rules.";

fn span_of(document: &Document, quote: &str) -> std::ops::Range<usize> {
    let start = document.text.find(quote).unwrap();
    start..start + quote.len()
}

struct Fixture {
    folder: tempfile::TempDir,
    article: PathBuf,
    data: PathBuf,
}

impl Fixture {
    fn new() -> Self {
        let folder = tempfile::tempdir().unwrap();
        let article = folder.path().join("article.md");
        fs::write(&article, TEXT).unwrap();
        let data = folder.path().join("data");
        Fixture {
            folder,
            article,
            data,
        }
    }

    fn options(&self) -> StoreOptions {
        StoreOptions {
            data_dir: Some(self.data.clone()),
        }
    }

    fn open(&self, document: &Document) -> Store {
        Store::open(&self.article, document, self.options()).unwrap()
    }
}

#[test]
fn saved_annotations_reload_with_their_notes_and_places() {
    // The basic promise: what the user made is there next time, on the same words.
    let fixture = Fixture::new();
    let document = Document::from_paragraphs(TEXT);
    let mut store = fixture.open(&document);
    let id = store.add_highlight(
        &document,
        span_of(&document, "rents fall"),
        Some(Tag::Claim),
        Some("Check the\nsource data.".to_owned()),
    );
    let note = store.add_note(
        &document,
        span_of(&document, "Critics").start,
        "Who?".into(),
    );
    store.set_reading_position(&document, span_of(&document, "The mayor").start);
    let saved = store.save(&document).unwrap();
    assert_eq!(saved.path, sidecar_path(&fixture.article));
    assert!(saved.problem.is_none() && !saved.merged);

    let reopened = fixture.open(&document);
    assert!(reopened.text_unchanged());
    let highlight = reopened.get(&id).unwrap();
    assert_eq!(highlight.note.as_deref(), Some("Check the\nsource data."));
    assert_eq!(highlight.tag, Some(Tag::Claim));
    let placement = reopened.placement(&id).unwrap();
    assert_eq!(placement.status, AnchorStatus::Exact);
    assert_eq!(
        document.slice(placement.span.as_ref().unwrap()),
        "rents fall"
    );
    let note_at = reopened.placement(&note).unwrap().span.clone().unwrap();
    assert!(document.text[note_at.start..].starts_with("Critics"));
    assert_eq!(
        reopened.reading_position(),
        Some(span_of(&document, "The mayor").start)
    );
}

#[test]
fn the_previous_version_is_kept_as_bak() {
    // A bad save (or a bad edit) must be recoverable by hand from the previous file.
    let fixture = Fixture::new();
    let document = Document::from_paragraphs(TEXT);
    let mut store = fixture.open(&document);
    store.add_highlight(&document, span_of(&document, "rents fall"), None, None);
    store.save(&document).unwrap();
    let first = fs::read_to_string(sidecar_path(&fixture.article)).unwrap();
    store.add_highlight(&document, span_of(&document, "a decade"), None, None);
    store.save(&document).unwrap();
    let backup = fs::read_to_string(backup_path(&sidecar_path(&fixture.article))).unwrap();
    assert_eq!(backup, first);
    let current = sidecar::parse(&fs::read_to_string(sidecar_path(&fixture.article)).unwrap());
    assert_eq!(current.unwrap().annotations.len(), 2);
}

#[test]
fn a_corrupt_sidecar_is_never_overwritten_and_work_goes_to_a_recovery_file() {
    // A half-finished hand edit must not cost the user their notes: the file stays as it is,
    // the error says where it is broken, and new work is kept aside.
    let fixture = Fixture::new();
    let path = sidecar_path(&fixture.article);
    let broken =
        "version = 1\nsource = \"article.md\"\nfingerprint = \"x\"\n[[annotation]\nid = 1\n";
    fs::write(&path, broken).unwrap();
    let document = Document::from_paragraphs(TEXT);
    let mut store = fixture.open(&document);
    let Some(Problem::Corrupt { sidecar, error }) = store.problem().cloned() else {
        panic!(
            "expected a corrupt-sidecar problem, got {:?}",
            store.problem()
        );
    };
    assert_eq!(sidecar, path);
    assert_eq!((error.line, error.column), (4, 14), "{error}");
    let first = store.add_highlight(&document, span_of(&document, "rents fall"), None, None);
    let saved = store.save(&document).unwrap();
    assert_eq!(saved.path, recovery_path(&fixture.article));
    assert!(
        saved
            .problem
            .unwrap()
            .to_string()
            .contains("line 4, column 14")
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);

    // A second session continues the same recovery file.
    let mut again = fixture.open(&document);
    assert!(again.get(&first).is_some());
    let second = again.add_highlight(&document, span_of(&document, "a decade"), None, None);
    again.save(&document).unwrap();
    let recovered =
        sidecar::parse(&fs::read_to_string(recovery_path(&fixture.article)).unwrap()).unwrap();
    let ids: Vec<_> = recovered.annotations.iter().map(|a| a.id.clone()).collect();
    assert!(ids.contains(&first) && ids.contains(&second));
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);
}

#[test]
fn an_unwritable_folder_sends_work_to_the_data_folder() {
    // Articles may sit on read-only media. Tests may run as root, where permission bits do
    // not stop writes, so the folder is made unusable by being a plain file instead.
    let fixture = Fixture::new();
    let blocker = fixture.folder.path().join("not-a-folder");
    fs::write(&blocker, "plain file").unwrap();
    let article = blocker.join("article.md");
    let document = Document::from_paragraphs(TEXT);
    let mut store = Store::open(&article, &document, fixture.options()).unwrap();
    let id = store.add_highlight(&document, span_of(&document, "rents fall"), None, None);
    let saved = store.save(&document).unwrap();
    assert!(saved.path.starts_with(&fixture.data), "{:?}", saved.path);
    assert!(matches!(saved.problem, Some(Problem::Unwritable { .. })));
    let written = sidecar::parse(&fs::read_to_string(&saved.path).unwrap()).unwrap();
    assert!(written.get(&id).is_some());
    assert_eq!(fs::read_to_string(&blocker).unwrap(), "plain file");
}

#[test]
fn a_read_only_folder_sends_work_to_the_data_folder() {
    // The same with real permission bits, where they bite (not as root).
    use std::os::unix::fs::PermissionsExt;
    let fixture = Fixture::new();
    let folder = fixture.folder.path().join("read-only");
    fs::create_dir(&folder).unwrap();
    let article = folder.join("article.md");
    fs::write(&article, TEXT).unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).unwrap();
    if fs::write(folder.join("probe"), "x").is_ok() {
        eprintln!("skipping a_read_only_folder…: permissions are not enforced (running as root)");
        return;
    }
    let document = Document::from_paragraphs(TEXT);
    let mut store = Store::open(&article, &document, fixture.options()).unwrap();
    store.add_highlight(&document, span_of(&document, "rents fall"), None, None);
    let saved = store.save(&document).unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
    assert!(saved.path.starts_with(&fixture.data), "{:?}", saved.path);
    assert!(!sidecar_path(&article).exists());
}

#[test]
fn a_sidecar_changed_on_disk_is_merged_not_clobbered() {
    // Two margent windows on one article: each one's highlights must survive the other's
    // save, and a deletion in one must not be undone by the other.
    let fixture = Fixture::new();
    let document = Document::from_paragraphs(TEXT);
    let mut setup = fixture.open(&document);
    let shared = setup.add_highlight(&document, span_of(&document, "a decade"), None, None);
    let doomed = setup.add_highlight(&document, span_of(&document, "fewer parking"), None, None);
    setup.save(&document).unwrap();

    let mut left = fixture.open(&document);
    let mut right = fixture.open(&document);
    let from_left = left.add_highlight(&document, span_of(&document, "rents fall"), None, None);
    assert!(left.remove(&doomed).is_some());
    left.save(&document).unwrap();
    let from_right = right.add_highlight(&document, span_of(&document, "Critics"), None, None);
    right.set_note(&shared, Some("edited on the right".into()));
    let saved = right.save(&document).unwrap();
    assert!(saved.merged);

    let result = fixture.open(&document);
    assert!(result.get(&from_left).is_some());
    assert!(result.get(&from_right).is_some());
    assert!(
        result.get(&doomed).is_none(),
        "deleted annotation came back"
    );
    assert_eq!(
        result.get(&shared).unwrap().note.as_deref(),
        Some("edited on the right")
    );
}

#[test]
fn an_unchanged_sidecar_is_not_merged_and_any_changed_byte_is() {
    // Saving compares the file on disk with the bytes it last read or wrote: equal bytes mean
    // nothing to merge, so 10,000 annotations are not parsed again on every save (the merge
    // path, reported by `merged`, is the only one that parses). A file rewritten with the
    // same bytes (newer time stamp) is still unchanged; an edit that keeps the size and the
    // time stamp is still a change — size and time alone would miss it and lose the edit.
    let fixture = Fixture::new();
    let document = Document::from_paragraphs(TEXT);
    let mut setup = fixture.open(&document);
    let id = setup.add_highlight(
        &document,
        span_of(&document, "rents fall"),
        None,
        Some("first note".into()),
    );
    setup.save(&document).unwrap();
    let path = sidecar_path(&fixture.article);

    let mut store = fixture.open(&document);
    assert!(!store.save(&document).unwrap().merged, "nothing changed");
    store.set_tag(&id, Some(Tag::Claim));
    assert!(!store.save(&document).unwrap().merged, "only we changed it");
    let ours = fs::read(&path).unwrap();
    fs::write(&path, &ours).unwrap();
    assert!(
        !store.save(&document).unwrap().merged,
        "same bytes, newer time"
    );

    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    let edited = String::from_utf8(ours)
        .unwrap()
        .replace("first note", "fixed note");
    fs::write(&path, &edited).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);
    assert!(store.save(&document).unwrap().merged, "same size and time");
}

#[test]
fn unknown_keys_survive_the_store() {
    // Files written by a newer margent keep their extra fields after this one saves.
    let fixture = Fixture::new();
    let document = Document::from_paragraphs(TEXT);
    let mut store = fixture.open(&document);
    let id = store.add_highlight(&document, span_of(&document, "rents fall"), None, None);
    store.save(&document).unwrap();
    let path = sidecar_path(&fixture.article);
    let text = fs::read_to_string(&path).unwrap().replace(
        &format!("id = \"{id}\"\n"),
        &format!("id = \"{id}\"\ncolour_override = \"teal\"\n"),
    ) + "\n[sync]\nremote = \"git\"\n";
    fs::write(&path, text).unwrap();
    let mut store = fixture.open(&document);
    store.add_highlight(&document, span_of(&document, "a decade"), None, None);
    store.save(&document).unwrap();
    let saved = fs::read_to_string(&path).unwrap();
    assert!(saved.contains("colour_override = \"teal\""), "{saved}");
    assert!(saved.contains("remote = \"git\""), "{saved}");
}

#[test]
fn orphans_stay_in_the_file_unchanged() {
    // A passage deleted from the article must not take the user's note with it.
    let fixture = Fixture::new();
    let document = Document::from_paragraphs(TEXT);
    let mut store = fixture.open(&document);
    let id = store.add_highlight(
        &document,
        span_of(&document, "The mayor said the plan would take a decade."),
        None,
        Some("keep me".into()),
    );
    store.save(&document).unwrap();
    let before = store.get(&id).unwrap().clone();
    let edited = Document::from_paragraphs(
        "Cities that built more homes saw rents fall.\n\nCritics want faster permits.",
    );
    let mut store = fixture.open(&edited);
    assert!(!store.text_unchanged());
    assert_eq!(store.orphans().count(), 1);
    store.add_highlight(&edited, span_of(&edited, "faster permits"), None, None);
    store.save(&edited).unwrap();
    let after = Store::open(&fixture.article, &edited, fixture.options()).unwrap();
    assert_eq!(after.get(&id), Some(&before));
    assert_eq!(after.placement(&id).unwrap().status, AnchorStatus::Orphaned);
}

#[test]
fn the_documented_example_parses() {
    // docs/annotation-format.md is what people copy from; its example must be a valid file.
    let doc = fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/annotation-format.md"),
    )
    .unwrap();
    let example = doc
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap();
    let set = sidecar::parse(example).unwrap();
    assert_eq!(set.annotations.len(), 3);
    assert_eq!(set.tombstones.len(), 1);
    assert!(set.reading.is_some());
    assert_eq!(
        set.annotations[0].note.as_deref(),
        Some("Check the source data.\nTheir 2019 figure looks off.")
    );
}
