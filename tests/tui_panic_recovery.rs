//! What the panic hook saves. The reader registers [`annotate::write_recovery`] with
//! `terminal::on_panic_before_restore`, so a panic writes the annotations held in memory to the
//! recovery file before the terminal is given back. This lives in a test binary of its own
//! because the annotations kept for the hook are process-wide.

mod common;

use common::annotating::{press, reader};
use margent::annotations::{Kind, Tag, sidecar};
use margent::tui::annotate;

/// A crash must not lose annotations: after highlighting, the hook's work writes a recovery
/// file that parses and holds the highlight, even though the normal save wrote none.
#[test]
fn the_panic_work_writes_the_annotations_in_memory_to_the_recovery_file() {
    let mut reader = reader();
    let (app, article) = (&mut reader.app, &reader.article);
    press(app, ") h 1");
    let quote = app
        .doc
        .sentence_text(app.notes.cursor.expect("the cursor is set"))
        .to_owned();
    let recovery = sidecar::recovery_path(article);
    assert!(!recovery.exists(), "a normal save writes no recovery file");
    annotate::write_recovery();
    let text = std::fs::read_to_string(&recovery).expect("the recovery file is written");
    let saved = sidecar::parse(&text)
        .expect("the recovery file parses")
        .annotations;
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].kind, Kind::Highlight);
    assert_eq!(saved[0].tag, Some(Tag::Claim));
    assert_eq!(saved[0].selector.quote, quote);
}
