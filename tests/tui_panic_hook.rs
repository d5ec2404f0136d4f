//! The order of the panic hook's steps (issue 6: "on a panic the annotations in memory are
//! written to the recovery file before the terminal is restored"). The hook is built by
//! `terminal::panic_hook` from its steps; here it is built from recording ones around the real
//! recovery write, installed, and driven by a real panic — no terminal needed. This lives in a
//! test binary of its own because the panic hook and the annotations kept for it are
//! process-wide.

mod common;

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use common::annotating::{press, reader};
use margent::annotations::sidecar;
use margent::tui::annotate;
use margent::tui::terminal;

/// The steps the hook took, in order.
static STEPS: Mutex<Vec<String>> = Mutex::new(Vec::new());
/// The recovery file the restore step looks for.
static RECOVERY_FILE: Mutex<Option<PathBuf>> = Mutex::new(None);
/// The before-restore work, registered as the reader registers `annotate::write_recovery`.
static WORK: OnceLock<fn()> = OnceLock::new();

fn record(step: impl Into<String>) {
    STEPS.lock().unwrap().push(step.into());
}

/// The reader's real before-restore work, then a note that it ran.
fn save_annotations() {
    annotate::write_recovery();
    record("save");
}

/// Stands in for giving the terminal back, noting whether the notes were already safe.
fn restore_terminal() {
    let path = RECOVERY_FILE.lock().unwrap().clone().unwrap();
    record(format!(
        "restore (recovery file present: {})",
        path.exists()
    ));
}

/// If the terminal were restored first and restoring failed or hung, the notes would be lost;
/// the hook must save them, then restore, then let the standard hook print the message. The
/// restore step checks the recovery file is already on disk, so a reversed order fails twice.
#[test]
fn a_panic_saves_the_annotations_before_the_terminal_is_restored() {
    let mut reader = reader();
    let (app, article) = (&mut reader.app, &reader.article);
    press(app, ") h 1");
    let recovery = sidecar::recovery_path(article);
    assert!(!recovery.exists(), "a normal save writes no recovery file");
    *RECOVERY_FILE.lock().unwrap() = Some(recovery.clone());

    WORK.set(save_annotations).unwrap();
    let previous: terminal::PanicHook = Box::new(|info| {
        let message = info.payload().downcast_ref::<&str>().copied();
        record(format!("previous hook ({})", message.unwrap_or("?")));
    });
    std::panic::set_hook(terminal::panic_hook(&WORK, restore_terminal, previous));
    let outcome = std::panic::catch_unwind(|| panic!("boom"));
    drop(std::panic::take_hook());

    assert!(outcome.is_err(), "the closure panicked");
    assert_eq!(
        *STEPS.lock().unwrap(),
        [
            "save",
            "restore (recovery file present: true)",
            "previous hook (boom)"
        ]
    );
    let saved = sidecar::parse(&std::fs::read_to_string(&recovery).unwrap())
        .expect("the recovery file parses")
        .annotations;
    assert_eq!(saved.len(), 1, "the highlight made before the panic");
}
