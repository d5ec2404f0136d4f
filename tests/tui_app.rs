//! App-state tests for the reader: key sequences go through the real keymap and the pure
//! update function, with no terminal. Each test says why the behaviour matters.

mod common;

use std::sync::Arc;

use common::reader::{app, app_with, article, click_on, press, screen};
use margent::document::{BlockKind, DocumentBuilder, Format};
use margent::tui::action::Action;
use margent::tui::app::{App, Effect, Focus, Overlay, Setup};
use margent::tui::article_pane::LinePos;
use margent::tui::side_pane::{OutlineOrder, OutlineRow, SideTab, group_label};
use margent::tui::update::update;

fn top(app: &App) -> LinePos {
    app.article.top
}

/// One line at a time is the basic reading move; it must not pass either end.
#[test]
fn j_k_and_arrows_scroll_one_line_and_stop_at_the_top() {
    let mut app = app(120, 40);
    let start = top(&app);
    press(&mut app, "k up");
    assert_eq!(top(&app), start, "nothing above the first line");
    press(&mut app, "j");
    let one = top(&app);
    assert!(one > start);
    press(&mut app, "down down");
    press(&mut app, "k up");
    assert_eq!(top(&app), one);
}

/// Paging must move by about a screen so no line is skipped unseen.
#[test]
fn pages_and_half_pages_move_by_the_screen_height() {
    let mut app = app(80, 24);
    let before = app.article.reading;
    press(&mut app, "space");
    let after_page = app.article.reading;
    assert!(after_page > before);
    press(&mut app, "pageup");
    assert_eq!(app.article.reading, before);
    press(&mut app, "pagedown");
    assert_eq!(app.article.reading, after_page);
    press(&mut app, "backspace ctrl-d");
    let half = app.article.reading;
    assert!(
        half > before && half < after_page,
        "half a page lands in between"
    );
    press(&mut app, "ctrl-u");
    assert_eq!(app.article.reading, before);
}

#[test]
fn g_and_shift_g_go_to_the_ends() {
    let mut app = app(80, 24);
    assert!(!app.article.at_end);
    press(&mut app, "G");
    assert!(app.article.at_end);
    assert_eq!(app.article.progress(&app.doc), 1.0);
    assert!(screen(&app).contains("100%"));
    press(&mut app, "j");
    assert!(
        app.article.at_end,
        "scrolling past the end stays at the end"
    );
    press(&mut app, "g");
    assert_eq!(top(&app), LinePos::default());
    press(&mut app, "end home");
    assert_eq!(top(&app), LinePos::default());
}

/// Tab moves focus; movement keys then drive the side pane's selection instead of the text.
#[test]
fn tab_moves_focus_and_keys_follow_it() {
    let mut app = app(120, 40);
    press(&mut app, "tab");
    assert_eq!(app.focus, Focus::Side);
    let reading = app.article.reading;
    let selected = app.side.outline.cursor.selected;
    press(&mut app, "j");
    assert_eq!(app.article.reading, reading, "the article did not move");
    assert_eq!(app.side.outline.cursor.selected, selected + 1);
    press(&mut app, "G");
    assert_eq!(
        app.side.outline.cursor.selected,
        app.side.outline.rows.len() - 1
    );
    press(&mut app, "g");
    assert_eq!(app.side.outline.cursor.selected, 0);
    press(&mut app, "backtab");
    assert_eq!(app.focus, Focus::Article);
}

#[test]
fn brackets_and_clicks_switch_tabs() {
    let mut app = app(120, 40);
    press(&mut app, "]");
    assert_eq!(app.side.tab, SideTab::Contents);
    press(&mut app, "]");
    assert_eq!(app.side.tab, SideTab::Notes);
    press(&mut app, "]");
    assert_eq!(app.side.tab, SideTab::Outline);
    press(&mut app, "[ [");
    assert_eq!(app.side.tab, SideTab::Contents);
    let (_, outline_tab) = app.layout().tabs[0];
    update(
        &mut app,
        Action::Click {
            column: outline_tab.x + 1,
            row: outline_tab.y,
        },
    );
    assert_eq!(app.side.tab, SideTab::Outline);
    assert_eq!(app.focus, Focus::Side);
}

/// Enter on an outline item is the point of the outline: the article jumps there and the
/// passage is marked for a moment, then the mark fades with the clock.
#[test]
fn enter_jumps_to_the_item_and_marks_it_briefly() {
    let mut app = app(120, 40);
    press(&mut app, "tab");
    let rows = app.side.outline.rows.clone();
    let last_item = rows
        .iter()
        .rposition(|row| matches!(row, OutlineRow::Item(_)))
        .unwrap();
    let OutlineRow::Item(index) = rows[last_item] else {
        unreachable!()
    };
    let span = app.side.outline.outline.items[index].span.clone();
    app.side.select(last_item);
    press(&mut app, "enter");
    let mark = app.article.mark.clone().expect("the passage is marked");
    assert_eq!(mark.span, span);
    assert!(app.article.reading <= span.start);
    assert!(screen(&app).contains("We measured the change in minutes"));
    assert!(app.wants_ticks());
    for _ in 0..mark.ticks_left {
        update(&mut app, Action::Tick);
    }
    assert_eq!(app.article.mark, None);
}

