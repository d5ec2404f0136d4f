//! One standalone HTML page: the article with its highlights marked in their tag colours, the
//! notes beside the paragraphs they belong to, highlights that could not be placed, and the
//! outline.
//!
//! The page works offline and is safe to open: all CSS is inline, there are no scripts, images,
//! fonts or links to anywhere, a Content-Security-Policy (`default-src 'none'; style-src
//! 'unsafe-inline'`) forbids the browser to load or run anything else, and every piece of
//! article and note text goes through [`escape`].

use std::fmt::Write;
use std::ops::Range;

use super::{ExportHighlight, ExportInput, outline_sections};
use crate::document::{Block, BlockKind, Document};

/// The page's Content-Security-Policy: nothing may load except the inline style sheet.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'";

/// Background colours of the built-in tags (they match the outline's kinds and the reader's
/// theme hues).
const TAG_COLOURS: [(&str, &str); 6] = [
    ("claim", "#bcd7ff"),
    ("quote", "#c5efc5"),
    ("recommendation", "#ffd8a8"),
    ("evidence", "#e2ccff"),
    ("question", "#fff1a0"),
    ("important", "#ffc4c4"),
];

/// Colours handed to user-defined tags, chosen by a hash of the tag's name.
const SPARE_COLOURS: [&str; 6] = [
    "#c4eeee", "#f6cbe9", "#dfe0b4", "#d3dbea", "#f1d5b5", "#cbe9d6",
];

