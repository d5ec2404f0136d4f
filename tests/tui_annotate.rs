//! App-state tests for annotating in the reader: keys go through the runtime's translation
//! (so open popups receive raw keys) and the pure update function, and effects are carried out
//! the way the runtime does, saving into a sidecar in a temporary folder. No terminal.

mod common;

use common::annotating::{
    Reader, SAVE_FAILURE_EXPECTED, press, reader, reader_on, reader_with, send, type_text,
};
use common::reader::{app, click_on, screen};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use margent::annotations::{Kind, Store, StoreOptions, Tag, sidecar};
use margent::tui::action::Action;
use margent::tui::annotate::{self, Modal};
use margent::tui::app::App;
use margent::tui::app::Focus;
use margent::tui::side_pane::{OutlineRow, SideTab};
use margent::tui::update::update;

fn cursor_text(app: &App) -> &str {
    app.doc
        .sentence_text(app.notes.cursor.expect("the cursor is set"))
}

fn store(app: &App) -> &Store {
    app.notes.store.as_ref().unwrap()
}

fn message(app: &App) -> String {
    app.status
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

/// The annotations in the sidecar on disk.
fn on_disk(reader: &Reader) -> Vec<margent::annotations::Annotation> {
    let text = std::fs::read_to_string(sidecar::sidecar_path(&reader.article)).unwrap();
    sidecar::parse(&text).unwrap().annotations
}

/// The sentence cursor is how a keyboard reader points at a passage: `)`/`(` step through
/// sentences, `}`/`{` through paragraphs, skipping the headline already in the title block.
#[test]
fn the_sentence_cursor_moves_by_sentence_and_paragraph() {
    let Reader {
        mut app, _folder, ..
    } = reader();
    press(&mut app, ")");
    let first = app.notes.cursor.unwrap();
    let block = app.doc.sentences[first].block;
    assert!(
        !app.doc.blocks[block].is_boilerplate(),
        "the folded share widget at the top is skipped"
    );
    press(&mut app, ")");
    assert_eq!(app.notes.cursor, Some(first + 1));
    press(&mut app, "(");
    assert_eq!(app.notes.cursor, Some(first));
    press(&mut app, "}");
    let paragraph = app.notes.cursor.unwrap();
    assert_ne!(
        app.doc.sentences[paragraph].block,
        app.doc.sentences[first].block
    );
    press(&mut app, "{ {");
    assert!(app.notes.cursor.unwrap() < paragraph);
}

/// The view follows the cursor, so `}` can walk the whole article without `j`.
#[test]
fn the_view_follows_the_cursor() {
    let Reader {
        mut app, _folder, ..
    } = reader();
    let reading = app.article.reading;
    for _ in 0..25 {
        press(&mut app, "}");
    }
    assert!(app.article.reading > reading);
    let cursor = app.doc.sentences[app.notes.cursor.unwrap()].span.clone();
    let visible = annotate::visible_span(&app);
    assert!(visible.start <= cursor.start && cursor.start < visible.end);
}

/// `h` then a digit highlights the cursor sentence with that tag and saves at once.
#[test]
fn h_and_a_digit_highlight_the_cursor_sentence_and_save() {
    let mut reader_state = reader();
    let app = &mut reader_state.app;
    press(app, ") ) h");
    assert!(matches!(app.notes.modal, Some(Modal::Palette { .. })));
    assert!(
        screen(app).contains("recommendation"),
        "the palette is drawn"
    );
    press(app, "1");
    assert!(app.notes.modal.is_none());
    let quote = cursor_text(app).to_owned();
    let saved = on_disk(&reader_state);
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].tag, Some(Tag::Claim));
    assert_eq!(saved[0].selector.quote, quote);
    assert!(message(&reader_state.app).contains("claim"));
}

/// Enter repeats the last tag; `h` on a highlight retags it rather than stacking another;
/// Esc and unknown keys leave nothing behind.
#[test]
fn the_palette_repeats_the_last_tag_retags_and_cancels() {
    let Reader {
        mut app, _folder, ..
    } = reader();
    press(&mut app, ") h 4");
    press(&mut app, ") h enter");
    let tags: Vec<_> = store(&app)
        .annotations()
        .iter()
        .map(|a| a.tag.clone())
        .collect();
    assert_eq!(tags, [Some(Tag::Evidence), Some(Tag::Evidence)]);
    press(&mut app, "h 5");
    assert_eq!(store(&app).annotations().len(), 2, "retagged, not added");
    assert!(
        store(&app)
            .annotations()
            .iter()
            .any(|a| a.tag == Some(Tag::Question))
    );
    press(&mut app, ") h x");
    assert!(
        app.notes.modal.is_some(),
        "an unknown key keeps the palette"
    );
    press(&mut app, "9 esc");
    assert!(app.notes.modal.is_none());
    assert_eq!(store(&app).annotations().len(), 2);
}

/// `n` writes a multi-line note; on a sentence without a highlight it makes one.
#[test]
fn n_writes_a_multi_line_note_and_ctrl_s_saves_it() {
    let mut reader = reader();
    press(&mut reader.app, ")");
    press(&mut reader.app, "n");
    assert!(matches!(reader.app.notes.modal, Some(Modal::Editor(_))));
    type_text(&mut reader.app, "First thought.\nSecond thought.");
    assert!(screen(&reader.app).contains("Second thought."));
    press(&mut reader.app, "ctrl-s");
    assert!(reader.app.notes.modal.is_none());
    let saved = on_disk(&reader);
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].kind, Kind::Highlight);
    assert_eq!(
        saved[0].note.as_deref(),
        Some("First thought.\nSecond thought.")
    );
}

/// Typed text is never thrown away without asking; an untouched editor just closes.
#[test]
fn esc_asks_before_discarding_a_typed_note() {
    let Reader {
        mut app, _folder, ..
    } = reader();
    press(&mut app, ") n esc");
    assert!(app.notes.modal.is_none(), "nothing typed: closes at once");
    press(&mut app, "n");
    type_text(&mut app, "draft");
    press(&mut app, "esc");
    assert!(screen(&app).contains("Discard"));
    press(&mut app, "n");
    let Some(Modal::Editor(editor)) = &app.notes.modal else {
        panic!("any key but y keeps editing");
    };
    assert!(!editor.confirming);
    assert_eq!(editor.note(), "draft");
    press(&mut app, "esc y");
    assert!(app.notes.modal.is_none());
    assert!(store(&app).annotations().is_empty());
}

