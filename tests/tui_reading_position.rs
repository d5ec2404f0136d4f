//! The reading position (the first document text on screen) drives the sentence cursor, the
//! saved place, the progress figure and the anchor kept across a resize, so it must name what
//! the reader actually sees at the top of the article pane.

mod common;

use common::reader::{app, press};
use margent::tui::app::App;
use margent::tui::article_pane::unit_start;
use margent::tui::wrap::ScreenLine;

/// Scrolls down a line at a time until the top row is the blank line that follows a
/// paragraph, as happens after a jump or a page turn that stops between two paragraphs.
fn scroll_to_a_blank_top_row(app: &mut App) {
    for _ in 0..200 {
        let top = app.article.top;
        let lines = app.article.lines(&app.doc, top.unit);
        if top.unit > 0 && top.line + 1 == lines.len() && lines[top.line] == ScreenLine::default() {
            return;
        }
        press(app, "j");
    }
    panic!("the fixture never shows a blank line at the top of the article pane");
}

/// How many sentences document block `block` shows (none while it is folded boilerplate).
fn sentences_in_block(app: &App, block: usize) -> usize {
    if app.doc.blocks[block].is_boilerplate() {
        return 0;
    }
    app.doc
        .sentences
        .iter()
        .filter(|sentence| sentence.block == block)
        .count()
}

/// Why: when the top row is the blank line after a paragraph, that paragraph has scrolled
/// away. Reading from its start put the sentence cursor on a sentence above the screen (so `)`
/// moved it unseen and `h` highlighted text the reader could not see), saved a place a
/// paragraph too early and made a resize jump back up.
#[test]
fn a_blank_top_row_reads_from_the_next_paragraph() {
    let mut app = app(80, 24);
    scroll_to_a_blank_top_row(&mut app);
    let next = unit_start(&app.doc, app.article.top.unit + 1);
    assert_eq!(app.article.reading, next);
}

/// Why: the sentence cursor starts on the first sentence on screen; it must be one the reader
/// can see, below the blank top row.
#[test]
fn the_sentence_cursor_starts_below_a_blank_top_row() {
    let mut app = app(80, 24);
    scroll_to_a_blank_top_row(&mut app);
    while sentences_in_block(&app, app.article.top.unit - 1) < 2 {
        press(&mut app, "j");
        scroll_to_a_blank_top_row(&mut app);
    }
    let first_shown = unit_start(&app.doc, app.article.top.unit + 1);
    press(&mut app, ")");
    let cursor = app.notes.cursor.expect("a sentence cursor");
    assert!(
        app.doc.sentences[cursor].span.start >= first_shown,
        "the cursor went to a sentence above the screen"
    );
}
