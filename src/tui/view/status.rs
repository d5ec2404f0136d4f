//! The status bar: file name, position, time left, outline counts or progress, the last
//! message and the search's match counter.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::side_pane::OutlineStatus;
use crate::tui::theme::Role;

use unicode_width::UnicodeWidthStr;

use super::article::clean;

/// Reading speed used for "time left", in words per minute.
pub const WORDS_PER_MINUTE: f64 = 230.0;

/// The left part of the bar: file, position, time left, outline counts or progress; `compact`
/// abbreviates it for narrow terminals.
fn summary(app: &App, compact: bool) -> String {
    let progress = app.article.progress(&app.doc);
    let mut parts = vec![
        clean(&app.status.file_name),
        format!("{:.0}%", (progress * 100.0).floor()),
    ];
    if let Some(words) = app.status.words {
        let minutes = words as f64 * (1.0 - progress) / WORDS_PER_MINUTE;
        let left = if compact { "" } else { " left" };
        parts.push(if minutes < 1.0 && progress < 1.0 {
            format!("<1 min{left}")
        } else {
            format!("{:.0} min{left}", minutes.ceil())
        });
    }
    let outline = &app.side.outline;
    parts.push(match outline.status {
        OutlineStatus::Ready => {
            use crate::outline::ItemKind::{Claim, Quote, Recommendation};
            let [claims, quotes, recs] = [Claim, Quote, Recommendation].map(|k| outline.count(k));
            if compact {
                format!("C{claims} Q{quotes} R{recs}")
            } else {
                format!("{claims} claims · {quotes} quotes · {recs} recs")
            }
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
    let separator = if compact { "│" } else { " │ " };
    format!(" {} ", parts.join(separator))
}

/// Draws the status bar in `area`.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = app.theme();
    let bar = theme.text(Role::StatusBar);
    let full = summary(app, false);
    let left = if full.width() + 10 > usize::from(area.width) {
        summary(app, true)
    } else {
        full
    };
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
    let used = left.width() as u16;
    let room = area.width.saturating_sub(used);
    let right = Rect {
        x: area.x + used.min(area.width),
        width: room,
        ..area
    };
    if right.width > 2 {
        let room = usize::from(right.width) - 1;
        let mut spans = Vec::new();
        match app.notes.search.counter() {
            Some(counter) if app.status.message.is_none() => {
                spans.push(Span::styled(counter, theme.text(Role::StatusMessage)));
            }
            Some(counter) => {
                let counter = format!(" · {counter}");
                let text = crate::tui::wrap::truncate(&text, room.saturating_sub(counter.width()));
                spans.push(Span::styled(text, theme.text(role)));
                spans.push(Span::styled(counter, theme.text(Role::StatusMessage)));
            }
            None => spans.push(Span::styled(
                crate::tui::wrap::truncate(&text, room),
                theme.text(role),
            )),
        }
        spans.push(Span::styled(" ", bar));
        frame.render_widget(
            Paragraph::new(Line::from(spans)).alignment(Alignment::Right),
            right,
        );
    }
}