/// `e` edits an existing note in place; with nothing under the cursor it says so.
#[test]
fn e_edits_the_note_under_the_cursor() {
    let Reader {
        mut app, _folder, ..
    } = reader();
    press(&mut app, ") e");
    assert!(app.notes.modal.is_none());
    assert!(message(&app).contains("No annotation"));
    press(&mut app, "h 1 e");
    type_text(&mut app, "why?");
    press(&mut app, "ctrl-s e");
    let Some(Modal::Editor(editor)) = &app.notes.modal else {
        panic!("the editor opens");
    };
    assert_eq!(editor.note(), "why?");
}

/// Undo and redo walk back and forth through every change of the session.
#[test]
fn d_deletes_and_u_ctrl_r_undo_and_redo_a_sequence() {
    let mut reader = reader();
    let app = &mut reader.app;
    press(app, ") h 1 n");
    type_text(app, "note");
    press(app, "ctrl-s d");
    assert!(store(app).annotations().is_empty());
    assert!(message(app).contains("Deleted"));
    press(app, "u");
    assert_eq!(store(app).annotations()[0].note.as_deref(), Some("note"));
    press(app, "u");
    assert_eq!(store(app).annotations()[0].note, None);
    press(app, "u");
    assert!(store(app).annotations().is_empty());
    press(app, "u");
    assert_eq!(message(app), "Nothing to undo");
    press(app, "ctrl-r ctrl-r");
    assert_eq!(store(app).annotations()[0].note.as_deref(), Some("note"));
    press(app, "ctrl-r");
    assert!(store(app).annotations().is_empty());
    assert!(on_disk(&reader).is_empty(), "every step is saved");
}

/// Search marks every match as you type, with smart case, and `n`/`N` step through them
/// with a counter; Esc clears it and `n` is the note key again.
#[test]
fn search_is_incremental_smart_case_and_n_steps_through_matches() {
    let Reader {
        mut app, _folder, ..
    } = reader();
    press(&mut app, "/");
    type_text(&mut app, "streets");
    let count = app.notes.search.matches().len();
    assert!(count >= 3, "{count}");
    assert!(screen(&app).contains(&format!("/streets   1/{count}")));
    press(&mut app, "enter n");
    assert!(status_line(&app).ends_with(&format!(" 2/{count}")));
    press(&mut app, "N");
    assert!(status_line(&app).ends_with(&format!(" 1/{count}")));
    press(&mut app, "N");
    assert!(message(&app).contains("wrapped"));
    assert!(status_line(&app).ends_with(&format!(" {count}/{count}")));
    press(&mut app, "esc");
    assert!(app.notes.search.matches().is_empty());
    press(&mut app, "/");
    type_text(&mut app, "Streets");
    assert!(
        app.notes.search.matches().len() < count,
        "upper case: exact"
    );
    press(&mut app, "esc n");
    assert!(matches!(app.notes.modal, Some(Modal::Editor(_))));
}

/// The bottom row of the screen: the status bar.
fn status_line(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_owned()
}

/// The "3/17" counter tells where a confirmed search stands: it shows from Enter on (not only
/// after `n`), stays beside other messages while the search is active, and goes with Esc.
#[test]
fn the_search_counter_shows_from_enter_until_esc() {
    let mut reader = reader();
    let app = &mut reader.app;
    press(app, "/");
    type_text(app, "streets\n");
    let count = app.notes.search.matches().len();
    let counter = format!(" 1/{count}");
    assert!(status_line(app).ends_with(&counter), "{}", status_line(app));
    press(app, "j j");
    assert!(status_line(app).ends_with(&counter), "scrolling keeps it");
    press(app, "h 1");
    let status = status_line(app);
    assert!(
        status.contains("Highlighted as claim") && status.ends_with(&counter),
        "{status}"
    );
    press(app, "esc");
    assert!(app.notes.search.matches().is_empty());
    let status = status_line(app);
    assert!(!status.contains(&format!("/{count}")), "{status}");
    assert!(
        !status.contains("Highlighted"),
        "Esc clears what was said of the search"
    );
}

/// `?` is the help key, so `\` searches backward; as in vim, `n` keeps the search's direction
/// and `N` goes the other way, so after a backward search `n` moves towards the start.
#[test]
fn backslash_searches_backward_and_n_follows_the_search_direction() {
    let Reader {
        mut app, _folder, ..
    } = reader();
    press(&mut app, "?");
    assert!(app.overlay.is_some(), "? stays the help key");
    press(&mut app, "esc G");
    send(
        &mut app,
        KeyEvent::new(KeyCode::Char('\\'), KeyModifiers::NONE),
    );
    type_text(&mut app, "streets");
    let count = app.notes.search.matches().len();
    assert!(count >= 3, "{count}");
    assert!(
        screen(&app).contains("\\streets"),
        "the prompt shows the direction"
    );
    press(&mut app, "enter");
    let first = app.notes.search.current.expect("a current match");
    press(&mut app, "n");
    let after_n = app.notes.search.current.unwrap();
    assert_eq!(after_n, (first + count - 1) % count, "n goes backward");
    press(&mut app, "N");
    assert_eq!(app.notes.search.current, Some(first), "N goes forward");
}

/// The command line runs the commands and explains mistakes in the status bar.
#[test]
fn the_command_line_saves_switches_theme_tags_and_quits() {
    let mut reader = reader();
    let app = &mut reader.app;
    press(app, ":");
    type_text(app, "theme light\n");
    assert_eq!(app.theme().name, "light");
    press(app, ":");
    type_text(app, "theme nope\n");
    assert!(message(app).contains("Unknown theme"));
    press(app, ":");
    type_text(app, "frob\n");
    assert!(message(app).contains("Unknown command"));
    press(app, ") :");
    type_text(app, "tag to-read\n");
    assert_eq!(
        store(app).annotations()[0].tag,
        Some(Tag::Custom("to-read".into()))
    );
    assert_eq!(app.notes.palette()[6], Tag::Custom("to-read".into()));
    press(app, ":");
    type_text(app, "w\n");
    assert_eq!(message(app), "Saved");
    assert_eq!(on_disk(&reader).len(), 1);
    let app = &mut reader.app;
    press(app, ":");
    type_text(app, "q\n");
    assert!(app.quit);
}

