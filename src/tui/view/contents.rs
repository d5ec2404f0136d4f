//! The Contents tab: the article's headings, indented by level.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::layout::ListArea;
use crate::tui::theme::Role;
use crate::tui::wrap::truncate;

use super::article::clean;
use super::side::row_style;

/// Draws the list of headings where `list` puts it.
pub fn draw(frame: &mut Frame<'_>, app: &App, list: ListArea) {
    let area = list.rows;
    let theme = app.theme();
    let pane = &app.side.contents;
    let width = usize::from(area.width);
    if pane.headings.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                "This article has no headings",
                theme.text(Role::OutlineMeta),
            )),
            area,
        );
        return;
    }
    let lines: Vec<Line<'static>> = list
        .visible(&pane.headings, &pane.cursor)
        .map(|(index, &block, selected)| {
            let marker = if pane.current == Some(index) {
                "› "
            } else {
                "  "
            };
            let level = usize::from(app.doc.blocks[block].level.max(1));
            let indent = "  ".repeat(level - 1);
            let room = width.saturating_sub(2 + indent.len());
            let text = truncate(&clean(app.doc.block_text(block)), room);
            Line::from(vec![
                Span::styled(
                    marker,
                    row_style(app, selected, theme.text(Role::OutlineCurrent)),
                ),
                Span::styled(
                    format!("{indent}{text:room$}"),
                    row_style(app, selected, theme.text(Role::Text)),
                ),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
