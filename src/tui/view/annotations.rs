//! Annotations on screen: highlights in their tag's colour, search matches, the sentence
//! cursor, and the popups (tag palette, note editor, search and command prompts).

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::annotations::Tag;
use crate::search::Direction;
use crate::tui::annotate::{Modal, PromptKind, shown_cursor, visible_span};
use crate::tui::app::App;
use crate::tui::tag_palette;
use crate::tui::theme::{Role, Theme};
use crate::tui::wrap::truncate;

use super::article::clean;

/// Styles laid over the article's text on screen: highlights, search matches (the current
/// one reversed), the passage in the palette and the cursor sentence (underlined).
pub fn decorations(app: &App, theme: &Theme) -> Vec<(Range<usize>, Style)> {
    let visible = visible_span(app);
    let overlaps = |span: &Range<usize>| span.start < visible.end && span.end > visible.start;
    let mut out = Vec::new();
    if let Some(store) = &app.notes.store {
        for (annotation, placement) in store.in_reading_order() {
            if let Some(span) = placement.span.clone().filter(overlaps) {
                out.push((span, app.tag_style(annotation.tag.as_ref())));
            }
        }
    }
    let matches = app.notes.search.matches();
    let mark = theme.style(Role::Mark);
    for index in matches.overlapping(visible.clone()) {
        let mut style = mark;
        if app.notes.search.current == Some(index) {
            style = style.add_modifier(Modifier::REVERSED);
        }
        out.push((matches.ranges[index].clone(), style));
    }
    match &app.notes.modal {
        Some(Modal::Palette { span, .. }) => out.push((span.clone(), theme.style(Role::Selection))),
        Some(Modal::Select(selection)) => {
            out.push((selection.span(&app.doc), theme.style(Role::Selection)));
        }
        _ => {}
    }
    if let Some(sentence) = shown_cursor(app, &visible).and_then(|i| app.doc.sentences.get(i)) {
        out.push((
            sentence.span.clone(),
            Style::new().add_modifier(Modifier::UNDERLINED),
        ));
    }
    out
}

/// Turns overlapping decorations into ordered, disjoint ranges, later ones patched over
/// earlier ones where they overlap.
pub fn flatten(decorations: &[(Range<usize>, Style)]) -> Vec<(Range<usize>, Style)> {
    let mut bounds: Vec<usize> = decorations
        .iter()
        .flat_map(|(span, _)| [span.start, span.end])
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    let mut out: Vec<(Range<usize>, Style)> = Vec::new();
    for pair in bounds.windows(2) {
        let piece = pair[0]..pair[1];
        let mut covering = decorations
            .iter()
            .filter(|(span, _)| span.start <= piece.start && span.end >= piece.end)
            .map(|(_, style)| *style)
            .peekable();
        if covering.peek().is_none() {
            continue;
        }
        let style = covering.fold(Style::new(), |acc, style| acc.patch(style));
        match out.last_mut() {
            Some((last, last_style)) if last.end == piece.start && *last_style == style => {
                last.end = piece.end;
            }
            _ => out.push((piece, style)),
        }
    }
    out
}

/// Draws the open popup or prompt, if any: the palette and the editor over the article, the
/// prompts over the status bar (`status`).
pub fn draw_popup(frame: &mut Frame<'_>, app: &App, area: Rect, status: Rect) {
    match &app.notes.modal {
        Some(Modal::Palette { .. }) => draw_palette(frame, app, area),
        Some(Modal::Editor(editor)) => {
            let theme = app.theme();
            let width = area.width.saturating_sub(4).min(72).max(area.width.min(12));
            let height = area
                .height
                .saturating_sub(4)
                .min(12)
                .max(area.height.min(3));
            let popup = centered(area, width, height);
            let titles: &[&str] = if editor.confirming {
                &[
                    " Discard the typed note? y: discard, any other key: keep editing ",
                    " Discard the note? y: discard, other keys: edit ",
                    " Discard? y: yes ",
                ]
            } else {
                &[
                    " Note · Ctrl-s saves · Esc cancels ",
                    " Note · Ctrl-s saves ",
                    " Note ",
                ]
            };
            let title = super::fitting_title(titles, usize::from(width.saturating_sub(2)));
            let mut text = editor.text.clone();
            text.set_block(
                Block::new()
                    .borders(Borders::ALL)
                    .title(title)
                    .border_style(theme.text(Role::BorderFocused)),
            );
            text.set_style(theme.text(Role::Help));
            text.set_cursor_line_style(Style::new());
            frame.render_widget(Clear, popup);
            frame.render_widget(&text, popup);
        }
        Some(Modal::Prompt(prompt)) => {
            let sigil = match prompt.kind {
                PromptKind::Search(Direction::Forward) => '/',
                PromptKind::Search(Direction::Backward) => '\\',
                PromptKind::Command => ':',
            };
            let mut text = format!("{sigil}{}", clean(&prompt.line));
            if matches!(prompt.kind, PromptKind::Search(_)) && !prompt.line.is_empty() {
                let matches = app.notes.search.matches();
                text.push_str(&match app.notes.search.current {
                    Some(index) => format!("   {}", matches.counter(index)),
                    None => String::from("   no match"),
                });
            }
            let style = app.theme().text(Role::StatusBar);
            frame.render_widget(Clear, status);
            frame.render_widget(
                Paragraph::new(Line::styled(text, style)).style(style),
                status,
            );
        }
        Some(Modal::Select(_)) | None => {}
    }
}

