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
use ratatui::widgets::{Block, Paragraph};

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

/// The first (longest) of `titles` that fits `width` columns, else the last one cut to fit.
pub(super) fn fitting_title(titles: &[&str], width: usize) -> String {
    titles
        .iter()
        .find(|title| unicode_width::UnicodeWidthStr::width(**title) <= width)
        .map_or_else(
            || super::wrap::truncate(titles.last().copied().unwrap_or_default(), width),
            |title| (*title).to_owned(),
        )
}

fn draw_too_small(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let style = app.theme().text(Role::Notice);
    let lines: Vec<Line<'static>> = too_small_notice(area.width, area.height)
        .into_iter()
        .map(Line::from)
        .collect();
    frame.render_widget(Paragraph::new(lines).style(style), area);
}

/// The notice for a terminal below the minimum size, in the longest wording whose lines fit
/// `width` columns and `height` rows; on a tiny screen at least the size it needs.
fn too_small_notice(width: u16, height: u16) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let size = format!("{}×{}", super::layout::MIN_WIDTH, super::layout::MIN_HEIGHT);
    let wordings = [
        vec![
            String::from("Terminal too small"),
            format!("margent needs {size}"),
        ],
        vec![String::from("Too small"), format!("need {size}")],
        vec![format!("need {size}")],
        vec![size],
    ];
    let fits = |lines: &Vec<String>| {
        lines.len() <= usize::from(height)
            && lines.iter().all(|line| line.width() <= usize::from(width))
    };
    wordings
        .iter()
        .find(|lines| fits(lines))
        .or(wordings.last())
        .cloned()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_too_small_notice_always_says_the_size_needed() {
        // The notice exists to tell the reader how big to make the window; wrapped into a
        // 10×3 corner it used to lose exactly that line.
        assert_eq!(
            too_small_notice(30, 4),
            ["Terminal too small", "margent needs 20×5"]
        );
        assert_eq!(too_small_notice(10, 3), ["Too small", "need 20×5"]);
        assert_eq!(too_small_notice(10, 1), ["need 20×5"]);
        assert_eq!(too_small_notice(4, 1), ["20×5"]);
    }
}
