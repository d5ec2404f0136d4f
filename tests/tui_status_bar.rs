//! The status bar on narrow terminals: what it drops to make room, and how it shortens what it
//! keeps. Each test says why the behaviour matters.

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use common::reader::{app, article, outline, press, ready_app, screen};
use margent::tui::action::Action;
use margent::tui::app::{App, Setup};
use margent::tui::update::update;

/// A reader on the fixture article saved under a long file name.
fn app_named(file_name: &str, width: u16, height: u16) -> App {
    let doc = article();
    let outline = outline(&doc);
    ready_app(doc, outline, file_name, Setup::default(), (width, height))
}

/// Types `line` into the open prompt and presses Enter.
fn type_line(app: &mut App, line: &str) {
    let keys = line.chars().map(KeyCode::Char).chain([KeyCode::Enter]);
    for code in keys {
        update(app, Action::Input(KeyEvent::new(code, KeyModifiers::NONE)));
    }
}

fn status_row(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_owned()
}

/// Why: a message (a saved note, a failed export, an unknown theme) is the only feedback an
/// action gives; on a 40-column terminal the reading summary used to fill the whole bar and
/// every message was invisible.
#[test]
fn a_message_shows_on_a_narrow_terminal() {
    let mut app = app(40, 12);
    press(&mut app, "T");
    let row = status_row(&app);
    assert!(row.contains("Theme: light"), "{row:?}");
}

/// Why: a long message used to be cut to a few words while the summary kept its full width;
/// the summary gives way first, down to the file and the position.
#[test]
fn a_long_message_takes_the_room_of_the_summary() {
    let mut app = app(130, 30);
    press(&mut app, ":");
    type_line(&mut app, "theme nope");
    let row = status_row(&app);
    assert!(row.contains("monochrome"), "the whole theme list: {row:?}");
    assert!(row.contains("quieter-streets.md"), "{row:?}");
}

/// Why: a part cut off by the edge of the screen misleads ("R1" for 11 recommendations, a
/// file name missing its last letters); a part that does not fit is left out whole.
#[test]
fn the_outline_counts_are_shown_whole_or_not_at_all() {
    for width in 30..60 {
        let app = app(width, 12);
        let row = status_row(&app);
        assert!(
            row.contains("C3 Q2 R2") || row.contains("3 claims") || !row.contains("C3"),
            "{width} columns: {row:?}"
        );
    }
}

/// Why: on a very narrow terminal the file name is shortened with an ellipsis, so the reader
/// sees that it was shortened and still sees the position.
#[test]
fn a_long_file_name_is_shortened_with_an_ellipsis() {
    let app = app_named("a-remarkably-long-article-file-name.md", 24, 6);
    let row = status_row(&app);
    assert!(row.contains('…'), "{row:?}");
    assert!(row.contains("0%"), "{row:?}");
    assert!(row.starts_with(" a-remarkably"), "{row:?}");
}

/// Why: with a message on the smallest screen the file name would shrink to a lone `…`, which
/// says nothing; the position is shown alone instead.
#[test]
fn a_file_name_too_short_to_read_is_left_out() {
    let mut app = app_named("a-remarkably-long-article-file-name.md", 20, 5);
    press(&mut app, "T");
    let row = status_row(&app);
    assert!(row.starts_with(" 0%"), "{row:?}");
    assert!(row.contains("Theme: light"), "{row:?}");
}