#[test]
fn enter_on_a_contents_heading_jumps_to_it() {
    let mut app = app(120, 40);
    press(&mut app, "] tab G enter");
    let block = *app.side.contents.headings.last().unwrap();
    assert_eq!(app.doc.block_text(block), "Where to begin");
    assert!(app.article.reading <= app.doc.blocks[block].span.start);
    assert_eq!(
        app.article.mark.as_ref().unwrap().span,
        app.doc.blocks[block].span
    );
}

/// Groups fold so a long list of claims does not bury the recommendations.
#[test]
fn enter_on_a_group_and_z_fold_groups() {
    let mut app = app(120, 40);
    let rows = app.side.outline.rows.len();
    press(&mut app, "tab g enter");
    assert!(app.side.outline.collapsed[0]);
    assert_eq!(app.side.outline.rows.len(), rows - 3, "three claims hidden");
    press(&mut app, "enter");
    assert_eq!(app.side.outline.rows.len(), rows);
    press(&mut app, "j z");
    assert!(
        app.side.outline.collapsed[0],
        "z folds the group of the selected item"
    );
    assert_eq!(
        app.side.outline.selected_row(),
        Some(OutlineRow::Group(margent::outline::ItemKind::Claim))
    );
}

#[test]
fn s_sorts_the_outline_strongest_first() {
    let mut app = app(120, 40);
    press(&mut app, "s");
    assert_eq!(app.side.outline.order, OutlineOrder::Strongest);
    let OutlineRow::Item(first) = app.side.outline.rows[1] else {
        panic!("an item")
    };
    assert_eq!(app.side.outline.outline.items[first].score, 0.9);
    press(&mut app, "s");
    assert_eq!(app.side.outline.order, OutlineOrder::Reading);
    let OutlineRow::Item(first) = app.side.outline.rows[1] else {
        panic!("an item")
    };
    assert_eq!(first, 0);
}

/// Boilerplate is never deleted: folded to one line, unfolded on demand.
#[test]
fn b_unfolds_and_folds_the_boilerplate() {
    let mut app = app(120, 40);
    assert!(screen(&app).contains("▸ share widget"));
    assert!(!screen(&app).contains("Copy link"));
    press(&mut app, "b");
    assert!(app.article.boilerplate_open);
    assert!(screen(&app).contains("Copy link"));
    assert!(
        app.status
            .message
            .as_ref()
            .unwrap()
            .text
            .contains("unfolded (2 blocks)")
    );
    press(&mut app, "b");
    assert!(!screen(&app).contains("Copy link"));
}

#[test]
fn o_hides_the_side_pane_and_opens_it_over_a_narrow_article() {
    let mut app = app(120, 40);
    press(&mut app, "tab o");
    assert!(app.layout().side.is_none());
    assert_eq!(app.focus, Focus::Article, "a hidden pane cannot keep focus");
    press(&mut app, "o");
    assert!(app.layout().side.is_some());

    let mut narrow = common::reader::app(70, 24);
    assert!(
        narrow.layout().side.is_none(),
        "narrow terminals collapse the side pane"
    );
    press(&mut narrow, "tab");
    assert!(
        narrow
            .status
            .message
            .as_ref()
            .unwrap()
            .text
            .contains("o shows it")
    );
    press(&mut narrow, "o");
    assert_eq!(narrow.layout().article, None);
    assert_eq!(narrow.focus, Focus::Side);
    assert!(screen(&narrow).contains("Claims"));
    press(&mut narrow, "esc");
    assert!(narrow.layout().side.is_none());
    assert_eq!(narrow.focus, Focus::Article);
}

/// On a narrow terminal a jump from the drawer closes it so the marked passage is visible.
#[test]
fn a_jump_from_the_narrow_drawer_shows_the_article() {
    let mut app = app(70, 24);
    press(&mut app, "o G enter");
    assert!(app.layout().article.is_some());
    assert!(app.article.mark.is_some());
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = app(120, 40);
    press(&mut app, "?");
    assert_eq!(app.overlay, Some(Overlay::Help { offset: 0 }));
    assert!(screen(&app).contains("Go to the end"));
    let reading = app.article.reading;
    press(&mut app, "j j");
    assert_eq!(app.overlay, Some(Overlay::Help { offset: 2 }));
    assert_eq!(
        app.article.reading, reading,
        "keys scroll the help, not the article"
    );
    press(&mut app, "esc");
    assert_eq!(app.overlay, None);
    press(&mut app, "f1 ?");
    assert_eq!(app.overlay, None);
    press(&mut app, "? q");
    assert_eq!(app.overlay, None);
    assert!(!app.quit, "q in the help closes the help");
}