/// The widest a tag's description is shown in the palette, in columns.
const DESCRIPTION_WIDTH: usize = 32;

/// The tag palette in the corner of `area`: each tag's key and name in its colour (with its
/// description from the config), in as many columns as the height needs, and what `Enter`
/// picks.
fn draw_palette(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = app.theme();
    let entries: Vec<Line<'static>> = app
        .notes
        .palette()
        .iter()
        .enumerate()
        .map(|(index, tag)| palette_entry(app, index, tag))
        .collect();
    let room = usize::from(area.height.saturating_sub(3)).max(1);
    let columns = entries.len().div_ceil(room).max(1);
    let rows = entries.len().div_ceil(columns);
    let inner = usize::from(area.width.saturating_sub(2));
    let column_width = (entries.iter().map(Line::width).max().unwrap_or(0) + 1)
        .min(inner / columns)
        .max(1);
    let mut lines: Vec<Line<'static>> = (0..rows)
        .map(|row| {
            let mut spans = Vec::new();
            for entry in entries.iter().skip(row).step_by(rows) {
                let entry = fit_line(entry, column_width - 1);
                let gap = column_width - entry.width();
                spans.extend(entry.spans);
                spans.push(Span::raw(" ".repeat(gap)));
            }
            Line::from(spans)
        })
        .collect();
    let last = app.notes.last_tag.as_ref().unwrap_or(&Tag::Claim);
    let footer = Line::styled(
        format!(" ⏎  {}", clean(last.name())),
        theme.text(Role::Help),
    );
    let content_width = (column_width * columns).max(footer.width() + 1).max(24);
    lines.push(footer);
    let width = (u16::try_from(content_width).unwrap_or(u16::MAX) + 2).min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = Rect {
        x: area.x + area.width.saturating_sub(width + 2),
        y: area.y + area.height.saturating_sub(height + 1),
        width,
        height,
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).style(theme.text(Role::Help)).block(
            Block::new()
                .borders(Borders::ALL)
                .title(" Tag ")
                .border_style(theme.text(Role::BorderFocused)),
        ),
        popup,
    );
}

/// One palette entry: the key, the tag's name in its colour and its description, if any.
fn palette_entry(app: &App, index: usize, tag: &Tag) -> Line<'static> {
    let theme = app.theme();
    let key = tag_palette::key_for(index).unwrap_or(' ');
    let mut spans = vec![
        Span::styled(format!(" {key} "), theme.text(Role::HelpKey)),
        Span::styled(format!(" {} ", clean(tag.name())), app.tag_style(Some(tag))),
    ];
    if let Some(description) = app
        .notes
        .config_tag(tag)
        .and_then(|user| user.description.as_deref())
    {
        spans.push(Span::styled(
            format!(" {}", truncate(&clean(description), DESCRIPTION_WIDTH)),
            theme.text(Role::Help),
        ));
    }
    Line::from(spans)
}

/// `line` cut to `width` columns, ending in `…` where it was cut, each span keeping its style.
fn fit_line(line: &Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line.clone();
    }
    let mut spans = Vec::new();
    let mut left = width;
    for (index, span) in line.spans.iter().enumerate() {
        let span_width = span.width();
        if span_width < left {
            spans.push(span.clone());
            left -= span_width;
        } else {
            let rest: String = line.spans[index..]
                .iter()
                .map(|span| span.content.as_ref())
                .collect();
            spans.push(Span::styled(truncate(&rest, left), span.style));
            break;
        }
    }
    Line::from(spans)
}

/// A `width`×`height` rectangle in the middle of `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    Rect {
        x: area.x + area.width.saturating_sub(width) / 2,
        y: area.y + area.height.saturating_sub(height) / 2,
        width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    #[test]
    fn overlapping_decorations_become_disjoint_with_the_later_on_top() {
        // A search match inside a highlight must show both; the article view draws only
        // disjoint ranges.
        let red = Style::new().bg(Color::Red);
        let under = Style::new().add_modifier(Modifier::UNDERLINED);
        let flat = flatten(&[(0..10, red), (5..15, under)]);
        assert_eq!(
            flat,
            vec![(0..5, red), (5..10, red.patch(under)), (10..15, under)]
        );
        assert!(flatten(&[]).is_empty());
        assert_eq!(flatten(&[(0..3, red), (5..7, red)]).len(), 2);
    }
}
