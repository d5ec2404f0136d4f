//! The update function: applies one [`Action`] to the [`App`]. It does no I/O; what must
//! happen outside (saving the reading position) comes back as [`Effect`]s.

use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::annotate;
use super::app::{App, Effect, Focus, Overlay};
use super::article_pane::{MARK_TICKS, Mark};
use super::side_pane::{OutlineRow, OutlineStatus, SideTab};

/// Lines the mouse wheel scrolls per notch.
const WHEEL_LINES: usize = 3;

/// Applies `action` to `app`; returns the effects the runtime must carry out.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    if let Some(Overlay::Help { offset }) = &mut app.overlay {
        let consumed = match action {
            Action::ScrollDown => Some(offset.saturating_add(1)),
            Action::ScrollUp => Some(offset.saturating_sub(1)),
            Action::PageDown | Action::HalfPageDown => Some(offset.saturating_add(10)),
            Action::PageUp | Action::HalfPageUp => Some(offset.saturating_sub(10)),
            Action::Top => Some(0),
            Action::Bottom => Some(usize::MAX / 2),
            Action::Help | Action::Cancel | Action::Quit => {
                app.overlay = None;
                return effects;
            }
            _ => None,
        };
        if let Some(new_offset) = consumed {
            *offset = new_offset.min(app.keymap.bindings().len().saturating_sub(1));
            return effects;
        }
    }
    match action {
        Action::Quit => {
            app.quit = true;
            effects.push(Effect::SavePosition(app.reading_char_offset()));
        }
        Action::ScrollDown => move_focused(app, 1),
        Action::ScrollUp => move_focused(app, -1),
        Action::PageDown => move_focused(app, page(app, 1)),
        Action::PageUp => move_focused(app, -page(app, 1)),
        Action::HalfPageDown => move_focused(app, page(app, 2)),
        Action::HalfPageUp => move_focused(app, -page(app, 2)),
        Action::Top => match app.focus {
            Focus::Article => {
                app.article.go_top(&app.doc);
                follow_reading(app);
            }
            Focus::Side => app.side.select(0),
        },
        Action::Bottom => match app.focus {
            Focus::Article => {
                app.article.go_bottom(&app.doc);
                follow_reading(app);
            }
            Focus::Side => app.side.select(usize::MAX),
        },
        Action::FocusNext => focus_next(app),
        Action::NextTab => switch_tab(app, app.side.tab.cycle(1)),
        Action::PrevTab => switch_tab(app, app.side.tab.cycle(-1)),
        Action::Activate => activate(app),
        Action::ToggleGroup => {
            if let Some(kind) = app.side.outline.selected_group() {
                let height = usize::from(app.side.list_height);
                app.side.outline.toggle_group(kind, height);
            }
        }
        Action::ToggleOrder => {
            let height = usize::from(app.side.list_height);
            app.side.outline.toggle_order(height);
            let order = match app.side.outline.order {
                super::side_pane::OutlineOrder::Reading => "in reading order",
                super::side_pane::OutlineOrder::Strongest => "strongest first",
            };
            app.say(format!("Outline {order}"));
        }
        Action::ToggleBoilerplate => toggle_boilerplate(app),
        Action::ToggleSidePane => toggle_side_pane(app),
        Action::Help => app.overlay = Some(Overlay::Help { offset: 0 }),
        Action::Cancel => cancel(app),
        Action::CycleTheme => {
            app.theme = (app.theme + 1) % app.themes.themes.len().max(1);
            let name = app.theme().name.clone();
            app.say(format!("Theme: {name}"));
        }
        Action::Resize(width, height) => resize(app, width, height),
        Action::Tick => tick(app),
        Action::Wheel { column, row, down } => wheel(app, column, row, down),
        Action::Click { column, row } => click(app, column, row),
        Action::Drag { column, row } => annotate::drag_selection(app, column, row),
        Action::WordsCounted(words) => app.status.words = Some(words),
        Action::OutlineReady(outline) => {
            app.side.outline.set_outline(outline);
            follow_reading(app);
        }
        Action::OutlineFailed => {
            app.side.outline.status = OutlineStatus::Failed;
            app.complain("The outline could not be computed");
        }
        Action::Annotate(command) => effects.extend(annotate::update(app, command)),
        Action::Input(key) => effects.extend(annotate::input(app, key)),
    }
    if !app.quit {
        app.article.prepare_screen(&app.doc);
        annotate::refresh_notes(app);
        sync_list_height(app);
    }
    effects
}