#[test]
fn esc_clears_the_mark_and_the_message() {
    let mut app = app(120, 40);
    press(&mut app, "tab j enter T");
    assert!(app.article.mark.is_some() && app.status.message.is_some());
    press(&mut app, "esc");
    assert!(app.article.mark.is_none() && app.status.message.is_none());
}

#[test]
fn shift_t_cycles_themes() {
    let mut app = app(120, 40);
    let count = app.themes.themes.len();
    assert_eq!(app.theme().name, "dark");
    press(&mut app, "T");
    assert_eq!(app.theme().name, "light");
    assert!(screen(&app).contains("Theme: light"));
    for _ in 1..count {
        press(&mut app, "T");
    }
    assert_eq!(app.theme().name, "dark");
}

/// Quitting hands the runtime the reading position to remember, as a character offset.
#[test]
fn q_quits_and_asks_to_save_the_position() {
    let mut app = app(120, 40);
    press(&mut app, "space");
    let expected = app.doc.char_offset(app.article.reading);
    let effects = press(&mut app, "q");
    assert!(app.quit);
    assert_eq!(effects, vec![Effect::SavePosition(expected)]);
}

/// A remembered position is restored once the reader knows its size.
#[test]
fn a_remembered_position_is_restored() {
    let doc = article();
    let target = doc.text.find("Where to begin").unwrap();
    let setup = Setup {
        start_at: Some(target),
        ..Setup::default()
    };
    let app = app_with(120, 12, setup);
    assert_eq!(app.article.reading, target);
}

#[test]
fn the_mouse_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app(120, 40);
    let layout = app.layout();
    let article = layout.article.unwrap();
    let before = top(&app);
    update(
        &mut app,
        Action::Wheel {
            column: article.x + 5,
            row: 5,
            down: true,
        },
    );
    assert!(top(&app) > before);
    update(
        &mut app,
        Action::Wheel {
            column: article.x + 5,
            row: 5,
            down: false,
        },
    );
    assert_eq!(top(&app), before);
    let side = layout.side.unwrap();
    let selected = app.side.outline.cursor.selected;
    update(
        &mut app,
        Action::Wheel {
            column: side.x + 3,
            row: 10,
            down: true,
        },
    );
    assert_eq!(app.side.outline.cursor.selected, selected + 3);
    update(
        &mut app,
        Action::Click {
            column: layout.list.x + 2,
            row: layout.list.y + 1,
        },
    );
    assert_eq!(app.side.outline.cursor.selected, 1);
    assert_eq!(app.focus, Focus::Side);
}

/// As the reader scrolls, the outline marks (and with article focus selects) the item at the
/// reading position, so the side pane doubles as a map of where you are.
#[test]
fn the_outline_follows_the_reading_position() {
    let mut app = app(120, 12);
    assert_eq!(app.side.outline.current, None);
    press(&mut app, "G");
    let items = &app.side.outline.outline.items;
    let current = app.side.outline.current.expect("an item before the end");
    assert!(items[current].span.start <= app.article.reading);
    assert!(
        items
            .get(current + 1)
            .is_none_or(|next| next.span.start > app.article.reading)
    );
    assert_eq!(
        app.side.outline.selected_row(),
        Some(OutlineRow::Item(current))
    );
    assert_eq!(
        app.side.contents.current,
        Some(app.side.contents.headings.len() - 1)
    );
}

/// Resizing at any moment, down to 1×1, must not panic, and the reading position survives.
#[test]
fn resizing_to_tiny_and_back_keeps_the_place() {
    let mut app = app(120, 40);
    press(&mut app, "space j j");
    let reading = app.article.reading;
    for (w, h) in [
        (10, 3),
        (1, 1),
        (0, 0),
        (19, 40),
        (300, 4),
        (33, 7),
        (120, 40),
    ] {
        update(&mut app, Action::Resize(w, h));
        let text = screen(&app);
        if w < 20 || h < 5 {
            assert!(w < 2 || h < 1 || text.contains('T'), "{w}×{h}: {text:?}");
        }
    }
    assert_eq!(app.article.reading, reading);
    update(&mut app, Action::Resize(60, 40));
    update(&mut app, Action::Resize(120, 40));
    let drift = app.article.reading.abs_diff(reading);
    assert!(
        drift < 200,
        "the place is kept within a line or so ({drift} bytes)"
    );
}

