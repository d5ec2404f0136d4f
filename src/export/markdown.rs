//! Markdown export for Obsidian and similar notes apps: YAML front matter, then the highlights
//! grouped by tag as block quotes with their notes below, then (optionally) the outline.
//!
//! Article and note text is written as literal text: Markdown punctuation is backslash-escaped
//! so a quote can never turn into a heading, a link or raw HTML.

use std::fmt::Write;

use super::{ExportHighlight, ExportInput, outline_sections};

/// Renders one article (front matter of its own) or several (a combined front matter and one
/// `#` section per article).
pub fn render(inputs: &[ExportInput]) -> String {
    let mut out = String::new();
    match inputs {
        [single] => {
            front_matter(&mut out, single);
            let _ = writeln!(out, "# {}\n", escape(single.title()));
            body(&mut out, single);
        }
        many => {
            combined_front_matter(&mut out, many);
            for input in many {
                let _ = writeln!(out, "# {}\n", escape(input.title()));
                let _ = writeln!(out, "{}\n", escape(&byline(input)));
                body(&mut out, input);
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The YAML front matter of a single-article export.
fn front_matter(out: &mut String, input: &ExportInput) {
    let meta = input.metadata;
    out.push_str("---\n");
    let _ = writeln!(out, "title: {}", yaml_string(input.title()));
    for (key, value) in [
        ("author", &meta.author),
        ("date", &meta.date),
        ("publisher", &meta.publisher),
    ] {
        if let Some(value) = value {
            let _ = writeln!(out, "{key}: {}", yaml_string(value));
        }
    }
    let _ = writeln!(out, "source_file: {}", yaml_string(input.source_file));
    yaml_list(out, "tags", meta.tags.iter().map(|tag| obsidian_tag(tag)));
    let _ = writeln!(out, "highlights: {}", input.highlights.len());
    out.push_str("---\n\n");
}

/// The YAML front matter of a combined export: the sources and the union of their tags.
fn combined_front_matter(out: &mut String, inputs: &[ExportInput]) {
    out.push_str("---\n");
    let title = format!("Highlights from {} articles", inputs.len());
    let _ = writeln!(out, "title: {}", yaml_string(&title));
    yaml_list(
        out,
        "source_files",
        inputs.iter().map(|input| input.source_file.to_owned()),
    );
    let mut tags: Vec<String> = Vec::new();
    for tag in inputs.iter().flat_map(|input| &input.metadata.tags) {
        let tag = obsidian_tag(tag);
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    yaml_list(out, "tags", tags.into_iter());
    let total: usize = inputs.iter().map(|input| input.highlights.len()).sum();
    let _ = writeln!(out, "highlights: {total}");
    out.push_str("---\n\n");
}

/// `key:` followed by one `  - "item"` line per item (or `key: []` when there are none).
fn yaml_list(out: &mut String, key: &str, items: impl Iterator<Item = String>) {
    let items: Vec<String> = items.collect();
    if items.is_empty() {
        let _ = writeln!(out, "{key}: []");
        return;
    }
    let _ = writeln!(out, "{key}:");
    for item in items {
        let _ = writeln!(out, "  - {}", yaml_string(&item));
    }
}

/// Author, date, publisher and source on one line, for the sections of a combined export.
fn byline(input: &ExportInput) -> String {
    let meta = input.metadata;
    [&meta.author, &meta.date, &meta.publisher]
        .into_iter()
        .flatten()
        .cloned()
        .chain([format!("source: {}", input.source_file)])
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The highlights grouped by tag, then the outline when there is one.
fn body(out: &mut String, input: &ExportInput) {
    let groups = input.highlights_by_tag();
    if groups.is_empty() {
        out.push_str("_No highlights._\n\n");
    }
    for (tag, highlights) in groups {
        let _ = writeln!(out, "## {}\n", escape(tag));
        for highlight in highlights {
            write_highlight(out, highlight);
        }
    }
    if let Some(outline) = input.outline {
        out.push_str("## Outline\n\n");
        for (title, lines) in outline_sections(outline) {
            let _ = writeln!(out, "### {title}\n");
            if lines.is_empty() {
                out.push_str("_None found._\n");
            }
            for line in lines {
                let _ = writeln!(out, "- {}", escape(&line).replace('\n', " "));
            }
            out.push('\n');
        }
    }
}

/// One highlight: its quote as a block quote, then its note as paragraphs with hard line
/// breaks where the note has line breaks.
fn write_highlight(out: &mut String, highlight: &ExportHighlight) {
    if !highlight.quote.is_empty() {
        for line in highlight.quote.lines() {
            let line = escape(line);
            if line.is_empty() {
                out.push_str(">\n");
            } else {
                let _ = writeln!(out, "> {line}");
            }
        }
        out.push('\n');
    }
    if highlight.span.is_none() {
        out.push_str("_(not found in the current text of the article)_\n\n");
    }
    if let Some(note) = highlight
        .note
        .as_deref()
        .filter(|note| !note.trim().is_empty())
    {
        for paragraph in paragraphs(note) {
            let lines: Vec<String> = paragraph.iter().map(|line| escape(line)).collect();
            let _ = writeln!(out, "{}\n", lines.join("\\\n"));
        }
    }
}

/// Splits text into paragraphs (runs of non-blank lines).
fn paragraphs(text: &str) -> Vec<Vec<&str>> {
    let mut paragraphs: Vec<Vec<&str>> = vec![Vec::new()];
    for line in text.lines() {
        if line.trim().is_empty() {
            if paragraphs.last().is_some_and(|p| !p.is_empty()) {
                paragraphs.push(Vec::new());
            }
        } else if let Some(last) = paragraphs.last_mut() {
            last.push(line);
        }
    }
    paragraphs.retain(|paragraph| !paragraph.is_empty());
    paragraphs
}

/// Escapes text so Markdown shows it literally: inline punctuation that starts emphasis,
/// code, links or HTML is backslash-escaped everywhere, and the characters that would start a
/// heading, list or setext underline are escaped at the start of a line. Leading white space is
/// dropped so an indented line cannot become a code block.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let line = line.trim_start();
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        for (position, ch) in line.chars().enumerate() {
            let at_start = position == 0 && matches!(ch, '#' | '+' | '-' | '=');
            let list_number = digits > 0 && position == digits && matches!(ch, '.' | ')');
            let inline = matches!(
                ch,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~'
            );
            if at_start || list_number || inline {
                out.push('\\');
            }
            out.push(ch);
        }
    }
    out
}

/// A YAML double-quoted scalar: backslash, quote and control characters escaped.
fn yaml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            ch if ch.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(ch));
            }
            ch => out.push(ch),
        }
    }
    out.push('"');
    out
}

