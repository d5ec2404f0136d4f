//! Popups and notices on small terminals: whatever is drawn fits, says what it must, and is
//! never cut mid-word without an ellipsis. Each test says why the behaviour matters.

mod common;

use common::reader::{app, press, screen};
use margent::annotations::{Store, StoreOptions, Tag};
use margent::tui::app::App;

/// The fixture reader at `width`×`height` with an annotation store in `folder`, so the
/// palette and the note editor open.
fn annotating(width: u16, height: u16, folder: &tempfile::TempDir) -> App {
    let mut app = app(width, height);
    let article = folder.path().join("quieter-streets.md");
    std::fs::write(&article, &app.doc.text).expect("a writable temporary folder");
    let options = StoreOptions {
        data_dir: Some(folder.path().join("data")),
    };
    app.notes.store = Some(Store::open(&article, &app.doc, options).expect("a new store"));
    app.notes.article = Some(article);
    app
}

/// The rows of the box whose top border holds `title`, each cut to the box's columns.
fn boxed_rows(shown: &str, title: &str) -> Vec<String> {
    let rows: Vec<&str> = shown.lines().collect();
    let top = rows
        .iter()
        .position(|row| row.contains(title))
        .unwrap_or_else(|| panic!("no box titled {title:?}:\n{shown}"));
    let left = rows[top]
        .chars()
        .position(|c| c == '┌')
        .expect("a top-left corner");
    let mut out = Vec::new();
    for row in &rows[top..] {
        let cells: String = row.chars().skip(left).collect();
        out.push(cells.clone());
        if cells.starts_with('└') {
            break;
        }
    }
    out
}

/// Why: the notice exists to say how large the window must be; wrapped into a 10×3 corner it
/// used to lose exactly that line.
#[test]
fn the_too_small_notice_says_the_size_it_needs() {
    let app = app(10, 3);
    assert!(screen(&app).contains("20×5"), "{}", screen(&app));
}

/// Why: the palette lays its tags out in columns on a short screen; on a narrow one the
/// columns used to be cut at the edge ("4  ev"), so a tag's name could not be read. A name
/// that does not fit ends in an ellipsis.
#[test]
fn palette_names_are_whole_or_end_in_an_ellipsis() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut app = annotating(30, 8, &folder);
    press(&mut app, ") h");
    let rows = boxed_rows(&screen(&app), "┌ Tag");
    let inside = rows[1..rows.len() - 1].join("\n");
    for tag in Tag::BUILT_IN {
        let name = tag.name();
        let whole_or_shortened = inside.contains(name)
            || (1..name.len()).any(|cut| inside.contains(&format!("{}…", &name[..cut])));
        assert!(whole_or_shortened, "{name}:\n{inside}");
    }
}

/// Why: on a 20×5 terminal the note editor used to get no rows at all: keys went into an
/// invisible note.
#[test]
fn the_note_editor_shows_on_the_smallest_screen() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut app = annotating(20, 5, &folder);
    press(&mut app, ") n");
    let rows = boxed_rows(&screen(&app), "┌");
    assert!(rows.len() >= 3, "a box with a row to type in: {rows:?}");
}

/// Why: the editor's title says how to save and how to leave; cut at the border it read
/// "Esc cance". A shorter wording is used where the long one does not fit.
#[test]
fn the_note_editor_title_is_never_cut_mid_word() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut app = annotating(40, 12, &folder);
    press(&mut app, ") n");
    let title = &boxed_rows(&screen(&app), "┌ Note")[0];
    assert!(title.contains("Ctrl-s saves"), "{title:?}");
    assert!(
        title.contains("Esc cancels") || !title.contains("Esc"),
        "{title:?}"
    );
}

/// Why: scrolling the help to its end used to shrink the box to the last entry; the last page
/// fills the box, and it ends with the notes on the mouse and on searching backward that
/// docs/keys.md has under its table.
#[test]
fn the_help_keeps_its_size_to_the_end_and_ends_with_the_mouse() {
    let mut app = app(100, 30);
    press(&mut app, "?");
    let at_top = boxed_rows(&screen(&app), "┌ Keys").len();
    press(&mut app, "G");
    let shown = screen(&app);
    let at_end = boxed_rows(&shown, "┌ Keys");
    assert_eq!(at_end.len(), at_top, "{shown}");
    assert!(shown.contains("mouse wheel"), "{shown}");
    assert!(shown.contains("search backward with \\"), "{shown}");
}

/// Why: on a narrow terminal the help kept its 18-column key column, leaving the descriptions
/// a few words a line (or none at all at 20×5), and cut its title mid-word; the keys go above
/// their description instead, and the title is shortened to a wording that fits.
#[test]
fn the_help_stacks_keys_above_descriptions_when_narrow() {
    let mut reader = app(40, 12);
    press(&mut reader, "?");
    let rows = boxed_rows(&screen(&reader), "┌ Keys");
    let inside = rows.join("\n");
    assert!(inside.contains("Scroll down a line;"), "{inside}");
    for size in [(40, 12), (20, 5), (30, 8)] {
        let mut app = app(size.0, size.1);
        press(&mut app, "?");
        let title = &boxed_rows(&screen(&app), "┌ Keys")[0];
        assert!(
            title.contains("scroll ─") || title.contains("closes ─") || title.contains(" Keys ─"),
            "{size:?}: {title:?}"
        );
    }
}

/// Why: the empty Notes tab says how to make the first annotation; in a 37-column side pane
/// the hint was cut to "n …", hiding the note key. It wraps instead.
#[test]
fn the_empty_notes_hint_wraps_instead_of_being_cut() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut app = annotating(120, 40, &folder);
    press(&mut app, "] ]");
    let shown = screen(&app);
    assert!(shown.contains("adds a note"), "{shown}");
}
