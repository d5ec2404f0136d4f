//! Markdown front-end (CommonMark via pulldown-cmark).
//!
//! Headings keep their level, block quotes their nesting depth and list items theirs; code
//! blocks become preformatted blocks; emphasis, strong emphasis, inline code and link text are
//! kept as inline styles (link targets and images are dropped); a table becomes one preformatted
//! block of aligned columns (see [`super::table`]), strike-through text stays as plain text.
//! Metadata comes from YAML front
//! matter when present, then from the first heading and the byline and date lines under it.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{dates, metadata, table};
use crate::document::{BlockKind, Document, DocumentBuilder, Format, InlineStyle, Metadata};

/// Parses Markdown into a document with metadata and boilerplate flags.
pub fn parse(text: &str) -> Document {
    let (front, body) = split_front_matter(text);
    let mut builder = DocumentBuilder::new(Format::Markdown);
    let mut walker = Walker::default();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(body, options) {
        walker.event(event, &mut builder);
    }
    walker.flush(&mut builder);
    let infos = super::boilerplate::BlockInfo::of_builder(&builder);
    let found = metadata::extract(&infos).metadata;
    *builder.metadata_mut() = merge(front.map(parse_front_matter).unwrap_or_default(), found);
    metadata::finish(&mut builder);
    builder.build()
}

/// Turns pulldown-cmark events into blocks.
#[derive(Debug, Default)]
struct Walker {
    /// Text of the block being gathered.
    text: String,
    /// Finished inline styles of that block (byte ranges into `text`).
    styles: Vec<(Range<usize>, InlineStyle)>,
    /// Inline styles opened and not yet closed: where each starts.
    open_styles: Vec<(usize, InlineStyle)>,
    /// Heading level while inside a heading.
    heading: Option<u8>,
    /// Nesting depth of block quotes.
    quote_depth: u8,
    /// Nesting depth of lists.
    list_depth: u8,
    /// Whether the walker is inside a code block.
    in_code: bool,
    /// Nesting depth of images, whose alt text is dropped.
    image_depth: u8,
    /// The table being gathered, if the walker is inside one.
    table: Option<TableCells>,
}

/// The cells of a Markdown table, gathered row by row.
#[derive(Debug, Default)]
struct TableCells {
    /// Finished rows, each a list of cell texts.
    rows: Vec<Vec<String>>,
    /// How many of the rows are header rows.
    header_rows: usize,
}

