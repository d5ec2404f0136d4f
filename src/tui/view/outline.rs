//! The Outline tab: groups of claims, quotes and recommendations, and a detail box for the
//! selected item.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::outline::{ItemKind, OutlineItem};
use crate::tui::app::App;
use crate::tui::layout::ListArea;
use crate::tui::side_pane::{OutlineRow, OutlineStatus, group_label};
use crate::tui::theme::Role;
use crate::tui::wrap::truncate;

use super::article::clean;
use super::side::row_style;

/// The role an item of `kind` is drawn in.
pub fn kind_role(kind: ItemKind) -> Role {
    match kind {
        ItemKind::Claim => Role::OutlineClaim,
        ItemKind::Quote => Role::OutlineQuote,
        ItemKind::Recommendation => Role::OutlineRecommendation,
    }
}

/// Draws the outline list where `list` puts it and the selected item's details in `detail`.
pub fn draw(frame: &mut Frame<'_>, app: &App, list: ListArea, detail: Rect) {
    let theme = app.theme();
    let pane = &app.side.outline;
    let width = usize::from(list.rows.width);
    let mut lines = Vec::new();
    for (_, row, selected) in list.visible(&pane.rows, &pane.cursor) {
        let line = match *row {
            OutlineRow::Group(kind) => {
                let fold = if pane.is_collapsed(kind) {
                    "▸"
                } else {
                    "▾"
                };
                let count = match pane.status {
                    OutlineStatus::Ready => pane.count(kind).to_string(),
                    OutlineStatus::Computing { .. } => String::from("…"),
                    OutlineStatus::Failed => String::from("–"),
                };
                let text = format!("{fold} {} ({count})", group_label(kind));
                let style = row_style(app, selected, theme.text(Role::OutlineGroup));
                Line::styled(format!("{:width$}", truncate(&text, width)), style)
            }
            OutlineRow::Item(item) => {
                let current = pane.current == Some(item);
                item_line(app, &pane.outline.items[item], current, selected, width)
            }
        };
        lines.push(line);
    }
    if let OutlineStatus::Computing { ticks } = pane.status {
        lines.push(Line::styled(
            format!("Outlining… {:.1} s", f64::from(ticks) / 10.0),
            theme.text(Role::OutlineMeta),
        ));
    }
    frame.render_widget(Paragraph::new(lines), list.rows);
    if detail.height > 0 {
        draw_detail(frame, app, detail);
    }
}

fn item_line(
    app: &App,
    item: &OutlineItem,
    current: bool,
    selected: bool,
    width: usize,
) -> Line<'static> {
    let theme = app.theme();
    let marker = if current { "› " } else { "  " };
    let who = match item.kind {
        ItemKind::Quote => item.speaker.as_deref(),
        ItemKind::Recommendation => item.actor.as_deref(),
        ItemKind::Claim => None,
    };
    let text = clean(&item.text);
    let text = if item.kind == ItemKind::Quote {
        format!("“{text}”")
    } else {
        text
    };
    let mut spans = vec![Span::styled(
        marker,
        row_style(app, selected, theme.text(Role::OutlineCurrent)),
    )];
    let room = width.saturating_sub(2);
    match who {
        Some(who) if room >= who.width() + 14 => {
            let who = format!(" — {}", clean(who));
            let body = truncate(&text, room - who.width());
            let pad = room.saturating_sub(body.width() + who.width());
            spans.push(Span::styled(
                body,
                row_style(app, selected, theme.text(kind_role(item.kind))),
            ));
            spans.push(Span::styled(
                format!("{who}{}", " ".repeat(pad)),
                row_style(app, selected, theme.text(Role::OutlineMeta)),
            ));
        }
        _ => spans.push(Span::styled(
            format!("{:room$}", truncate(&text, room)),
            row_style(app, selected, theme.text(kind_role(item.kind))),
        )),
    }
    Line::from(spans)
}

fn draw_detail(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = app.theme();
    let pane = &app.side.outline;
    let meta = theme.text(Role::OutlineMeta);
    let mut lines = vec![Line::styled(
        "─".repeat(usize::from(area.width)),
        theme.text(Role::Border),
    )];
    match pane.selected_row() {
        Some(OutlineRow::Item(index)) => {
            let item = &pane.outline.items[index];
            lines.push(Line::styled(
                format!("{} · strength {:.2}", item.kind.name(), item.score),
                meta,
            ));
            lines.push(Line::styled(
                clean(&item.text),
                theme.text(kind_role(item.kind)),
            ));
            if let Some(speaker) = &item.speaker {
                lines.push(Line::styled(format!("— {}", clean(speaker)), meta));
            }
            if let Some(actor) = &item.actor {
                lines.push(Line::styled(
                    format!("who should act: {}", clean(actor)),
                    meta,
                ));
            }
            if !item.cues.is_empty() {
                lines.push(Line::styled(
                    format!("why: {}", clean(&item.cues.join(", "))),
                    meta,
                ));
            }
        }
        Some(OutlineRow::Group(kind)) => {
            let key = app.key_hint(&crate::tui::action::Action::Activate);
            lines.push(Line::styled(
                format!(
                    "{} {} — {key} folds or unfolds",
                    pane.count(kind),
                    group_label(kind).to_lowercase()
                ),
                meta,
            ));
        }
        None => {}
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