/// The user's own tags declared in `config.toml`, read the way the reader reads them.
mod config_tags {
    use super::*;
    use common::reader::app_with;
    use margent::tui::app::Setup;
    use margent::tui::config::Folders;
    use margent::tui::{Options, load_setup};

    /// The reader's setup from a config file with `text`.
    pub fn setup(text: &str) -> Setup {
        let root = tempfile::tempdir().unwrap();
        let folders = Folders {
            config: root.path().join("config"),
            data: root.path().join("data"),
        };
        std::fs::create_dir_all(&folders.config).unwrap();
        std::fs::write(folders.config_file(), text).unwrap();
        load_setup(Some(&folders), &Options::default(), false).unwrap()
    }

    /// A reader on the fixture with the config `text`.
    pub fn reader_configured(text: &str) -> Reader {
        reader_on(app_with(120, 40, setup(text)), |_| {})
    }

    pub const METHOD_AND_ASIDE: &str = "[[tags]]\nname = \"method\"\n\
        description = \"how the study was done\"\ncolour = \"#88c0d0\"\n\n\
        [[tags]]\nname = \"aside\"\n";

    /// Config tags come right after the six built-ins, in the order written, so `7` is the
    /// first of them every time; picking one tags and saves the passage, and Enter repeats it.
    #[test]
    fn a_config_tag_has_the_next_number_and_enter_reuses_it() {
        let mut reader = reader_configured(METHOD_AND_ASIDE);
        let app = &mut reader.app;
        assert!(app.status.message.is_none(), "a valid config says nothing");
        let palette = app.notes.palette();
        assert_eq!(palette[6], Tag::Custom("method".into()));
        assert_eq!(palette[7], Tag::Custom("aside".into()));
        press(app, ") h");
        let shown = screen(app);
        assert!(
            shown.contains(" 7  method  how the study was done"),
            "{shown}"
        );
        assert!(shown.contains(" 8  aside"), "{shown}");
        press(app, "7");
        let first = cursor_text(app).to_owned();
        assert!(message(app).contains("method"));
        press(app, ") h enter");
        let second = cursor_text(app).to_owned();
        let saved = on_disk(&reader);
        let tagged: Vec<_> = saved
            .iter()
            .map(|a| (a.selector.quote.as_str(), a.tag.clone()))
            .collect();
        let method = Some(Tag::Custom("method".into()));
        assert_eq!(
            tagged,
            [(first.as_str(), method.clone()), (second.as_str(), method)]
        );
    }

    /// One bad entry must not cost the user the rest of the config: it is reported in the
    /// status bar and left out, and the good entries and settings still apply.
    #[test]
    fn a_bad_config_tag_is_reported_and_the_rest_still_works() {
        let setup = setup(
            "text_width = 60\ntags = [\"\", \"Claim\", { name = \"method\", colour = \"nope\" }, \"later\", \"later\"]",
        );
        let app = app_with(120, 40, setup);
        let status = app.status.message.clone().expect("the problem is reported");
        assert!(status.error);
        for part in [
            "config.toml",
            "tags entry 1",
            "tags entry 2",
            "built in",
            "\"nope\"",
            "\"later\" is declared twice",
        ] {
            assert!(status.text.contains(part), "{part:?} in {}", status.text);
        }
        assert_eq!(app.text_width, 60);
        assert_eq!(app.notes.palette()[6..], [Tag::Custom("later".into())]);
    }

    /// A tag found in the sidecar but declared nowhere (made with `:tag` in an earlier
    /// session, or by another machine) is still offered, after the declared ones.
    #[test]
    fn tags_used_in_the_sidecar_stay_pickable() {
        let setup = setup(METHOD_AND_ASIDE);
        let mut reader = reader_on(app_with(120, 40, setup), |article| {
            let doc = common::reader::article();
            let options = StoreOptions {
                data_dir: Some(article.with_file_name("data")),
            };
            let mut store = Store::open(article, &doc, options).unwrap();
            let sentence = doc.sentences.last().unwrap().span.clone();
            let tag = Some(Tag::Custom("from-before".into()));
            store.add_highlight(&doc, sentence, tag, None);
            store.save(&doc).unwrap();
        });
        let app = &mut reader.app;
        assert_eq!(app.notes.palette()[8], Tag::Custom("from-before".into()));
        press(app, ") h 9");
        let tags: Vec<_> = on_disk(&reader).into_iter().filter_map(|a| a.tag).collect();
        assert_eq!(tags.iter().filter(|t| t.name() == "from-before").count(), 2);
    }

    /// Past nine tags the letters a, b, c… pick the rest, as the palette shows.
    #[test]
    fn tags_past_the_ninth_take_letters() {
        let mut reader =
            reader_configured("tags = [\"one\", \"two\", \"three\", \"four\", \"five\"]");
        let app = &mut reader.app;
        press(app, ") h");
        let shown = screen(app);
        assert!(shown.contains(" 9  three"), "{shown}");
        assert!(shown.contains(" b  five"), "{shown}");
        press(app, "a");
        assert_eq!(on_disk(&reader)[0].tag, Some(Tag::Custom("four".into())));
    }

    /// On a short terminal a long palette is laid out in columns, so every tag and its key
    /// stays visible rather than being cut off below the screen.
    #[test]
    fn a_long_palette_takes_columns_on_a_short_screen() {
        let names: Vec<String> = (1..=12).map(|i| format!("\"own{i}\"")).collect();
        let config = format!("tags = [{}]", names.join(", "));
        let app = app_with(100, 14, setup(&config));
        let mut reader = reader_on(app, |_| {});
        let app = &mut reader.app;
        press(app, ") h");
        assert_eq!(app.notes.palette().len(), 18);
        let shown = screen(app);
        for (key, name) in [('1', "claim"), ('9', "own3"), ('c', "own6"), ('i', "own12")] {
            assert!(
                shown.contains(&format!(" {key}  {name} ")),
                "{key} {name} in\n{shown}"
            );
        }
        assert!(shown.contains("⏎  claim"), "{shown}");
    }
}

