//! A reader that annotates for real, without a terminal: keys go through the runtime's
//! translation (so open popups receive raw keys) and the pure update function, and effects are
//! carried out the way the runtime does, saving into a sidecar in a temporary folder.

use std::path::{Path, PathBuf};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use margent::annotations::{Store, StoreOptions};
use margent::tui::annotate;
use margent::tui::app::App;
use margent::tui::keymap::KeyChord;
use margent::tui::runtime::translate;
use margent::tui::update::update;

use super::reader::app;

/// A reader on the fixture article with an annotation store in a temporary folder.
pub struct Reader {
    /// The reader.
    pub app: App,
    /// The copy of the article the store saves beside.
    pub article: PathBuf,
    /// The temporary folder holding the article, its sidecar and the data folder; saving
    /// goes astray once it is dropped.
    pub _folder: tempfile::TempDir,
}

/// A 120×40 reader on the fixture article, with its store in a temporary folder.
pub fn reader() -> Reader {
    reader_with(|_| {})
}

/// Like [`reader`], after `prepare` has run on the article's path (to plant a sidecar).
pub fn reader_with(prepare: impl FnOnce(&Path)) -> Reader {
    reader_on(app(120, 40), prepare)
}

/// A reader around `app`, with its store in a temporary folder, after `prepare` has run on
/// the article's path.
pub fn reader_on(mut app: App, prepare: impl FnOnce(&Path)) -> Reader {
    let folder = tempfile::tempdir().unwrap();
    let article = folder.path().join("quieter-streets.md");
    std::fs::write(&article, &app.doc.text).unwrap();
    prepare(&article);
    let options = StoreOptions {
        data_dir: Some(folder.path().join("data")),
    };
    app.notes.store = Some(Store::open(&article, &app.doc, options).unwrap());
    app.notes.article = Some(article.clone());
    Reader {
        app,
        article,
        _folder: folder,
    }
}

/// Feeds one key event the way the runtime does and performs the effects.
pub fn send(app: &mut App, key: KeyEvent) {
    let mut key = key;
    key.kind = KeyEventKind::Press;
    if let Some(action) = translate(app, &Event::Key(key)) {
        for effect in update(app, action) {
            annotate::perform(app, &effect);
        }
        assert_saved(app);
    }
}

/// Fails the test when the last change could not be saved where it belongs: a test that
/// dropped its temporary folder would otherwise pass while every save went astray.
fn assert_saved(app: &App) {
    if let Some(message) = &app.status.message {
        let failed = message.text.starts_with("Not saved") || message.text.contains(" instead: ");
        assert!(!failed || SAVE_FAILURE_EXPECTED.get(), "{}", message.text);
    }
}

thread_local! {
    /// Set by the tests that make saving fail on purpose.
    pub static SAVE_FAILURE_EXPECTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Presses keys in keymap notation, separated by spaces, the way the runtime does.
pub fn press(app: &mut App, keys: &str) {
    for key in keys.split_whitespace() {
        let chord = KeyChord::parse(key).unwrap();
        send(app, KeyEvent::new(chord.code, chord.modifiers));
    }
}

/// Types text; `\n` is Enter.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        send(app, KeyEvent::new(code, KeyModifiers::NONE));
    }
}