impl Walker {
    fn event(&mut self, event: Event, builder: &mut DocumentBuilder) {
        match event {
            Event::Start(tag) => self.start(tag, builder),
            Event::End(tag) => self.end(tag, builder),
            Event::Text(text) if self.image_depth == 0 => self.text.push_str(&text),
            Event::Code(code) => {
                let start = self.text.len();
                self.text.push_str(&code);
                self.styles
                    .push((start..self.text.len(), InlineStyle::Code));
            }
            Event::SoftBreak => self.text.push(' '),
            Event::HardBreak => self.text.push('\n'),
            Event::Rule => self.flush(builder),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag, builder: &mut DocumentBuilder) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush(builder);
                self.heading = Some(level as u8);
            }
            Tag::Paragraph | Tag::Item | Tag::HtmlBlock => self.flush(builder),
            Tag::BlockQuote(_) => {
                self.flush(builder);
                self.quote_depth += 1;
            }
            Tag::List(_) => {
                self.flush(builder);
                self.list_depth += 1;
            }
            Tag::CodeBlock(_) => {
                self.flush(builder);
                self.in_code = true;
            }
            Tag::Emphasis => self
                .open_styles
                .push((self.text.len(), InlineStyle::Emphasis)),
            Tag::Strong => self
                .open_styles
                .push((self.text.len(), InlineStyle::Strong)),
            Tag::Link { .. } => self.open_styles.push((self.text.len(), InlineStyle::Link)),
            Tag::Image { .. } => self.image_depth += 1,
            Tag::Table(_) => {
                self.flush(builder);
                self.table = Some(TableCells::default());
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(table) = &mut self.table {
                    table.rows.push(Vec::new());
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, builder: &mut DocumentBuilder) {
        match tag {
            TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item | TagEnd::HtmlBlock => {
                self.flush(builder);
            }
            TagEnd::CodeBlock => {
                self.flush(builder);
                self.in_code = false;
            }
            TagEnd::BlockQuote(_) => {
                self.flush(builder);
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.flush(builder);
                self.list_depth = self.list_depth.saturating_sub(1);
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link => {
                if let Some((start, style)) = self.open_styles.pop() {
                    self.styles.push((start..self.text.len(), style));
                }
            }
            TagEnd::Image => self.image_depth = self.image_depth.saturating_sub(1),
            TagEnd::TableCell => {
                let cell = std::mem::take(&mut self.text);
                self.styles.clear();
                self.open_styles.clear();
                if let Some(row) = self.table.as_mut().and_then(|table| table.rows.last_mut()) {
                    row.push(cell);
                }
            }
            TagEnd::TableHead => {
                if let Some(table) = &mut self.table {
                    table.header_rows = table.rows.len();
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    self.in_code = true;
                    self.text = table::layout(&table.rows, table.header_rows);
                    self.flush(builder);
                    self.in_code = false;
                }
            }
            _ => {}
        }
    }

    /// Pushes the gathered text as a block of the kind the context gives.
    fn flush(&mut self, builder: &mut DocumentBuilder) {
        if !self.text.trim().is_empty() {
            let (kind, level) = if let Some(level) = self.heading {
                (BlockKind::Heading, level)
            } else if self.in_code {
                (BlockKind::Preformatted, 0)
            } else if self.list_depth > 0 {
                (BlockKind::ListItem, self.list_depth)
            } else if self.quote_depth > 0 {
                (BlockKind::BlockQuote, self.quote_depth)
            } else {
                (BlockKind::Paragraph, 0)
            };
            let text = if self.in_code {
                self.text.trim_end_matches('\n')
            } else {
                &self.text
            };
            builder.push_styled(kind, level, text, &self.styles);
        }
        self.text.clear();
        self.styles.clear();
        let reopened: Vec<_> = self
            .open_styles
            .iter()
            .map(|&(_, style)| (0, style))
            .collect();
        self.open_styles = reopened;
        self.heading = None;
    }
}

/// Splits YAML front matter (between `---` lines at the very top) from the body.
fn split_front_matter(text: &str) -> (Option<&str>, &str) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return (None, text);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if matches!(line.trim_end(), "---" | "...") {
            return (Some(&rest[..offset]), &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    (None, text)
}

/// Reads the metadata keys of simple YAML front matter: `key: value` lines, with lists as
/// `[a, b]`, a comma-separated string, or `- item` lines below the key.
fn parse_front_matter(front: &str) -> Metadata {
    let mut metadata = Metadata::default();
    let mut list_key: Option<String> = None;
    for line in front.lines() {
        if let Some(item) = line.trim_start().strip_prefix("- ")
            && line.starts_with([' ', '-'])
        {
            if let Some(key) = &list_key {
                let item = unquote(item);
                match key.as_str() {
                    "tags" | "keywords" | "categories" => metadata.tags.push(item),
                    "author" | "authors" => {
                        let joined = match metadata.author.take() {
                            Some(previous) => format!("{previous}, {item}"),
                            None => item,
                        };
                        metadata.author = Some(joined);
                    }
                    _ => {}
                }
            }
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim();
        list_key = value.is_empty().then(|| key.clone());
        if value.is_empty() {
            continue;
        }
        let text = unquote(value);
        match key.as_str() {
            "title" => metadata.title = Some(text),
            "author" | "authors" | "by" | "byline" => {
                metadata.author = Some(list_items(value).join(", "));
            }
            "date" | "published" | "pubdate" | "date_published" => {
                metadata.date = dates::parse_date(&text).or(metadata.date);
            }
            "publisher" | "site" | "site_name" | "publication" => metadata.publisher = Some(text),
            "tags" | "keywords" | "categories" => metadata.tags = list_items(value),
            "description" | "summary" | "subtitle" | "standfirst" | "dek" | "excerpt" => {
                metadata.standfirst = Some(text);
            }
            _ => {}
        }
    }
    metadata
}

/// The items of a YAML flow list `[a, "b"]` or a comma-separated string.
fn list_items(value: &str) -> Vec<String> {
    let inner = value
        .trim()
        .strip_prefix('[')
        .and_then(|v| v.strip_suffix(']'))
        .unwrap_or(value);
    inner
        .split(',')
        .map(unquote)
        .filter(|item| !item.is_empty())
        .collect()
}

fn unquote(value: &str) -> String {
    value
        .trim()
        .trim_matches(|c| c == '"' || c == '\'')
        .trim()
        .to_owned()
}

/// Front matter wins; what the text shows fills the gaps.
fn merge(front: Metadata, found: Metadata) -> Metadata {
    Metadata {
        title: front.title.or(found.title),
        author: front.author.or(found.author),
        date: front.date.or(found.date),
        publisher: front.publisher.or(found.publisher),
        tags: if front.tags.is_empty() {
            found.tags
        } else {
            front.tags
        },
        standfirst: front.standfirst.or(found.standfirst),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(doc: &Document) -> Vec<(BlockKind, u8, &str)> {
        (0..doc.blocks.len())
            .map(|i| (doc.blocks[i].kind, doc.blocks[i].level, doc.block_text(i)))
            .collect()
    }

    /// Structure survives: heading levels, quote depth, list depth, code verbatim.
    #[test]
    fn block_structure() {
        let doc = parse(
            "# Title\n\nIntro *para*.\n\n## Part\n\n> Quoted.\n>\n> > Nested.\n\n\
             - one\n  - inner\n- two\n\n```\ncode  here\n```\n",
        );
        assert_eq!(
            kinds(&doc),
            [
                (BlockKind::Heading, 1, "Title"),
                (BlockKind::Paragraph, 0, "Intro para."),
                (BlockKind::Heading, 2, "Part"),
                (BlockKind::BlockQuote, 1, "Quoted."),
                (BlockKind::BlockQuote, 2, "Nested."),
                (BlockKind::ListItem, 1, "one"),
                (BlockKind::ListItem, 2, "inner"),
                (BlockKind::ListItem, 1, "two"),
                (BlockKind::Preformatted, 0, "code  here"),
            ]
        );
    }

    /// Emphasis, strong, code and links are kept as inline styles over the right text; link
    /// targets and images are dropped.
    #[test]
    fn inline_styles() {
        let doc = parse("A *b* **c** `d` [e](http://x.org) ![alt](i.png) f.\n");
        assert_eq!(doc.block_text(0), "A b c d e  f.");
        let styled: Vec<(&str, InlineStyle)> = doc.blocks[0]
            .styles
            .iter()
            .map(|s| (doc.slice(&s.span), s.style))
            .collect();
        assert!(styled.contains(&("b", InlineStyle::Emphasis)));
        assert!(styled.contains(&("c", InlineStyle::Strong)));
        assert!(styled.contains(&("d", InlineStyle::Code)));
        assert!(styled.contains(&("e", InlineStyle::Link)));
    }

    /// The first heading is the title; byline and date lines under it are metadata and
    /// flagged; an emphasised summary under them is the standfirst.
    #[test]
    fn title_byline_date_standfirst() {
        let doc = parse(
            "# Harbours Are Losing Money\n\nBy Jane Roe\n\nMarch 3, 2025\n\n\
             *Shipping has moved elsewhere.*\n\nThe council voted on Tuesday to extend the \
             programme for another three years, despite objections.\n",
        );
        let meta = &doc.metadata;
        assert_eq!(meta.title.as_deref(), Some("Harbours Are Losing Money"));
        assert_eq!(meta.author.as_deref(), Some("Jane Roe"));
        assert_eq!(meta.date.as_deref(), Some("2025-03-03"));
        assert_eq!(
            meta.standfirst.as_deref(),
            Some("Shipping has moved elsewhere.")
        );
        assert!(doc.blocks[1].is_boilerplate() && doc.blocks[2].is_boilerplate());
        assert!(!doc.blocks[4].is_boilerplate());
    }

    /// A pipe table becomes one preformatted block of aligned columns (the outline skips
    /// preformatted text), not a paragraph of pipes and dashes; inline markup in cells is
    /// reduced to its text, and the paragraphs around the table are untouched.
    #[test]
    fn table_becomes_an_aligned_preformatted_block() {
        let doc = parse(
            "Before.\n\n| Port | Ships |\n|---|---:|\n| *Harwick* | 12 |\n| Oban | 7 |\n\nAfter.\n",
        );
        assert_eq!(
            kinds(&doc),
            [
                (BlockKind::Paragraph, 0, "Before."),
                (
                    BlockKind::Preformatted,
                    0,
                    "Port     Ships\n───────  ─────\nHarwick  12\nOban     7"
                ),
                (BlockKind::Paragraph, 0, "After."),
            ]
        );
    }

    /// Strike-through markers are dropped and the struck text kept, as with other emphasis.
    #[test]
    fn strikethrough_keeps_its_text() {
        assert_eq!(
            parse("Keep ~~this~~ text.\n").block_text(0),
            "Keep this text."
        );
    }

    /// YAML front matter supplies metadata and is not part of the text.
    #[test]
    fn front_matter() {
        let doc = parse(
            "---\ntitle: \"From Front Matter\"\nauthor: [Jane Roe, John Doe]\n\
             date: 2025-03-03\ntags:\n  - ports\n  - trade\ndescription: A summary.\n---\n\
             # Other Heading\n\nBody text here.\n",
        );
        let meta = &doc.metadata;
        assert_eq!(meta.title.as_deref(), Some("From Front Matter"));
        assert_eq!(meta.author.as_deref(), Some("Jane Roe, John Doe"));
        assert_eq!(meta.date.as_deref(), Some("2025-03-03"));
        assert_eq!(meta.tags, ["ports", "trade"]);
        assert_eq!(meta.standfirst.as_deref(), Some("A summary."));
        assert_eq!(doc.block_text(0), "Other Heading");
    }
}