/// A sidecar that does not parse is never overwritten: the work goes to a recovery file and
/// the status bar says where.
#[test]
fn a_failed_save_is_reported_with_the_recovery_path() {
    SAVE_FAILURE_EXPECTED.set(true);
    let mut reader = reader_with(|article| {
        std::fs::write(sidecar::sidecar_path(article), "this is = = not toml").unwrap();
    });
    press(&mut reader.app, ") h 1");
    let text = message(&reader.app);
    assert!(text.contains("recovery"), "{text}");
    assert!(reader.app.status.message.as_ref().unwrap().error);
    let recovery = sidecar::recovery_path(&reader.article);
    assert!(std::fs::read_to_string(recovery).unwrap().contains("claim"));
    assert_eq!(
        std::fs::read_to_string(sidecar::sidecar_path(&reader.article)).unwrap(),
        "this is = = not toml"
    );
}

/// The welcome article is not a file: annotating says why instead of failing silently.
#[test]
fn annotating_without_a_file_explains_why() {
    let mut app = app(120, 40);
    press(&mut app, ") h");
    assert!(app.notes.modal.is_none());
    assert!(message(&app).contains("margent FILE"));
}

/// Plants a sidecar (made for another version of the text) holding one claim whose passage
/// is not in the fixture article, so it is orphaned on opening.
fn plant_orphan(article: &std::path::Path) {
    use margent::annotations::{Annotation, AnnotationSet, Selector};
    let mut set = AnnotationSet::new("quieter-streets.md", "an older text");
    let mut orphan = Annotation::new(
        Kind::Highlight,
        Selector {
            start: 10,
            end: 52,
            quote: "Zebra crossings were repainted in violet".into(),
            prefix: String::new(),
            suffix: String::new(),
        },
    );
    orphan.tag = Some(Tag::Claim);
    orphan.note = Some("Was this ever true?".into());
    set.annotations.push(orphan);
    std::fs::write(sidecar::sidecar_path(article), sidecar::render(&set)).unwrap();
}

/// The notes of the rows the Notes tab lists.
fn listed_notes(app: &App) -> Vec<String> {
    use margent::tui::notes_tab::NotesRow;
    app.side
        .notes
        .rows
        .iter()
        .filter_map(|row| match row {
            NotesRow::Placed { note, .. } | NotesRow::Orphan { note, .. } => Some(note.clone()),
            NotesRow::OrphanHeader(_) => None,
        })
        .collect()
}

/// The Notes tab lists everything in reading order with its tag, filters by tag with `f`,
/// jumps with Enter, and never hides an orphan: it is listed apart with its old quote.
#[test]
fn the_notes_tab_lists_filters_jumps_and_keeps_orphans_apart() {
    let mut reader = reader_with(plant_orphan);
    let app = &mut reader.app;
    assert_eq!(store(app).orphans().count(), 1);
    press(app, ") h 1 ) h 2 n");
    type_text(app, "Who said it first?");
    press(app, "ctrl-s f");
    assert_eq!(app.side.tab, margent::tui::side_pane::SideTab::Notes);
    assert_eq!(app.side.notes.filter, Some(Tag::Claim));
    let text = screen(app);
    assert!(text.contains("Orphaned (1)"), "{text}");
    assert!(text.contains("\"Zebra"), "{text}");
    assert!(!listed_notes(app).contains(&"Who said it first?".to_owned()));
    press(app, "f");
    assert_eq!(listed_notes(app), ["Who said it first?"]);
    assert!(!screen(app).contains("Zebra"));
    for _ in 0..5 {
        press(app, "f");
    }
    assert_eq!(app.side.notes.filter, None);
    assert_eq!(
        app.side.notes.rows.len(),
        4,
        "two placed, the header, the orphan"
    );
    press(app, "j enter");
    let quote_start = app.doc.sentences[app.notes.cursor.unwrap()].span.start;
    assert!(
        store(app)
            .annotations()
            .iter()
            .any(|a| a.tag == Some(Tag::Quote)
                && app.doc.text[quote_start..].starts_with(&a.selector.quote))
    );
    press(app, "G enter");
    assert!(message(app).contains("Orphaned"), "{}", message(app));
}

/// What a Notes row shows first, to aim a click at it.
fn row_label(row: &margent::tui::notes_tab::NotesRow) -> String {
    use margent::tui::notes_tab::NotesRow;
    match row {
        NotesRow::Placed { words, .. } => words.chars().take(12).collect(),
        NotesRow::OrphanHeader(_) => String::from("Orphaned ("),
        NotesRow::Orphan { quote, .. } => {
            format!("\"{}", quote.chars().take(8).collect::<String>())
        }
    }
}

/// A click on a Notes row selects the row drawn under the pointer, with the filter line shown
/// above the list and without it, down to the orphans' heading and the orphans.
#[test]
fn clicking_a_notes_row_selects_the_row_drawn_there() {
    for filtered in [true, false] {
        let Reader {
            mut app, _folder, ..
        } = reader_with(plant_orphan);
        press(&mut app, ") h 1 ) h 2 ) h 1 f");
        while !filtered && app.side.notes.filter.is_some() {
            press(&mut app, "f");
        }
        assert_eq!(app.side.notes.filter.is_some(), filtered);
        assert_eq!(screen(&app).contains("Filter:"), filtered);
        let side = app.layout().side.expect("a side pane").x;
        let rows = app.side.notes.rows.clone();
        assert_eq!(rows.len(), if filtered { 4 } else { 5 });
        for (index, row) in rows.iter().enumerate().rev() {
            click_on(&mut app, &row_label(row), side);
            assert_eq!(app.side.notes.cursor.selected, index, "{row:?}");
            assert_eq!(app.focus, margent::tui::app::Focus::Side);
        }
    }
}