/// A tag as Obsidian accepts it: white space becomes `-`, and `#` and commas are dropped.
fn obsidian_tag(tag: &str) -> String {
    tag.split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .filter(|ch| !matches!(ch, '#' | ','))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A quote is article text, not Markdown: without escaping, `<script>` would be raw HTML,
    /// `*word*` emphasis, and a line starting with `# ` or `1. ` a heading or a list.
    #[test]
    fn escape_makes_markdown_syntax_literal() {
        assert_eq!(escape("a <b> & *c*"), "a \\<b\\> \\& \\*c\\*");
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(
            escape("1. not a list\n- nor this"),
            "1\\. not a list\n\\- nor this"
        );
        assert_eq!(escape("    not code"), "not code");
        assert_eq!(escape("x-y = 3.5"), "x-y = 3.5");
    }

    /// Front matter values come from the article; an unescaped quote or newline would break
    /// the YAML and with it the note's properties in Obsidian.
    #[test]
    fn yaml_strings_escape_quotes_newlines_and_controls() {
        assert_eq!(yaml_string("a \"b\"\nc\\"), "\"a \\\"b\\\"\\nc\\\\\"");
        assert_eq!(yaml_string("bell\u{7}"), "\"bell\\u0007\"");
        assert_eq!(yaml_string("Zürich"), "\"Zürich\"");
    }

    /// Obsidian tags cannot contain spaces; "public policy" must stay one tag.
    #[test]
    fn obsidian_tags_have_no_spaces() {
        assert_eq!(obsidian_tag("public  policy"), "public-policy");
        assert_eq!(obsidian_tag("#energy,"), "energy");
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(paragraphs("a\nb\n\n\nc\n"), vec![vec!["a", "b"], vec!["c"]]);
    }
}
