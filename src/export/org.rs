//! Org-mode export: one top-level heading per article with its metadata in a `:PROPERTIES:`
//! drawer, a heading per tag, and a heading per highlight whose drawer holds its id, tag,
//! position and timestamps, followed by the quote in a `#+BEGIN_QUOTE` block and the note.
//!
//! Quote and note lines that Org would read as structure — a heading (`*`), a keyword or the
//! end of the quote block (`#`), a drawer (`:`) or a table (`|`) — are prefixed with a zero-width
//! space, the escape the Org manual recommends.

use std::fmt::Write;

use jiff::Timestamp;

use super::{ExportHighlight, ExportInput, excerpt, outline_sections};

/// Zero-width space: Org's escape for text that would otherwise be markup.
const ZERO_WIDTH_SPACE: char = '\u{200B}';

/// Longest heading text taken from a quote, in characters.
const HEADING_CHARS: usize = 60;

/// Renders the articles as one Org document.
pub fn render(inputs: &[ExportInput]) -> String {
    let mut out = String::new();
    let title = match inputs {
        [single] => format!("Highlights: {}", single.title()),
        many => format!("Highlights from {} articles", many.len()),
    };
    let _ = writeln!(out, "#+TITLE: {}\n", property_value(&title));
    for input in inputs {
        article(&mut out, input);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// One article: its heading and drawer, its highlights by tag, its outline.
fn article(out: &mut String, input: &ExportInput) {
    let meta = input.metadata;
    let _ = writeln!(out, "* {}", heading(input.title()));
    let tags = meta.tags.join(", ");
    let properties = [
        ("AUTHOR", meta.author.as_deref()),
        ("DATE", meta.date.as_deref()),
        ("PUBLISHER", meta.publisher.as_deref()),
        ("SOURCE_FILE", Some(input.source_file)),
        ("TAGS", Some(tags.as_str()).filter(|tags| !tags.is_empty())),
    ];
    drawer(out, &properties);
    let groups = input.highlights_by_tag();
    if groups.is_empty() {
        out.push_str("No highlights.\n");
    }
    for (tag, highlights) in groups {
        let _ = writeln!(out, "** {}", heading(tag));
        for highlight in highlights {
            write_highlight(out, highlight);
        }
    }
    if let Some(outline) = input.outline {
        out.push_str("** Outline\n");
        for (title, lines) in outline_sections(outline) {
            let _ = writeln!(out, "*** {title}");
            if lines.is_empty() {
                out.push_str("None found.\n");
            }
            for line in lines {
                let _ = writeln!(out, "- {}", escape_line(&excerpt(&line, usize::MAX)));
            }
        }
    }
    out.push('\n');
}

/// One highlight: heading, drawer, quote block, note.
fn write_highlight(out: &mut String, highlight: &ExportHighlight) {
    let title = if highlight.quote.trim().is_empty() {
        highlight.note.as_deref().unwrap_or("Note")
    } else {
        &highlight.quote
    };
    let _ = writeln!(out, "*** {}", heading(&excerpt(title, HEADING_CHARS)));
    let start = highlight.span.as_ref().map(|span| span.start.to_string());
    let end = highlight.span.as_ref().map(|span| span.end.to_string());
    let created = org_timestamp(highlight.created);
    let updated = org_timestamp(highlight.updated);
    let properties = [
        ("ID", Some(highlight.id.as_str())),
        ("TAG", highlight.tag.as_deref()),
        ("CHAR_START", start.as_deref()),
        ("CHAR_END", end.as_deref()),
        ("ORPHANED", highlight.span.is_none().then_some("t")),
        ("CREATED", Some(created.as_str())),
        ("UPDATED", Some(updated.as_str())),
    ];
    drawer(out, &properties);
    if !highlight.quote.trim().is_empty() {
        out.push_str("#+BEGIN_QUOTE\n");
        escape_lines(out, &highlight.quote);
        out.push_str("#+END_QUOTE\n");
    }
    if let Some(note) = highlight
        .note
        .as_deref()
        .filter(|note| !note.trim().is_empty())
    {
        escape_lines(out, note);
    }
}

/// A `:PROPERTIES:` drawer with the properties that have values.
fn drawer(out: &mut String, properties: &[(&str, Option<&str>)]) {
    out.push_str(":PROPERTIES:\n");
    for (name, value) in properties {
        if let Some(value) = value {
            let _ = writeln!(out, ":{name}: {}", property_value(value));
        }
    }
    out.push_str(":END:\n");
}

/// An inactive Org timestamp in UTC, e.g. `[2025-03-01 Sat 09:30]`.
fn org_timestamp(timestamp: Timestamp) -> String {
    timestamp.strftime("[%Y-%m-%d %a %H:%M]").to_string()
}

/// A property value on one line.
fn property_value(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Heading text on one line; a trailing `:` gets a zero-width space after it so Org does not
/// read the end of the heading as tags.
fn heading(text: &str) -> String {
    let mut line = escape_line(&property_value(text));
    if line.ends_with(':') {
        line.push(ZERO_WIDTH_SPACE);
    }
    line
}

/// Writes `text` line by line, each escaped.
fn escape_lines(out: &mut String, text: &str) {
    for line in text.lines() {
        let _ = writeln!(out, "{}", escape_line(line));
    }
}

/// Prefixes a zero-width space to a line Org would read as structure.
fn escape_line(line: &str) -> String {
    if line.trim_start().starts_with(['*', '#', ':', '|']) {
        format!("{ZERO_WIDTH_SPACE}{line}")
    } else {
        line.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A note line `* todo` would become a new heading, and a quote line `#+END_QUOTE` would
    /// close the block early: both must stay text.
    #[test]
    fn structural_lines_are_escaped_and_others_kept() {
        assert_eq!(escape_line("* not a heading"), "\u{200B}* not a heading");
        assert_eq!(escape_line("#+END_QUOTE"), "\u{200B}#+END_QUOTE");
        assert_eq!(escape_line("  :END:"), "\u{200B}  :END:");
        assert_eq!(escape_line("| a | b |"), "\u{200B}| a | b |");
        assert_eq!(escape_line("plain *bold* text"), "plain *bold* text");
    }

    /// A drawer is line-based: a newline in a value would end the property early.
    #[test]
    fn property_values_and_headings_stay_on_one_line() {
        assert_eq!(property_value("a\nb  c"), "a b c");
        assert_eq!(heading("Note:"), "Note:\u{200B}");
    }

    #[test]
    fn timestamps_are_inactive_org_timestamps() {
        let timestamp: Timestamp = "2025-03-01T09:30:00Z".parse().unwrap();
        assert_eq!(org_timestamp(timestamp), "[2025-03-01 Sat 09:30]");
    }
}