/// `m` sets a bookmark at the cursor and `'` lists bookmarks to jump back to.
#[test]
fn m_sets_a_bookmark_and_quote_lists_them() {
    let mut reader = reader();
    let app = &mut reader.app;
    for _ in 0..12 {
        press(app, "}");
    }
    let marked = app.notes.cursor.unwrap();
    press(app, "m");
    assert_eq!(on_disk(&reader)[0].kind, Kind::Bookmark);
    let app = &mut reader.app;
    press(app, "g");
    press(app, "'");
    assert!(app.side.notes.bookmarks_only);
    assert_eq!(app.side.notes.rows.len(), 1);
    // The row names the sentence it marks (a bookmark has no passage of its own).
    let first_word = app
        .doc
        .slice(&app.doc.sentences[marked].span)
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    let margent::tui::notes_tab::NotesRow::Placed { words, .. } = &app.side.notes.rows[0] else {
        panic!("a placed row");
    };
    assert!(words.starts_with(&first_word), "{words:?}");
    press(app, "enter");
    assert_eq!(app.notes.cursor, Some(marked));
    let span = app.doc.sentences[marked].span.clone();
    let visible = annotate::visible_span(app);
    assert!(visible.start <= span.start && span.start < visible.end);
}

/// `v` selects part of a passage by word and sentence; `h` highlights exactly the selection,
/// and Esc cancels without a trace.
#[test]
fn v_selects_by_word_and_sentence_and_h_highlights_the_selection() {
    let Reader {
        mut app, _folder, ..
    } = reader();
    press(&mut app, ") v esc");
    assert!(app.notes.modal.is_none());
    press(&mut app, "v w w");
    let Some(Modal::Select(selection)) = &app.notes.modal else {
        panic!("selecting");
    };
    let start = app.doc.sentences[app.notes.cursor.unwrap()].span.start;
    let selected = app.doc.slice(&selection.span(&app.doc)).to_owned();
    assert_eq!(selected.split_whitespace().count(), 3, "{selected}");
    assert!(app.doc.text[start..].starts_with(&selected));
    press(&mut app, "b h 2");
    let highlight = &store(&app).annotations()[0];
    assert_eq!(highlight.tag, Some(Tag::Quote));
    assert_eq!(highlight.selector.quote.split_whitespace().count(), 2);
    press(&mut app, "v ) ) n");
    type_text(&mut app, "two sentences");
    press(&mut app, "ctrl-s");
    let long = store(&app)
        .annotations()
        .iter()
        .find(|a| a.note.is_some())
        .unwrap();
    assert!(
        long.selector.quote.len() > highlight_len(&app),
        "{}",
        long.selector.quote
    );
}

fn highlight_len(app: &App) -> usize {
    app.doc.sentence_text(app.notes.cursor.unwrap()).len()
}

/// `h` on an outline item turns it into a highlight of its own kind in one key.
#[test]
fn h_on_an_outline_item_highlights_it_with_its_kind() {
    let Reader {
        mut app, _folder, ..
    } = reader();
    press(&mut app, "tab j h");
    let annotations = store(&app).annotations();
    assert_eq!(annotations.len(), 1);
    assert_eq!(annotations[0].tag, Some(Tag::Claim));
    assert!(
        annotations[0]
            .selector
            .quote
            .starts_with("most residential streets")
    );
}

/// Snapshots of what annotating looks like. Tag colours come from the theme, so the tag
/// snapshots keep every cell's style, in the dark and the light theme.
mod snapshots {
    use super::*;
    use common::reader::render;

    /// A reader with one highlight of each built-in tag on consecutive sentences.
    fn every_tag(theme: &str) -> App {
        let mut reader = reader();
        let app = &mut reader.app;
        app.theme = app.themes.position(theme).unwrap();
        press(app, "}");
        for digit in 1..=6 {
            press(app, &format!("h {digit} )"));
        }
        press(app, "esc");
        let mut app = reader.app;
        update(&mut app, margent::tui::action::Action::Resize(90, 30));
        let first = app.notes.store.as_ref().unwrap().annotations()[0]
            .selector
            .quote
            .clone();
        let start = app.doc.text.find(&first).unwrap();
        app.article.show_byte(&app.doc, start, 1);
        update(&mut app, margent::tui::action::Action::Tick);
        app
    }

    #[test]
    fn a_highlight_of_each_tag_in_the_dark_theme() {
        let app = every_tag("dark");
        insta::assert_debug_snapshot!(render(&app).backend().buffer());
    }

    #[test]
    fn a_highlight_of_each_tag_in_the_light_theme() {
        let app = every_tag("light");
        insta::assert_debug_snapshot!(render(&app).backend().buffer());
    }

    #[test]
    fn the_tag_palette() {
        let Reader {
            mut app, _folder, ..
        } = reader();
        press(&mut app, ") ) h");
        insta::assert_snapshot!(screen(&app));
    }

    /// The palette with tags from the config: descriptions beside them, numbers after the
    /// built-ins.
    #[test]
    fn the_tag_palette_with_config_tags() {
        let mut app = config_tags::reader_configured(config_tags::METHOD_AND_ASIDE).app;
        press(&mut app, ") ) h");
        insta::assert_snapshot!(screen(&app));
    }

    /// A highlight with a config tag is drawn on the colour the config gives it; one without
    /// a colour gets one of the theme's `tag-colours`.
    #[test]
    fn a_highlight_in_a_config_tags_colour() {
        let mut reader = config_tags::reader_configured(config_tags::METHOD_AND_ASIDE);
        let app = &mut reader.app;
        press(app, "} h 7 ) h 8 esc");
        let mut app = reader.app;
        update(&mut app, margent::tui::action::Action::Resize(90, 20));
        let first = app.notes.store.as_ref().unwrap().annotations()[0]
            .selector
            .quote
            .clone();
        let start = app.doc.text.find(&first).unwrap();
        app.article.show_byte(&app.doc, start, 1);
        update(&mut app, margent::tui::action::Action::Tick);
        let terminal = render(&app);
        let buffer = terminal.backend().buffer();
        let configured = ratatui::style::Color::Rgb(0x88, 0xc0, 0xd0);
        assert!(
            buffer.content().iter().any(|cell| cell.bg == configured),
            "the method highlight is drawn on #88c0d0"
        );
        insta::assert_debug_snapshot!(buffer);
    }

