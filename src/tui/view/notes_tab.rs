//! The Notes tab: one row per annotation in reading order, the tag in its colour, the first
//! words of the passage and the note; orphans under their own heading with their old quote.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::layout::ListArea;
use crate::tui::notes_tab::NotesRow;
use crate::tui::theme::Role;
use crate::tui::wrap::truncate;

use super::article::clean;
use super::side::row_style;

/// Draws the Notes tab's list: the filter line and the rows where `area` puts them.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: ListArea) {
    let theme = app.theme();
    let pane = &app.side.notes;
    let width = usize::from(area.rows.width);
    if let Some(filter) = pane.filter_label() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                truncate(&format!("Filter: {} (f changes)", clean(&filter)), width),
                theme.text(Role::OutlineMeta),
            )),
            area.header,
        );
    }
    let mut lines: Vec<Line<'static>> = Vec::new();
    if pane.rows.is_empty() {
        let empty = if app.notes.store.is_none() {
            "Annotations need an article file"
        } else if pane.bookmarks_only {
            "No bookmarks yet: m sets one"
        } else if pane.filter.is_some() {
            "None with this tag"
        } else {
            "No annotations yet: h highlights, n adds a note"
        };
        for part in textwrap::wrap(empty, width.max(1)) {
            lines.push(Line::styled(
                part.into_owned(),
                theme.text(Role::OutlineMeta),
            ));
        }
    }
    for (_, row, selected) in area.visible(&pane.rows, &pane.cursor) {
        lines.push(match row {
            NotesRow::Placed {
                tag,
                kind,
                words,
                note,
                ..
            } => {
                let label = tag.as_ref().map_or(kind.as_str(), |tag| tag.name());
                entry(
                    app,
                    selected,
                    app.tag_style(tag.as_ref()),
                    label,
                    words,
                    note,
                    width,
                )
            }
            NotesRow::OrphanHeader(count) => Line::styled(
                truncate(&format!("Orphaned ({count}): text no longer found"), width),
                theme.text(Role::OutlineGroup),
            ),
            NotesRow::Orphan {
                tag, quote, note, ..
            } => {
                let label = tag.as_ref().map_or("orphan", |tag| tag.name());
                let quote = format!("\"{quote}\"");
                entry(
                    app,
                    selected,
                    app.tag_style(tag.as_ref()),
                    label,
                    &quote,
                    note,
                    width,
                )
            }
        });
    }
    frame.render_widget(Paragraph::new(lines), area.rows);
}

/// One row: the tag label in its colour, then the words and the note.
fn entry(
    app: &App,
    selected: bool,
    style: Style,
    label: &str,
    words: &str,
    note: &str,
    width: usize,
) -> Line<'static> {
    let theme = app.theme();
    let label = truncate(&clean(label), 14);
    let used = unicode_width::UnicodeWidthStr::width(label.as_str()) + 1;
    let room = width.saturating_sub(used);
    let mut text = clean(words);
    if !note.is_empty() {
        text = truncate(&text, room * 2 / 5);
        text.push_str(" — ");
        text.push_str(&clean(note));
    }
    let text = truncate(&text, room);
    Line::from(vec![
        Span::styled(label, theme.text(Role::Text).patch(style)),
        Span::raw(" "),
        Span::styled(
            format!("{text:room$}"),
            row_style(app, selected, theme.text(Role::Text)),
        ),
    ])
}
