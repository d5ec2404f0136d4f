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

/// The fewest columns a shortened file name keeps; with less room only the position shows.
const MIN_NAME_WIDTH: usize = 4;

/// How much of the reading summary the bar has room for, longest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    /// File, position, "N min left" and the outline's counts in words.
    Full,
    /// The same, abbreviated: "N min" and "C14 Q7 R11".
    Compact,
    /// File, position and minutes left.
    NoOutline,
    /// File and position.
    Position,
}

/// The left part of the bar at `detail`: file, position, time left, outline counts or
/// progress.
fn summary(app: &App, detail: Detail) -> String {
    let parts = summary_parts(app, detail);
    let separator = if detail == Detail::Full {
        " │ "
    } else {
        "│"
    };
    format!(" {} ", parts.join(separator))
}

fn summary_parts(app: &App, detail: Detail) -> Vec<String> {
    let compact = detail != Detail::Full;
    let progress = app.article.progress(&app.doc);
    let mut parts = vec![
        clean(&app.status.file_name),
        format!("{:.0}%", (progress * 100.0).floor()),
    ];
    if detail == Detail::Position {
        return parts;
    }
    if let Some(words) = app.status.words {
        let minutes = words as f64 * (1.0 - progress) / WORDS_PER_MINUTE;
        let left = if compact { "" } else { " left" };
        parts.push(if minutes < 1.0 && progress < 1.0 {
            format!("<1 min{left}")
        } else {
            format!("{:.0} min{left}", minutes.ceil())
        });
    }
    if detail == Detail::NoOutline {
        return parts;
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
    parts
}

/// The longest summary that leaves `wanted` columns of a `width`-column bar free. When even
/// the file and position do not fit, the file name is shortened with `…`, keeping at least
/// a third of the bar, so no part is ever cut mid-word.
fn fitted_summary(app: &App, width: usize, wanted: usize) -> String {
    let budget = width.saturating_sub(wanted);
    for detail in [
        Detail::Full,
        Detail::Compact,
        Detail::NoOutline,
        Detail::Position,
    ] {
        let text = summary(app, detail);
        if text.width() <= budget {
            return text;
        }
    }
    let parts = summary_parts(app, Detail::Position);
    let position = format!("│{} ", parts[1]);
    let budget = budget.max(width / 3).min(width);
    let name_room = budget.saturating_sub(position.width() + 1);
    if name_room < MIN_NAME_WIDTH {
        return crate::tui::wrap::truncate(&format!(" {} ", parts[1]), budget);
    }
    format!(
        " {}{position}",
        crate::tui::wrap::truncate(&parts[0], name_room)
    )
}

/// Draws the status bar in `area`.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = app.theme();
    let bar = theme.text(Role::StatusBar);
    let counter = app.notes.search.counter();
    let wanted = match (&app.status.message, &counter) {
        (Some(message), Some(counter)) => clean(&message.text).width() + counter.width() + 5,
        (Some(message), None) => clean(&message.text).width() + 2,
        (None, Some(counter)) => counter.width() + 2,
        (None, None) => 0,
    };
    let hint = format!("{} help", app.key_hint(&Action::Help));
    let width = usize::from(area.width);
    let left = if wanted == 0 {
        [Detail::Full, Detail::Compact]
            .into_iter()
            .map(|detail| summary(app, detail))
            .find(|text| text.width() + hint.width() + 4 <= width)
            .unwrap_or_else(|| fitted_summary(app, width, 0))
    } else {
        fitted_summary(app, width, wanted)
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
        None => (hint, Role::StatusBar),
    };
    let used = left.width() as u16;
    let room = area.width.saturating_sub(used);
    let right = Rect {
        x: area.x + used.min(area.width),
        width: room,
        ..area
    };
    let idle = app.status.message.is_none() && counter.is_none();
    if right.width > 2 && !(idle && text.width() >= usize::from(right.width)) {
        let room = usize::from(right.width) - 1;
        let mut spans = Vec::new();
        match counter {
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
