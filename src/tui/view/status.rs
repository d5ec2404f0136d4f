//! The status bar: file name, position, time left, outline counts or progress, and the last
//! message.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::side_pane::OutlineStatus;
use crate::tui::theme::Role;

use super::article::clean;

/// Reading speed used for "time left", in words per minute.
pub const WORDS_PER_MINUTE: f64 = 230.0;

/// Draws the status bar in `area`.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = app.theme();
    let bar = theme.text(Role::StatusBar);
    let progress = app.article.progress(&app.doc);
    let mut parts = vec![
        clean(&app.status.file_name),
        format!("{:.0}%", (progress * 100.0).floor()),
    ];
    if let Some(words) = app.status.words {
        let minutes = words as f64 * (1.0 - progress) / WORDS_PER_MINUTE;
        parts.push(if minutes < 1.0 && progress < 1.0 {
            String::from("<1 min left")
        } else {
            format!("{:.0} min left", minutes.ceil())
        });
    }
    let outline = &app.side.outline;
    parts.push(match outline.status {
        OutlineStatus::Ready => {
            use crate::outline::ItemKind::{Claim, Quote, Recommendation};
            format!(
                "{} claims · {} quotes · {} recs",
                outline.count(Claim),
                outline.count(Quote),
                outline.count(Recommendation)
            )
        }
        OutlineStatus::Computing { ticks } => {
            const SPINNER: [char; 4] = ['◐', '◓', '◑', '◒'];
            format!(
                "{} outlining {:.1} s",
                SPINNER[ticks as usize % SPINNER.len()],
                f64::from(ticks) / 10.0
            )
        }
        OutlineStatus::Failed => String::from("no outline"),
    });
    let left = format!(" {} ", parts.join(" │ "));
    frame.render_widget(
        Paragraph::new(Line::styled(left.clone(), bar)).style(bar),
        area,
    );
    let (text, role) = match &app.status.message {
        Some(message) => (
            clean(&message.text),
            if message.error {
                Role::StatusError
            } else {
                Role::StatusMessage
            },
        ),
        None => (
            format!("{} help", app.key_hint(&Action::Help)),
            Role::StatusBar,
        ),
    };
    let used = unicode_width::UnicodeWidthStr::width(left.as_str()) as u16;
    let room = area.width.saturating_sub(used);
    let right = Rect {
        x: area.x + used.min(area.width),
        width: room,
        ..area
    };
    if right.width > 2 {
        let text = crate::tui::wrap::truncate(&text, usize::from(right.width) - 1);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(text, theme.text(role)),
                Span::styled(" ", bar),
            ]))
            .alignment(Alignment::Right),
            right,
        );
    }
}