/// A screenful (`divisor` 1) or half of one (2) for the focused pane, at least one line.
fn page(app: &App, divisor: u16) -> isize {
    let height = match app.focus {
        Focus::Article => app.article.height.saturating_sub(2),
        Focus::Side => app.side.list_height,
    };
    (height / divisor).max(1) as isize
}

fn move_focused(app: &mut App, delta: isize) {
    match app.focus {
        Focus::Article => scroll_article(app, delta),
        Focus::Side => app.side.move_selection(delta),
    }
}

fn scroll_article(app: &mut App, delta: isize) {
    if delta >= 0 {
        app.article.scroll_down(&app.doc, delta.unsigned_abs());
    } else {
        app.article.scroll_up(&app.doc, delta.unsigned_abs());
    }
    follow_reading(app);
}

/// After the article moved: the side pane marks (and, while the article has focus, selects)
/// what is at the reading position.
fn follow_reading(app: &mut App) {
    let reading = app.article.top_byte(&app.doc);
    let follow = app.focus == Focus::Article;
    let layout = app.layout();
    let outline_height = usize::from(layout.list_for(SideTab::Outline).height);
    app.side.outline.follow(reading, follow, outline_height);
    let block = app
        .doc
        .block_at(reading)
        .unwrap_or(app.doc.blocks.len().saturating_sub(1));
    let contents_height = usize::from(layout.list_for(SideTab::Contents).height);
    app.side.contents.follow(block, follow, contents_height);
}

fn focus_next(app: &mut App) {
    let layout = app.layout();
    match (layout.shows_article(), layout.side.is_some()) {
        (true, true) => {
            app.focus = match app.focus {
                Focus::Article => Focus::Side,
                Focus::Side => Focus::Article,
            };
        }
        (false, true) => {
            app.side.open_narrow = false;
            app.focus = Focus::Article;
        }
        _ => {
            let key = app.key_hint(&Action::ToggleSidePane);
            app.say(format!("The side pane is hidden; {key} shows it"));
        }
    }
}

fn switch_tab(app: &mut App, tab: SideTab) {
    app.side.tab = tab;
    sync_list_height(app);
    if app.layout().side.is_none() {
        let key = app.key_hint(&Action::ToggleSidePane);
        app.say(format!(
            "{} tab (the side pane is hidden; {key} shows it)",
            tab.title()
        ));
    }
}

fn activate(app: &mut App) {
    if app.focus != Focus::Side {
        return;
    }
    let target = match app.side.tab {
        SideTab::Outline => match app.side.outline.selected_row() {
            Some(OutlineRow::Group(kind)) => {
                let height = usize::from(app.side.list_height);
                app.side.outline.toggle_group(kind, height);
                None
            }
            Some(OutlineRow::Item(index)) => {
                Some(app.side.outline.outline.items[index].span.clone())
            }
            None => None,
        },
        SideTab::Contents => app
            .side
            .contents
            .headings
            .get(app.side.contents.cursor.selected)
            .map(|&block| app.doc.blocks[block].span.clone()),
        SideTab::Notes => annotate::notes_target(app),
    };
    if let Some(span) = target {
        jump_to(app, span);
    }
}

/// Scrolls the article to `span`, a couple of lines below the top, and marks it for a moment.
fn jump_to(app: &mut App, span: std::ops::Range<usize>) {
    app.article.show_byte(&app.doc, span.start, 2);
    app.article.mark = Some(Mark {
        span,
        ticks_left: MARK_TICKS,
    });
    if app.layout().narrow && app.side.open_narrow {
        app.side.open_narrow = false;
        app.focus = Focus::Article;
    }
    follow_reading(app);
}

