//! The article pane: the laid-out lines from the reading position down, with inline styles
//! and the jump mark laid over them.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::document::{Document, InlineStyle};
use crate::ingest::neutralise_controls;
use crate::tui::app::App;
use crate::tui::theme::{Role, Theme};
use crate::tui::wrap::{PieceText, ScreenLine, unit_count};

/// Draws the article's text column.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let doc = &app.doc;
    let theme = app.theme();
    let mut decorations: Vec<(Range<usize>, Style)> = app
        .article
        .mark
        .iter()
        .map(|mark| (mark.span.clone(), theme.style(Role::Mark)))
        .collect();
    decorations.extend(super::annotations::decorations(app, theme));
    let decorations = super::annotations::flatten(&decorations);
    let mut lines = Vec::with_capacity(usize::from(area.height));
    let mut unit = app.article.top.unit;
    let mut skip = app.article.top.line;
    while lines.len() < usize::from(area.height) && unit < unit_count(doc) {
        let unit_lines = app.article.wrap.peek(doc, unit);
        for line in unit_lines.iter().skip(skip) {
            if lines.len() == usize::from(area.height) {
                break;
            }
            lines.push(render_line(doc, line, theme, &decorations));
        }
        unit += 1;
        skip = 0;
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// Turns a laid-out line into styled spans. Tabs become spaces so the terminal's tab stops
/// cannot shift the text.
pub fn render_line(
    doc: &Document,
    line: &ScreenLine,
    theme: &Theme,
    decorations: &[(Range<usize>, Style)],
) -> Line<'static> {
    let mut spans = Vec::new();
    if let Some((prefix, role)) = &line.prefix {
        spans.push(Span::styled(prefix.clone(), theme.text(*role)));
    }
    for piece in &line.pieces {
        let mut style = theme.text(piece.role);
        if let Some(inline) = piece.inline {
            style = style.patch(theme.style(inline_role(inline)));
        }
        match &piece.text {
            PieceText::Owned(text) => spans.push(Span::styled(clean(text), style)),
            PieceText::Doc(range) => {
                let mut at = range.start;
                for (span, extra) in decorations
                    .iter()
                    .filter(|(span, _)| span.start < range.end && span.end > range.start)
                {
                    let from = span.start.max(at);
                    let to = span.end.min(range.end);
                    if from > at {
                        spans.push(Span::styled(clean(&doc.text[at..from]), style));
                    }
                    if to > from {
                        spans.push(Span::styled(
                            clean(&doc.text[from..to]),
                            style.patch(*extra),
                        ));
                        at = to;
                    }
                }
                if at < range.end {
                    spans.push(Span::styled(clean(&doc.text[at..range.end]), style));
                }
            }
        }
    }
    Line::from(spans)
}

fn inline_role(style: InlineStyle) -> Role {
    match style {
        InlineStyle::Emphasis => Role::Emphasis,
        InlineStyle::Strong => Role::Strong,
        InlineStyle::Code => Role::Code,
        InlineStyle::Link => Role::Link,
    }
}

/// Text safe to hand to the terminal, on one line: tabs and line breaks become spaces, and any
/// other control character (ESC in a hand-edited sidecar's tag or note, say) its visible
/// stand-in (`␛`), as margent shows such characters everywhere, so none is hidden or sent.
pub fn clean(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect();
    neutralise_controls(&spaced)
}