    #[test]
    fn the_note_editor_with_text() {
        let Reader {
            mut app, _folder, ..
        } = reader();
        press(&mut app, ") n");
        type_text(
            &mut app,
            "Check the collision figures against the national data.\nAsk whether journey \
             times were measured at rush hour or averaged over the whole day, since that \
             changes the argument.",
        );
        insta::assert_snapshot!(screen(&app));
    }

    #[test]
    fn the_notes_tab_with_a_filter_and_an_orphan() {
        let Reader {
            mut app, _folder, ..
        } = reader_with(plant_orphan);
        press(&mut app, ") h 1 ) h 2 ) h 1 n");
        type_text(&mut app, "Compare with the 2019 figures.");
        press(&mut app, "ctrl-s f");
        insta::assert_snapshot!(screen(&app));
    }

    #[test]
    fn a_confirmed_search_keeps_its_counter() {
        let Reader {
            mut app, _folder, ..
        } = reader();
        press(&mut app, "/");
        type_text(&mut app, "streets\n");
        press(&mut app, "n");
        insta::assert_snapshot!(screen(&app));
    }

    #[test]
    fn the_note_editor_on_an_orphan_selected_in_the_notes_tab() {
        let mut reader = reader_with(plant_orphan);
        press(&mut reader.app, ") h 1 ] ] tab G e");
        insta::assert_snapshot!(screen(&reader.app));
    }

    /// Rows `rows` of the article's text column, each followed by a line marking the cursor
    /// sentence's cells (`~`, underlined) and the selection's (`#`).
    fn marked_rows(app: &App, rows: std::ops::Range<u16>) -> String {
        let text = app.layout().text;
        let selection = app.theme().style(margent::tui::theme::Role::Selection).bg;
        let terminal = render(app);
        let buffer = terminal.backend().buffer();
        let mut out = String::new();
        for y in rows {
            let cells: Vec<_> = (text.x..text.x + text.width)
                .map(|x| &buffer[(x, y)])
                .collect();
            let line: String = cells.iter().map(|cell| cell.symbol()).collect();
            let marks: String = cells
                .iter()
                .map(|cell| {
                    if selection.is_some() && cell.bg == selection.unwrap() {
                        '#'
                    } else if cell.modifier.contains(ratatui::style::Modifier::UNDERLINED) {
                        '~'
                    } else {
                        ' '
                    }
                })
                .collect();
            out.push_str(line.trim_end());
            out.push('\n');
            out.push_str(marks.trim_end());
            out.push('\n');
        }
        out
    }

    #[test]
    fn a_click_underlines_the_sentence_and_a_drag_selects_words() {
        let Reader {
            mut app, _folder, ..
        } = reader();
        click_on(&mut app, "Critics argue", 0);
        let row = screen(&app)
            .lines()
            .position(|line| line.contains("Critics argue"))
            .unwrap() as u16;
        let clicked = marked_rows(&app, row..row + 2);
        let text = app.layout().text;
        update(
            &mut app,
            Action::Drag {
                column: text.x + 30,
                row: row + 1,
            },
        );
        let dragged = marked_rows(&app, row..row + 2);
        insta::assert_snapshot!(format!(
            "after a click:\n{clicked}\nafter a drag:\n{dragged}"
        ));
    }

    #[test]
    fn search_with_matches() {
        let Reader {
            mut app, _folder, ..
        } = reader();
        press(&mut app, "/");
        type_text(&mut app, "streets");
        insta::assert_snapshot!(screen(&app));
    }
}

/// The first word of screen row `row` of the text column, if the row starts with one of at
/// least four letters.
fn word_starting_row(app: &App, row: u16) -> Option<String> {
    let text = app.layout().text;
    let line: String = screen(app)
        .lines()
        .nth(usize::from(row))?
        .chars()
        .skip(usize::from(text.x))
        .take(usize::from(text.width))
        .collect();
    let word: String = line.chars().take_while(|c| c.is_alphabetic()).collect();
    (word.chars().count() >= 4).then_some(word)
}

/// A mouse reader selects by dragging: the drag selects whole words from the one pressed to
/// one on a later line, and after the release `h` highlights exactly what was dragged over, as
/// with `v`.
#[test]
fn dragging_the_mouse_selects_whole_words_and_h_highlights_them() {
    let Reader {
        mut app, _folder, ..
    } = reader();
    let text = app.layout().text;
    let mut rows = text.y..text.y + text.height - 2;
    let (from, to) = rows
        .find_map(|row| {
            Some((
                row,
                word_starting_row(&app, row)?,
                row + 2,
                word_starting_row(&app, row + 2)?,
            ))
        })
        .map(|(a, wa, b, wb)| ((a, wa), (b, wb)))
        .expect("two rows starting with words");
    let press_at = Action::Click {
        column: text.x + 2,
        row: from.0,
    };
    update(&mut app, press_at);
    assert!(app.notes.modal.is_none(), "a press alone selects nothing");
    assert!(cursor_text(&app).contains(&from.1), "it moves the cursor");
    update(
        &mut app,
        Action::Drag {
            column: text.x + 1,
            row: to.0,
        },
    );
    let Some(Modal::Select(selection)) = &app.notes.modal else {
        panic!("the drag keeps selecting");
    };
    let selected = app.doc.slice(&selection.span(&app.doc)).to_owned();
    assert!(selected.starts_with(&from.1), "{selected}");
    assert!(selected.ends_with(&to.1), "{selected}");
    assert!(selected.contains('\n') || selected.split_whitespace().count() > 3);
    press(&mut app, "h 1");
    let highlight = &store(&app).annotations()[0];
    assert_eq!(highlight.tag, Some(Tag::Claim));
    assert_eq!(highlight.selector.quote, selected);
}