fn toggle_boilerplate(app: &mut App) {
    if app.boilerplate_blocks == 0 {
        app.say("This article has no boilerplate");
        return;
    }
    let open = !app.article.boilerplate_open;
    app.article.set_boilerplate_open(&app.doc, open);
    let count = app.boilerplate_blocks;
    let blocks = if count == 1 { "block" } else { "blocks" };
    app.say(if open {
        format!("Boilerplate unfolded ({count} {blocks})")
    } else {
        format!("Boilerplate folded ({count} {blocks})")
    });
    follow_reading(app);
}

fn toggle_side_pane(app: &mut App) {
    if app.layout().narrow {
        app.side.open_narrow = !app.side.open_narrow;
        app.focus = if app.side.open_narrow {
            Focus::Side
        } else {
            Focus::Article
        };
    } else {
        app.side.open_wide = !app.side.open_wide;
        if !app.side.open_wide {
            app.focus = Focus::Article;
        }
    }
    resize(app, app.area.width, app.area.height);
}

fn cancel(app: &mut App) {
    if app.layout().narrow && app.side.open_narrow {
        app.side.open_narrow = false;
        app.focus = Focus::Article;
        resize(app, app.area.width, app.area.height);
    } else if !annotate::cancel(app) {
        app.article.mark = None;
        app.status.message = None;
    }
}

fn resize(app: &mut App, width: u16, height: u16) {
    app.area = Rect::new(0, 0, width, height);
    let layout = app.layout();
    if layout.too_small {
        return;
    }
    if let Some(article) = layout.article {
        app.article
            .resize(&app.doc, layout.text.width, article.height);
    }
    if layout.side.is_none() {
        app.focus = Focus::Article;
    } else if !layout.shows_article() {
        app.focus = Focus::Side;
    }
    sync_list_height(app);
    follow_reading(app);
}

/// Keeps the side pane's page size equal to the rows its list shows (fewer under the Notes
/// filter line) and the selection among them.
fn sync_list_height(app: &mut App) {
    let layout = app.layout();
    if layout.too_small {
        return;
    }
    app.side.list_height = layout.side_list(&app.side).rows.height.max(1);
    let height = usize::from(app.side.list_height);
    let (cursor, _) = app.side.active_list();
    cursor.reveal(height);
}

fn tick(app: &mut App) {
    if let Some(mark) = &mut app.article.mark {
        mark.ticks_left = mark.ticks_left.saturating_sub(1);
        if mark.ticks_left == 0 {
            app.article.mark = None;
        }
    }
    if let OutlineStatus::Computing { ticks } = &mut app.side.outline.status {
        *ticks += 1;
    }
}

fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    let layout = app.layout();
    let at = Position::new(column, row);
    let delta = if down {
        WHEEL_LINES as isize
    } else {
        -(WHEEL_LINES as isize)
    };
    if layout.side.is_some_and(|side| side.contains(at)) {
        app.side.move_selection(delta);
    } else if layout.article.is_some_and(|article| article.contains(at)) {
        scroll_article(app, delta);
    }
}

fn click(app: &mut App, column: u16, row: u16) {
    if !annotate::begin_click(app) {
        return;
    }
    let layout = app.layout();
    let at = Position::new(column, row);
    if let Some((tab, _)) = layout.tabs.iter().find(|(_, rect)| rect.contains(at)) {
        app.focus = Focus::Side;
        switch_tab(app, *tab);
        return;
    }
    let list = layout.side_list(&app.side);
    let (cursor, len) = app.side.active_list();
    if let Some(index) = list.row_at(at, cursor.offset, len) {
        app.focus = Focus::Side;
        app.side.select(index);
    } else if layout.article.is_some_and(|article| article.contains(at)) {
        app.focus = Focus::Article;
        annotate::press_in_article(app, column, row);
    } else if layout.side.is_some_and(|side| side.contains(at)) {
        app.focus = Focus::Side;
    }
}
