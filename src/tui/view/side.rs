//! The side pane's frame: the border (brighter when focused), the tab labels, and the tab's
//! content.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::tui::app::{App, Focus};
use crate::tui::layout::ScreenLayout;
use crate::tui::side_pane::SideTab;
use crate::tui::theme::Role;

/// Draws the side pane in `area`.
pub fn draw(frame: &mut Frame<'_>, app: &App, layout: &ScreenLayout, area: Rect) {
    let theme = app.theme();
    let border = if app.focus == Focus::Side {
        Role::BorderFocused
    } else {
        Role::Border
    };
    frame.render_widget(
        Block::new()
            .borders(Borders::LEFT)
            .border_style(theme.text(border)),
        area,
    );
    for (tab, rect) in &layout.tabs {
        let role = if *tab == app.side.tab {
            Role::TabActive
        } else {
            Role::Tab
        };
        let label = Paragraph::new(Span::styled(format!(" {} ", tab.title()), theme.text(role)));
        frame.render_widget(label, *rect);
    }
    let rule = Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(1),
        height: 1.min(area.height.saturating_sub(1)),
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            "─".repeat(usize::from(rule.width)),
            theme.text(Role::Border),
        )),
        rule,
    );
    let list = layout.side_list(&app.side);
    match app.side.tab {
        SideTab::Outline => super::outline::draw(frame, app, list, layout.detail),
        SideTab::Contents => super::contents::draw(frame, app, list),
        SideTab::Notes => super::notes_tab::draw(frame, app, list),
    }
}

/// Style of a list row: the selection is highlighted while the side pane has focus.
pub fn row_style(app: &App, selected: bool, base: ratatui::style::Style) -> ratatui::style::Style {
    if selected && app.focus == Focus::Side {
        base.patch(app.theme().style(Role::Selection))
    } else {
        base
    }
}