/// The fixed part of the style sheet.
const STYLE: &str = "\
body{margin:0;background:#fdfcf8;color:#1e1e1e;font:17px/1.6 Georgia,'DejaVu Serif',serif}
main{max-width:62rem;margin:0 auto;padding:2rem 1.5rem}
article+article{border-top:2px solid #ccc;margin-top:3rem;padding-top:1rem}
header h1{font-size:1.9rem;line-height:1.25;margin:.2rem 0}
.byline,.source{color:#555;margin:.2rem 0;font-size:.95rem}
.legend{margin:1rem 0 2rem;font:.85rem/1.4 sans-serif}
.legend span{display:inline-block;padding:.1rem .5rem;margin:0 .3rem .3rem 0;border-radius:.3rem}
.row{display:grid;grid-template-columns:minmax(0,40rem) minmax(0,17rem);gap:1.5rem;align-items:start}
.row>:first-child{margin:.6rem 0}
aside{font:.85rem/1.45 sans-serif;margin:.6rem 0}
.note{white-space:pre-wrap;padding:.3rem .5rem;margin:0 0 .5rem;border-left:4px solid #999}
.note b{font-weight:600}
mark{color:inherit;padding:0 .05em;border-radius:.15em}
sup.ref{font:bold .7rem sans-serif;color:#444}
blockquote{border-left:3px solid #ccc;padding-left:1rem;color:#333}
pre{white-space:pre-wrap;font-size:.85rem;background:#f2f2f2;padding:.6rem}
ul.item{padding-left:1.3rem}
.boilerplate{color:#999}
.orphans,.outline{border-top:1px solid #ddd;margin-top:2rem}
.orphans blockquote{margin:.5rem 0}
@media (max-width:48rem){.row{grid-template-columns:minmax(0,1fr)}}
";

/// Escapes text for HTML element content and attribute values: `&`, `<`, `>`, `"` and `'`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(&mut out, text);
    out
}

/// Appends `text` to `out` escaped as [`escape`] does, copying the runs between markup
/// characters whole (the five are ASCII, so they never occur inside a multi-byte character).
fn escape_into(out: &mut String, text: &str) {
    let mut copied = 0;
    for (index, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[copied..index]);
        out.push_str(entity);
        copied = index + 1;
    }
    out.push_str(&text[copied..]);
}

/// Renders the page.
pub fn render(inputs: &[ExportInput]) -> String {
    let title = match inputs {
        [single] => format!("Highlights: {}", single.title()),
        many => format!("Highlights from {} articles", many.len()),
    };
    let mut tags: Vec<String> = Vec::new();
    for highlight in inputs.iter().flat_map(|input| input.highlights) {
        let class = tag_class(highlight.label());
        if !tags.contains(&class) {
            tags.push(class);
        }
    }
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        escape(CONTENT_SECURITY_POLICY)
    );
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    out.push_str("<style>\n");
    out.push_str(STYLE);
    for class in &tags {
        let colour = tag_colour(class);
        let _ = writeln!(
            out,
            ".{class}{{background:{colour}}}.note.{class}{{border-left-color:{colour}}}"
        );
    }
    out.push_str("</style>\n</head>\n<body>\n<main>\n");
    for input in inputs {
        article(&mut out, input);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// One `<article>`: header, legend, text with marks and notes, orphans, outline.
fn article(out: &mut String, input: &ExportInput) {
    let meta = input.metadata;
    out.push_str("<article>\n<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(input.title()));
    let byline: Vec<&str> = [&meta.author, &meta.date, &meta.publisher]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if !byline.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"byline\">{}</p>",
            escape(&byline.join(" · "))
        );
    }
    let _ = writeln!(
        out,
        "<p class=\"source\">Source: {} · {} highlights</p>",
        escape(input.source_file),
        input.highlights.len()
    );
    out.push_str("</header>\n");
    legend(out, input);
    let ordered = input.highlights_in_reading_order();
    let placed = byte_spans(input.document, &ordered);
    let mut number = 0;
    let numbers: Vec<Option<usize>> = ordered
        .iter()
        .map(|highlight| {
            has_note(highlight).then(|| {
                number += 1;
                number
            })
        })
        .collect();
    let blocks = &input.document.blocks;
    let mut per_block: Vec<Vec<&Placed>> = vec![Vec::new(); blocks.len()];
    for highlight in &placed {
        for (index, block) in blocks.iter().enumerate().skip(highlight.first_block) {
            if block.span.start >= highlight.bytes.end {
                break;
            }
            per_block[index].push(highlight);
        }
    }
    out.push_str("<section class=\"text\">\n");
    for (index, inside) in per_block.iter().enumerate() {
        block_row(out, input.document, index, inside, &numbers);
    }
    out.push_str("</section>\n");
    orphans(out, &ordered);
    if let Some(outline) = input.outline {
        out.push_str("<section class=\"outline\">\n<h2>Outline</h2>\n");
        for (title, lines) in outline_sections(outline) {
            let _ = writeln!(out, "<h3>{title}</h3>");
            if lines.is_empty() {
                out.push_str("<p>None found.</p>\n");
                continue;
            }
            out.push_str("<ul>\n");
            for line in lines {
                let _ = writeln!(out, "<li>{}</li>", escape(&line));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</article>\n");
}

/// The tags used in this article as coloured chips.
fn legend(out: &mut String, input: &ExportInput) {
    let groups = input.highlights_by_tag();
    if groups.is_empty() {
        return;
    }
    out.push_str("<p class=\"legend\">");
    for (tag, highlights) in groups {
        let _ = write!(
            out,
            "<span class=\"{}\">{} ({})</span>",
            tag_class(tag),
            escape(tag),
            highlights.len()
        );
    }
    out.push_str("</p>\n");
}

/// A highlight with a byte range in the document text.
struct Placed<'a> {
    highlight: &'a ExportHighlight,
    bytes: Range<usize>,
    /// Index into the reading-order list (for note numbers).
    index: usize,
    /// The block it starts in (or the next one, if it starts between blocks): where its note
    /// is shown.
    first_block: usize,
}

/// The byte ranges of the placed highlights (orphans, empty spans and spans past the last
/// block left out).
fn byte_spans<'a>(document: &Document, ordered: &[&'a ExportHighlight]) -> Vec<Placed<'a>> {
    ordered
        .iter()
        .enumerate()
        .filter_map(|(index, highlight)| {
            let span = highlight.span.as_ref()?;
            let bytes = document.byte_offset(span.start)..document.byte_offset(span.end);
            let first_block = document.block_at(bytes.start)?;
            (bytes.start < bytes.end).then_some(Placed {
                highlight,
                bytes,
                index,
                first_block,
            })
        })
        .collect()
}

/// Block `index` as a grid row: its text with the highlights `inside` it marked on the left,
/// the notes of those that start in it on the right.
fn block_row(
    out: &mut String,
    document: &Document,
    index: usize,
    inside: &[&Placed],
    numbers: &[Option<usize>],
) {
    let block = &document.blocks[index];
    let span = &block.span;
    let element = block_element(block);
    let class = if block.is_boilerplate() {
        " class=\"boilerplate\""
    } else {
        ""
    };
    let list = block.kind == BlockKind::ListItem;
    out.push_str("<div class=\"row\">");
    if list {
        out.push_str("<ul class=\"item\">");
    }
    let _ = write!(out, "<{element}{class}>");
    marked_text(out, document, span, inside, numbers);
    let _ = write!(out, "</{element}>");
    if list {
        out.push_str("</ul>");
    }
    let notes: Vec<&&Placed> = inside
        .iter()
        .filter(|p| p.first_block == index && has_note(p.highlight))
        .collect();
    if !notes.is_empty() {
        out.push_str("<aside>");
        for placed in notes {
            let highlight = placed.highlight;
            let _ = write!(
                out,
                "<div class=\"note {}\"><b>{} {}</b>\n{}</div>",
                tag_class(highlight.label()),
                numbers[placed.index].unwrap_or_default(),
                escape(highlight.label()),
                escape(highlight.note.as_deref().unwrap_or_default().trim())
            );
        }
        out.push_str("</aside>");
    }
    out.push_str("</div>\n");
}

/// The HTML element a block is written as.
fn block_element(block: &Block) -> &'static str {
    match block.kind {
        BlockKind::Heading => {
            const HEADINGS: [&str; 5] = ["h2", "h3", "h4", "h5", "h6"];
            HEADINGS[usize::from(block.level.clamp(1, 5)) - 1]
        }
        BlockKind::Paragraph => "p",
        BlockKind::BlockQuote => "blockquote",
        BlockKind::ListItem => "li",
        BlockKind::Preformatted => "pre",
    }
}

/// The text of `span` with each run covered by highlights wrapped in a `<mark>` of the tag of
/// the innermost (latest-starting) one, and note numbers after the runs where noted highlights
/// end.
fn marked_text(
    out: &mut String,
    document: &Document,
    span: &Range<usize>,
    inside: &[&Placed],
    numbers: &[Option<usize>],
) {
    let mut cuts: Vec<usize> = vec![span.start, span.end];
    for placed in inside {
        cuts.push(placed.bytes.start.clamp(span.start, span.end));
        cuts.push(placed.bytes.end.clamp(span.start, span.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2) {
        let run = pair[0]..pair[1];
        let text = document.slice(&run);
        let innermost = inside
            .iter()
            .filter(|p| p.bytes.start <= run.start && p.bytes.end >= run.end)
            .max_by_key(|p| (p.bytes.start, std::cmp::Reverse(p.bytes.end)));
        match innermost {
            Some(placed) => {
                let tag = placed.highlight.label();
                let _ = write!(out, "<mark class=\"{}\" title=\"", tag_class(tag));
                escape_into(out, tag);
                out.push_str("\">");
                escape_into(out, text);
                out.push_str("</mark>");
            }
            None => escape_into(out, text),
        }
        for placed in inside.iter().filter(|p| p.bytes.end == run.end) {
            if let Some(number) = numbers[placed.index] {
                let _ = write!(out, "<sup class=\"ref\">{number}</sup>");
            }
        }
    }
}

/// Highlights that could not be placed in the current text, with their quotes and notes.
fn orphans(out: &mut String, ordered: &[&ExportHighlight]) {
    let orphans: Vec<&&ExportHighlight> = ordered.iter().filter(|h| h.span.is_none()).collect();
    if orphans.is_empty() {
        return;
    }
    out.push_str("<section class=\"orphans\">\n<h2>Not found in the current text</h2>\n");
    for highlight in orphans {
        let _ = writeln!(
            out,
            "<blockquote><mark class=\"{}\">{}</mark></blockquote>",
            tag_class(highlight.label()),
            escape(&highlight.quote)
        );
        if has_note(highlight) {
            let _ = writeln!(
                out,
                "<div class=\"note {}\">{}</div>",
                tag_class(highlight.label()),
                escape(highlight.note.as_deref().unwrap_or_default().trim())
            );
        }
    }
    out.push_str("</section>\n");
}

fn has_note(highlight: &ExportHighlight) -> bool {
    highlight
        .note
        .as_deref()
        .is_some_and(|note| !note.trim().is_empty())
}

/// The CSS class of a tag: `tag-` and the tag lower-cased, with anything but ASCII letters,
/// digits and `-` replaced by `-` (so a tag can never inject CSS or HTML).
pub fn tag_class(tag: &str) -> String {
    let name: String = tag
        .chars()
        .map(|ch| {
            if ch.is_ascii_alphanumeric() {
                ch.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("tag-{name}")
}

/// The background colour of a tag class: the built-in tags' own, else one of the spare
/// colours picked by an FNV-1a hash of the class name.
fn tag_colour(class: &str) -> &'static str {
    let name = class.strip_prefix("tag-").unwrap_or(class);
    if let Some((_, colour)) = TAG_COLOURS.iter().find(|(tag, _)| *tag == name) {
        return colour;
    }
    let hash = class.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    let index = usize::try_from(hash % SPARE_COLOURS.len() as u64).unwrap_or_default();
    SPARE_COLOURS[index]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Article and note text is data: `<script>` must arrive as text, and a quote character
    /// must not end an attribute value early.
    #[test]
    fn escape_neutralises_markup_characters() {
        assert_eq!(
            escape("<script>alert(\"x&y\")</script> it's"),
            "&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt; it&#39;s"
        );
        assert_eq!(escape("Zürich — 東京"), "Zürich — 東京");
    }

    /// Tags are user text that ends up in class names and the style sheet.
    #[test]
    fn tag_classes_are_css_identifiers() {
        assert_eq!(tag_class("Claim"), "tag-claim");
        assert_eq!(tag_class("to do}<x>"), "tag-to-do--x-");
        assert_eq!(tag_class("né"), "tag-n-");
    }

    /// A highlight may run across a paragraph break, or start on the blank line between two
    /// paragraphs: both paragraphs are marked, and its note is shown once, beside the first.
    #[test]
    fn highlights_across_blocks_mark_each_and_note_once() {
        use crate::document::{DocumentBuilder, Format as SourceFormat};
        let mut builder = DocumentBuilder::new(SourceFormat::Text);
        builder.push(BlockKind::Paragraph, 0, "First part ends here.");
        builder.push(BlockKind::Paragraph, 0, "Second part starts here.");
        let document = builder.build();
        let highlight = |start: usize, end: usize, id: &str| ExportHighlight {
            id: id.to_owned(),
            tag: Some("claim".to_owned()),
            note: Some(format!("note {id}")),
            quote: document
                .text
                .chars()
                .skip(start)
                .take(end - start)
                .collect(),
            prefix: String::new(),
            suffix: String::new(),
            span: Some(start..end),
            created: jiff::Timestamp::UNIX_EPOCH,
            updated: jiff::Timestamp::UNIX_EPOCH,
        };
        let between = document.text.find("\n\n").unwrap();
        let highlights = [
            highlight(11, 29, "across"),
            highlight(between + 1, 30, "gap"),
        ];
        let input = ExportInput {
            metadata: &document.metadata,
            source_file: "a.txt",
            document: &document,
            highlights: &highlights,
            outline: None,
        };
        let html = render(&[input]);
        assert!(
            html.contains("First part <mark class=\"tag-claim\" title=\"claim\">ends here.</mark>")
        );
        assert!(html.contains("<p><mark class=\"tag-claim\" title=\"claim\">Second</mark>"));
        assert_eq!(html.matches("note across").count(), 1);
        assert_eq!(html.matches("note gap").count(), 1);
        let first_row = html
            .split("<div class=\"row\">")
            .find(|row| row.contains("First part"))
            .unwrap();
        assert!(first_row.contains("note across") && !first_row.contains("note gap"));
    }

    #[test]
    fn built_in_tags_keep_their_colours_and_others_get_a_stable_spare() {
        assert_eq!(tag_colour("tag-claim"), "#bcd7ff");
        let spare = tag_colour("tag-reading-list");
        assert!(SPARE_COLOURS.contains(&spare));
        assert_eq!(spare, tag_colour("tag-reading-list"));
    }
}