/// A click is for pointing: it moves the sentence cursor to the sentence clicked and gives the
/// article focus, selecting nothing, so the next `h` or `n` acts on that sentence; a click
/// also ends a selection.
#[test]
fn a_click_moves_the_cursor_to_the_sentence_clicked_and_selects_nothing() {
    let mut reader = reader();
    let app = &mut reader.app;
    press(app, "tab");
    click_on(app, "Critics argue", 0);
    assert_eq!(app.focus, Focus::Article);
    assert!(app.notes.modal.is_none());
    assert!(cursor_text(app).starts_with("Critics argue"));
    click_on(app, "Parents let", 0);
    assert!(app.notes.modal.is_none());
    assert!(cursor_text(app).starts_with("Parents let children"));
    press(app, "h 1");
    assert_eq!(store(app).annotations()[0].selector.quote, cursor_text(app));
    press(app, "v w");
    assert!(matches!(app.notes.modal, Some(Modal::Select(_))));
    click_on(app, "Critics argue", 0);
    assert!(app.notes.modal.is_none(), "a click ends the selection");
    assert!(cursor_text(app).starts_with("Critics argue"));
    press(app, "n");
    assert!(matches!(app.notes.modal, Some(Modal::Editor(_))));
    click_on(app, "older residents", 0);
    assert!(
        cursor_text(app).starts_with("Critics argue"),
        "the open editor keeps the input"
    );
}

/// The note editor's text as it opened.
fn editor_original(app: &App) -> String {
    match &app.notes.modal {
        Some(Modal::Editor(editor)) => editor.original.clone(),
        other => panic!("the note editor is open: {other:?}"),
    }
}

/// The annotation tagged `tag`.
fn tagged(app: &App, tag: Tag) -> Option<&margent::annotations::Annotation> {
    store(app)
        .annotations()
        .iter()
        .find(|a| a.tag == Some(tag.clone()))
}

/// With the side pane focused, `h` `n` `e` `d` act on the annotation selected in the Notes
/// tab, not on the article's cursor, orphans included; `u` and Ctrl-r undo and redo there too.
#[test]
fn annotation_keys_act_on_the_selected_notes_row() {
    let mut reader = reader_with(plant_orphan);
    let app = &mut reader.app;
    press(app, ") h 1 ) h 2 ] ] tab");
    assert_eq!((app.side.tab, app.focus), (SideTab::Notes, Focus::Side));
    let quote = tagged(app, Tag::Quote).unwrap().id.clone();
    assert!(cursor_text(app).starts_with(&tagged(app, Tag::Quote).unwrap().selector.quote));
    let margent::tui::notes_tab::NotesRow::Placed { id: claim, .. } =
        app.side.notes.rows[0].clone()
    else {
        panic!("the first row is placed");
    };
    let claimed = |app: &App| store(app).get(&claim).cloned();
    assert!(!claimed(app).unwrap().selector.quote.contains("Zebra"));
    press(app, "g n");
    type_text(app, "first");
    press(app, "ctrl-s");
    assert_eq!(claimed(app).unwrap().note.as_deref(), Some("first"));
    assert_eq!(store(app).get(&quote).unwrap().note, None);
    press(app, "e");
    assert_eq!(editor_original(app), "first");
    press(app, "esc h 6");
    assert_eq!(claimed(app).unwrap().tag, Some(Tag::Important));
    assert_eq!(store(app).get(&quote).unwrap().tag, Some(Tag::Quote));
    press(app, "d");
    assert!(claimed(app).is_none());
    assert!(store(app).get(&quote).is_some());
    assert_eq!(on_disk(&reader).len(), 2, "the quote and the orphan");
    let app = &mut reader.app;
    press(app, "u");
    assert!(claimed(app).is_some(), "u undoes in the side pane");
    press(app, "ctrl-r");
    assert!(claimed(app).is_none(), "Ctrl-r redoes there");
    press(app, "u G e");
    assert_eq!(editor_original(app), "Was this ever true?");
    type_text(app, " Yes.");
    press(app, "ctrl-s h 5");
    let orphan = store(app).orphans().next().unwrap();
    assert_eq!(orphan.note.as_deref(), Some("Was this ever true? Yes."));
    assert_eq!(orphan.tag, Some(Tag::Question));
    press(app, "d");
    assert_eq!(store(app).orphans().count(), 0, "an orphan can be deleted");
    press(app, "u");
    assert_eq!(store(app).orphans().count(), 1);
    press(app, "G k");
    assert!(matches!(
        app.side.notes.rows[app.side.notes.cursor.selected],
        margent::tui::notes_tab::NotesRow::OrphanHeader(_)
    ));
    let before = store(app).annotations().len();
    press(app, "d");
    assert_eq!(
        store(app).annotations().len(),
        before,
        "a heading is not deleted"
    );
}

/// In the Outline tab `n` makes the selected item a highlight of its kind and opens the note
/// editor on it (even while a search is active: `n` steps through matches only in the
/// article); `e` and `d` then act on that highlight, never on the article's cursor.
#[test]
fn n_on_an_outline_item_notes_it_as_a_highlight_of_its_kind() {
    let mut reader = reader();
    let app = &mut reader.app;
    press(app, ") ) h 4 /");
    type_text(app, "streets\n");
    assert!(app.notes.search.is_active());
    press(app, "tab j");
    let item = app.side.outline.outline.items[0].clone();
    assert!(matches!(
        app.side.outline.selected_row(),
        Some(OutlineRow::Item(0))
    ));
    press(app, "n");
    assert_eq!(editor_original(app), "");
    type_text(app, "Which cities?");
    press(app, "ctrl-s");
    let claim = tagged(app, Tag::Claim)
        .expect("a highlight of the claim")
        .clone();
    assert_eq!(claim.selector.quote, item.text);
    assert_eq!(claim.note.as_deref(), Some("Which cities?"));
    press(app, "n");
    assert_eq!(
        editor_original(app),
        "Which cities?",
        "n opens the same highlight"
    );
    press(app, "esc h e");
    assert_eq!(editor_original(app), "Which cities?");
    press(app, "esc");
    assert_eq!(
        store(app).annotations().len(),
        2,
        "no second highlight of the item"
    );
    press(app, "d");
    assert!(tagged(app, Tag::Claim).is_none());
    assert!(
        tagged(app, Tag::Evidence).is_some(),
        "the cursor's highlight stays"
    );
    press(app, "d e");
    assert!(message(app).contains("not highlighted"), "{}", message(app));
    assert!(app.notes.modal.is_none());
    press(app, "u");
    assert!(tagged(app, Tag::Claim).is_some());
    press(app, "k n");
    assert!(app.notes.modal.is_none(), "a group header is not annotated");
    press(app, "] h");
    assert!(message(app).contains("Contents"), "{}", message(app));
}

