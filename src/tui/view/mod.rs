//! Drawing: each view renders one part of the screen from `&App` and never changes it.

mod annotations;
mod article;
mod contents;
mod help;
mod notes_tab;
mod outline;
mod side;
mod status;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::app::App;
use super::layout::ScreenLayout;
use super::theme::Role;

/// Draws the whole screen for `app`.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    let theme = app.theme();
    frame.render_widget(Block::new().style(theme.style(Role::Text)), area);
    let layout = ScreenLayout::compute(
        area,
        app.text_width,
        app.side_width,
        app.side.open_wide,
        app.side.open_narrow,
    );
    if layout.too_small {
        draw_too_small(frame, app, area);
        return;
    }
    if layout.article.is_some() {
        article::draw(frame, app, layout.text);
    }
    if let Some(side) = layout.side {
        side::draw(frame, app, &layout, side);
    }
    status::draw(frame, app, layout.status);
    annotations::draw_popup(frame, app, layout.text, layout.status);
    if app.overlay.is_some() {
        help::draw(frame, app, area);
    }
}

fn draw_too_small(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let style = app.theme().text(Role::Notice);
    let notice = Paragraph::new(vec![
        Line::from("Terminal too small"),
        Line::from(format!(
            "margent needs {}×{}",
            super::layout::MIN_WIDTH,
            super::layout::MIN_HEIGHT
        )),
    ])
    .style(style)
    .wrap(Wrap { trim: true });
    frame.render_widget(notice, area);
}
