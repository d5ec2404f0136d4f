//! The help overlay: every key binding with its description, straight from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::tui::action::Action;
use crate::tui::app::{App, Overlay};
use crate::tui::keymap::{KEY_NOTES, KeyContext};
use crate::tui::theme::Role;

/// Width of the key column.
const KEY_COLUMN: usize = 18;

/// Draws the help overlay centred in `area`.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let Some(Overlay::Help { offset }) = &app.overlay else {
        return;
    };
    let theme = app.theme();
    let style = theme.text(Role::Help);
    let key_style = theme.text(Role::HelpKey);
    let width = area.width.saturating_sub(4).min(84);
    let text_width = usize::from(width.saturating_sub(2))
        .saturating_sub(KEY_COLUMN)
        .max(10);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut binding_starts = Vec::new();
    for binding in app.keymap.bindings() {
        binding_starts.push(lines.len());
        let keys: Vec<String> = binding.keys.iter().map(ToString::to_string).collect();
        let place = match binding.context {
            KeyContext::Global => String::new(),
            other => format!(" ({} pane)", other.name()),
        };
        let description = format!("{}{place}", binding.description);
        for (number, part) in textwrap::wrap(&description, text_width)
            .into_iter()
            .enumerate()
        {
            let keys = if number == 0 {
                keys.join(" ")
            } else {
                String::new()
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{keys:KEY_COLUMN$}"), key_style),
                Span::styled(part.into_owned(), style),
            ]));
        }
    }
    let note_width = usize::from(width.saturating_sub(2)).max(10);
    for note in KEY_NOTES {
        lines.push(Line::default());
        for part in textwrap::wrap(&note.replace('`', ""), note_width) {
            lines.push(Line::styled(part.into_owned(), style));
        }
    }
    let height = area.height.saturating_sub(2).min(lines.len() as u16 + 2);
    let inner = usize::from(height.saturating_sub(2));
    let first = binding_starts
        .get(*offset)
        .copied()
        .unwrap_or(lines.len())
        .min(lines.len().saturating_sub(inner));
    let lines: Vec<Line<'static>> = lines.into_iter().skip(first).collect();
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let close = app.key_hint(&Action::Cancel);
    let down = app.key_hint(&Action::ScrollDown);
    let up = app.key_hint(&Action::ScrollUp);
    let block = Block::new()
        .borders(Borders::ALL)
        .title(format!(" Keys — {close} closes, {down}/{up} scroll "))
        .style(style)
        .border_style(theme.text(Role::BorderFocused));
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