/// `f` and `'` put the focus in the Notes tab; moving the sentence cursor afterwards is
/// working in the article again, so `h` highlights the cursor sentence instead of retagging
/// the selected note. An empty filtered list says it is the filter, not a lack of notes.
#[test]
fn moving_the_sentence_cursor_takes_the_focus_back_to_the_article() {
    let mut reader = reader();
    let app = &mut reader.app;
    press(app, ") h 1 f f");
    assert_eq!((app.side.tab, app.focus), (SideTab::Notes, Focus::Side));
    assert_eq!(app.side.notes.filter, Some(Tag::Quote));
    assert!(screen(app).contains("None with this tag"));
    press(app, ") h 2");
    assert_eq!(app.focus, Focus::Article);
    let tags: Vec<_> = store(app)
        .annotations()
        .iter()
        .map(|a| a.tag.clone())
        .collect();
    assert_eq!(
        tags,
        [Some(Tag::Claim), Some(Tag::Quote)],
        "a new highlight, not a retag"
    );
    press(app, "' v");
    assert_eq!(app.focus, Focus::Article);
    assert!(matches!(app.notes.modal, Some(Modal::Select(_))));
}

/// Before any cursor key the cursor is drawn on the first sentence on screen, where `)` and
/// `h` start from, so the reader sees what the next key acts on; `) )` then reaches the third.
#[test]
fn the_cursor_is_shown_on_the_first_sentence_before_any_key() {
    let mut app = app(120, 40);
    screen(&app);
    let first =
        annotate::shown_cursor(&app, &annotate::visible_span(&app)).expect("a sentence on screen");
    assert!(app.notes.cursor.is_none());
    assert!(annotate::shown_in_text(&app, first));
    common::annotating::press(&mut app, ") )");
    assert_eq!(app.notes.cursor, Some(first + 2));
    assert_eq!(
        annotate::shown_cursor(&app, &annotate::visible_span(&app)),
        Some(first + 2)
    );
}

/// `/` from the side pane searches the article and hands it the focus, so the `n` that
/// follows steps to the next match instead of opening a note on the selected side row.
#[test]
fn a_search_started_from_the_side_pane_takes_the_focus_to_the_article() {
    let Reader {
        mut app, _folder, ..
    } = reader();
    common::annotating::press(&mut app, "Tab");
    assert_eq!(app.focus, Focus::Side);
    common::annotating::press(&mut app, "/");
    common::annotating::type_text(&mut app, "the\n");
    assert_eq!(app.focus, Focus::Article);
    let before = app.notes.cursor;
    common::annotating::press(&mut app, "n");
    assert!(app.notes.modal.is_none(), "{:?}", app.notes.modal.is_some());
    assert_ne!(app.notes.cursor, before);
}

/// Plants an orphan whose tag and note (as a hand-edited sidecar could hold them) carry ESC
/// sequences and a BEL.
fn plant_escapes(article: &std::path::Path) {
    use margent::annotations::{Annotation, AnnotationSet, Selector};
    let mut set = AnnotationSet::new("quieter-streets.md", "an older text");
    let mut orphan = Annotation::new(
        Kind::Highlight,
        Selector {
            start: 10,
            end: 52,
            quote: "Zebra crossings were repainted in violet".into(),
            prefix: String::new(),
            suffix: String::new(),
        },
    );
    orphan.tag = Some(Tag::Custom("evil\u{1b}[31mRED".into()));
    orphan.note = Some("see \u{1b}]0;title\u{7} here".into());
    set.annotations.push(orphan);
    std::fs::write(sidecar::sidecar_path(article), sidecar::render(&set)).unwrap();
}

/// Why: a sidecar is a plain file, so a tag or note may hold ESC, which `:tag` would refuse
/// but loading keeps (nothing the user wrote is lost). The reader must neither send it to the
/// terminal nor hide it: the Notes tab and the tag palette draw it as the stand-in `␛`, and no
/// cell on screen holds a control character.
#[test]
fn control_characters_in_a_sidecar_tag_or_note_are_drawn_as_stand_ins() {
    let mut reader = reader_with(plant_escapes);
    let app = &mut reader.app;
    let tag = Tag::Custom("evil\u{1b}[31mRED".into());
    assert!(
        store(app)
            .annotations()
            .iter()
            .any(|a| a.tag == Some(tag.clone())),
        "the tag is kept as written"
    );
    let no_controls = |app: &App| {
        let terminal = common::reader::render(app);
        let buffer = terminal.backend().buffer();
        let raw: Vec<String> = buffer
            .content()
            .iter()
            .map(|cell| cell.symbol().to_owned())
            .filter(|symbol| symbol.contains(char::is_control))
            .collect();
        assert!(raw.is_empty(), "control characters drawn: {raw:?}");
    };
    press(app, "f");
    assert_eq!(app.side.tab, SideTab::Notes);
    for _ in 0..10 {
        if app.side.notes.filter.is_some() {
            press(app, "f");
        }
    }
    assert_eq!(app.side.notes.filter, None);
    let text = screen(app);
    assert!(text.contains("evil␛[31mRED"), "{text}");
    assert!(text.contains("see ␛]0;"), "{text}");
    no_controls(app);
    let mut fresh = reader_with(plant_escapes);
    let app = &mut fresh.app;
    press(app, ") h");
    assert!(matches!(app.notes.modal, Some(Modal::Palette { .. })));
    let text = screen(app);
    assert!(
        text.contains("evil␛[31mRED"),
        "the palette offers the used tag: {text}"
    );
    no_controls(app);
}
