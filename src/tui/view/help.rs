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
/// The narrowest description column beside the keys; narrower, the keys go above it.
const MIN_DESCRIPTION: usize = 30;
/// Indent of a description under its keys when they are stacked.
const STACKED_INDENT: usize = 2;

/// Draws the help overlay centred in `area`.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let Some(Overlay::Help { offset }) = &app.overlay else {
        return;
    };
    let theme = app.theme();
    let style = theme.text(Role::Help);
    let key_style = theme.text(Role::HelpKey);
    let width = area.width.saturating_sub(4).min(84);
    let inner = usize::from(width.saturating_sub(2));
    // Too narrow for a key column beside the text: the keys go on a line of their own.
    let stacked = inner < KEY_COLUMN + MIN_DESCRIPTION;
    let (key_column, text_width) = if stacked {
        (STACKED_INDENT, inner.saturating_sub(STACKED_INDENT).max(1))
    } else {
        (KEY_COLUMN, inner - KEY_COLUMN)
    };
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
        if stacked {
            lines.push(Line::styled(keys.join(" "), key_style));
        }
        for (number, part) in textwrap::wrap(&description, text_width)
            .into_iter()
            .enumerate()
        {
            let keys = if number == 0 && !stacked {
                keys.join(" ")
            } else {
                String::new()
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{keys:key_column$}"), key_style),
                Span::styled(part.into_owned(), style),
            ]));
        }
    }
    let note_width = inner.max(1);
    for note in KEY_NOTES {
        lines.push(Line::default());
        for part in textwrap::wrap(&note.replace('`', ""), note_width) {
            lines.push(Line::styled(part.into_owned(), style));
        }
    }
    let height = area.height.saturating_sub(2).min(lines.len() as u16 + 2);
    let rows = usize::from(height.saturating_sub(2));
    let first = binding_starts
        .get(*offset)
        .copied()
        .unwrap_or(lines.len())
        .min(lines.len().saturating_sub(rows));
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
    let titles = [
        format!(" Keys — {close} closes, {down}/{up} scroll "),
        format!(" Keys — {close} closes "),
        String::from(" Keys "),
    ];
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    let block = Block::new()
        .borders(Borders::ALL)
        .title(super::fitting_title(&titles, inner))
        .style(style)
        .border_style(theme.text(Role::BorderFocused));
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