/// Article text reaches the screen only as printable characters, even when a document
/// bypassed ingest's neutralising: a control character is drawn as its visible stand-in (as
/// ingest shows it), a tab as a space.
#[test]
fn control_characters_never_reach_the_screen() {
    let mut builder = DocumentBuilder::new(Format::Text);
    builder.push(
        BlockKind::Paragraph,
        0,
        "red \u{1b}[31mtext\u{7}\tand a tab",
    );
    let mut app = App::new(Arc::new(builder.build()), "x", Setup::default());
    update(&mut app, Action::Resize(60, 10));
    let text = screen(&app);
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    assert!(text.contains("red ␛[31mtext␇ and a tab"), "{text:?}");
}

/// Keys can be rebound from the config: the new key works and the old one is free.
#[test]
fn rebound_keys_drive_the_same_actions() {
    let mut setup = Setup::default();
    let mut keys = std::collections::BTreeMap::new();
    keys.insert("scroll-down".to_owned(), vec!["n".to_owned()]);
    assert!(setup.keymap.rebind(&keys).is_empty());
    let mut app = app_with(120, 40, setup);
    let before = top(&app);
    press(&mut app, "j");
    assert_eq!(top(&app), before);
    press(&mut app, "n");
    assert!(top(&app) > before);
}

/// Until the worker reports, the outline shows progress; a failed worker is reported.
#[test]
fn outline_progress_and_failure_are_shown() {
    let doc = article();
    let mut app = App::new(Arc::new(doc), "slow.md", Setup::default());
    update(&mut app, Action::Resize(120, 40));
    for _ in 0..15 {
        update(&mut app, Action::Tick);
    }
    let text = screen(&app);
    assert!(text.contains("outlining 1.5 s"), "{text}");
    assert!(text.contains("Claims (…)"));
    update(&mut app, Action::OutlineFailed);
    assert!(screen(&app).contains("The outline could not be computed"));
    assert!(!app.wants_ticks());
}

/// A huge article must open and move like a small one: the layout work is bounded by the
/// screen, so only a handful of blocks are ever laid out.
#[test]
fn a_large_article_lays_out_only_what_is_shown() {
    let mut builder = DocumentBuilder::new(Format::Text);
    for n in 0..20_000 {
        builder.push(
            BlockKind::Paragraph,
            0,
            &format!("Paragraph {n} says something short."),
        );
    }
    let mut app = App::new(Arc::new(builder.build()), "big.txt", Setup::default());
    update(&mut app, Action::Resize(120, 40));
    press(&mut app, "G k space g");
    assert!(
        app.article.wrap.len() < 200,
        "{} units laid out",
        app.article.wrap.len()
    );
    press(&mut app, "G");
    assert!(screen(&app).contains("Paragraph 19999 says"));
}

/// At the very top, a resize must keep the title block in view (byte 0 belongs to both the
/// title block and the first block of text).
#[test]
fn the_title_stays_in_view_across_a_resize() {
    let mut app = app(120, 40);
    update(&mut app, Action::Resize(10, 3));
    update(&mut app, Action::Resize(100, 30));
    assert_eq!(top(&app), LinePos::default());
    assert!(screen(&app).contains("The Case for Quieter Streets"));
}

/// On a narrow terminal the status bar abbreviates itself so the counts stay visible.
#[test]
fn the_status_bar_abbreviates_on_narrow_terminals() {
    let wide = screen(&app(120, 40));
    assert!(wide.contains("3 claims · 2 quotes · 2 recs"));
    assert!(wide.contains("2 min left"));
    let narrow = screen(&app(44, 20));
    assert!(narrow.contains("C3 Q2 R2"), "{narrow}");
}

/// A click selects the row drawn under the pointer, in the Outline tab as in the others, and
/// when the list is scrolled too: clicks and drawing share one layout, so they cannot drift.
#[test]
fn clicking_an_outline_row_selects_the_row_drawn_there() {
    for (height, scrolled) in [(40, false), (12, true)] {
        let mut app = app(120, height);
        if scrolled {
            press(&mut app, "tab G");
            assert!(app.side.outline.cursor.offset > 0, "the list scrolled");
        }
        let side = app.layout().side.expect("a side pane").x;
        let offset = app.side.outline.cursor.offset;
        let rows = app.side.outline.rows.clone();
        let shown = offset..rows.len().min(offset + usize::from(app.side.list_height));
        assert!(shown.len() >= 9, "{shown:?}");
        for index in shown {
            let needle: String = match rows[index] {
                OutlineRow::Group(kind) => format!("{} (", group_label(kind)),
                OutlineRow::Item(item) => app.side.outline.outline.items[item]
                    .text
                    .chars()
                    .take(14)
                    .collect(),
            };
            click_on(&mut app, &needle, side);
            assert_eq!(app.side.outline.cursor.selected, index, "{needle}");
            assert_eq!(app.focus, Focus::Side);
            assert_eq!(
                app.side.outline.cursor.offset, offset,
                "a click does not scroll"
            );
        }
    }
}
