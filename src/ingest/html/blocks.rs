//! Walks the article's container element into document blocks: headings, paragraphs, block
//! quotes, list items and preformatted text, with emphasis, strong, code and link text kept as
//! inline styles. White space is collapsed as a browser would; `<br>` becomes a space.

use std::ops::Range;

use scraper::{ElementRef, Node};

use super::{chrome, neutralise_controls};
use crate::document::{BlockKind, DocumentBuilder, InlineStyle};

/// Elements that start and end a block of their own.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Reason given to figure captions, which are kept but dimmed and kept out of the outline.
pub const CAPTION_REASON: &str = "caption";

/// Emits the blocks of `container` into `builder`; with `flag_clutter`, elements that
/// [`chrome::clutter_reason`] names are kept as blocks flagged with that reason. Returns
/// whether an escape character had to be neutralised.
pub fn emit(container: ElementRef, builder: &mut DocumentBuilder, flag_clutter: bool) -> bool {
    let mut walker = Walker {
        builder,
        flag_clutter,
        line: Line::default(),
        context: vec![Context {
            kind: BlockKind::Paragraph,
            level: 0,
            reason: None,
        }],
        list_depth: 0,
        quote_depth: 0,
        escaped: false,
    };
    walker.children(container);
    walker.flush();
    walker.escaped
}

/// What kind of block text met at this point of the walk becomes.
#[derive(Debug, Clone, Copy)]
struct Context {
    kind: BlockKind,
    level: u8,
    reason: Option<&'static str>,
}

struct Walker<'b> {
    builder: &'b mut DocumentBuilder,
    flag_clutter: bool,
    line: Line,
    context: Vec<Context>,
    list_depth: u8,
    quote_depth: u8,
    escaped: bool,
}

impl Walker<'_> {
    fn children(&mut self, element: ElementRef) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => {
                    let visible = neutralise_controls(text);
                    self.escaped |= visible.len() != text.len() && visible.contains('␛');
                    self.line.push_text(&visible);
                }
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, element: ElementRef) {
        let name = element.value().name();
        if let Some(reason) = self.clutter(element) {
            self.flush();
            let inherited = self.context();
            self.context.push(Context {
                reason: Some(reason),
                ..inherited
            });
            self.element_itself(element, name);
            self.flush();
            self.context.pop();
            return;
        }
        self.element_itself(element, name);
    }

    /// The clutter reason of an element not already inside flagged clutter.
    fn clutter(&self, element: ElementRef) -> Option<&'static str> {
        if !self.flag_clutter || self.context().reason.is_some() {
            return None;
        }
        chrome::clutter_reason(element)
    }

    fn context(&self) -> Context {
        *self.context.last().expect("the walk starts with a context")
    }

    fn element_itself(&mut self, element: ElementRef, name: &str) {
        match name {
            "br" => self.line.push_text(" "),
            "img" | "picture" | "video" | "audio" | "source" | "track" | "map" => {}
            "pre" => self.preformatted(element),
            "em" | "i" | "cite" | "dfn" => self.styled(element, InlineStyle::Emphasis),
            "strong" | "b" => self.styled(element, InlineStyle::Strong),
            "code" | "kbd" | "samp" | "tt" | "var" => self.styled(element, InlineStyle::Code),
            "a" => self.styled(element, InlineStyle::Link),
            _ if BLOCK_TAGS.contains(&name) => self.block(element, name),
            _ => self.children(element),
        }
    }

    fn styled(&mut self, element: ElementRef, style: InlineStyle) {
        self.line.open(style);
        self.children(element);
        self.line.close();
    }

    fn block(&mut self, element: ElementRef, name: &str) {
        self.flush();
        let inherited = self.context();
        let (context, list, quote) = match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name.as_bytes()[1] - b'0';
                (Some(block(BlockKind::Heading, level)), 0, 0)
            }
            "ul" | "ol" | "dl" => (None, 1, 0),
            "li" | "dd" | "dt" => (
                Some(block(BlockKind::ListItem, self.list_depth.max(1))),
                0,
                0,
            ),
            "blockquote" => (
                Some(block(BlockKind::BlockQuote, self.quote_depth + 1)),
                0,
                1,
            ),
            "figcaption" | "caption" => (
                Some(Context {
                    reason: Some(CAPTION_REASON),
                    ..block(BlockKind::Paragraph, 0)
                }),
                0,
                0,
            ),
            _ => (None, 0, 0),
        };
        let context = context.map_or(inherited, |context| Context {
            reason: context.reason.or(inherited.reason),
            ..context
        });
        self.context.push(context);
        self.list_depth += list;
        self.quote_depth += quote;
        self.children(element);
        self.flush();
        self.list_depth -= list;
        self.quote_depth -= quote;
        self.context.pop();
    }

    fn preformatted(&mut self, element: ElementRef) {
        self.flush();
        let raw: String = element.text().collect();
        let visible = neutralise_controls(raw.trim_end().trim_start_matches('\n'));
        self.escaped |= visible.contains('␛');
        let index = self.builder.push(BlockKind::Preformatted, 0, &visible);
        if let (Some(index), Some(reason)) = (index, self.context().reason) {
            self.builder.mark_boilerplate(index, reason);
        }
    }

    /// Ends the current block, if it holds any text.
    fn flush(&mut self) {
        let (text, styles) = self.line.take();
        let context = self.context();
        let index = self
            .builder
            .push_styled(context.kind, context.level, &text, &styles);
        if let (Some(index), Some(reason)) = (index, context.reason) {
            self.builder.mark_boilerplate(index, reason);
        }
    }
}

fn block(kind: BlockKind, level: u8) -> Context {
    Context {
        kind,
        level,
        reason: None,
    }
}

/// The text of the block being gathered, with white space collapsed as it is appended.
#[derive(Debug, Default)]
struct Line {
    text: String,
    styles: Vec<(Range<usize>, InlineStyle)>,
    open: Vec<(usize, InlineStyle)>,
    pending_space: bool,
}

impl Line {
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
            } else {
                self.settle_space();
                self.text.push(c);
            }
        }
    }

    fn settle_space(&mut self) {
        if self.pending_space && !self.text.is_empty() && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
        self.pending_space = false;
    }

    fn open(&mut self, style: InlineStyle) {
        self.settle_space();
        self.open.push((self.text.len(), style));
    }

    fn close(&mut self) {
        if let Some((start, style)) = self.open.pop() {
            self.add_style(start, style);
        }
    }

    fn add_style(&mut self, start: usize, style: InlineStyle) {
        let end = self.text.trim_end().len();
        if start < end {
            self.styles.push((start..end, style));
        }
    }

    /// Takes the text and styles gathered so far; styles still open carry on into the next
    /// block (a link wrapping two paragraphs styles both).
    fn take(&mut self) -> (String, Vec<(Range<usize>, InlineStyle)>) {
        let open = std::mem::take(&mut self.open);
        for &(start, style) in &open {
            self.add_style(start, style);
        }
        self.open = open.into_iter().map(|(_, style)| (0, style)).collect();
        self.pending_space = false;
        self.styles.sort_by_key(|(range, _)| range.start);
        (
            std::mem::take(&mut self.text),
            std::mem::take(&mut self.styles),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};
    use scraper::{Html, Selector};

    fn blocks_of(html: &str) -> Document {
        let page = Html::parse_document(html);
        let body = page
            .select(&Selector::parse("body").unwrap())
            .next()
            .unwrap();
        let mut builder = DocumentBuilder::new(Format::Html);
        emit(body, &mut builder, true);
        builder.build()
    }

    fn summary(doc: &Document) -> Vec<(BlockKind, u8, String)> {
        doc.blocks
            .iter()
            .enumerate()
            .map(|(i, b)| (b.kind, b.level, doc.block_text(i).to_owned()))
            .collect()
    }

    #[test]
    fn block_elements_map_to_block_kinds() {
        // Readers navigate by headings and the outline treats quotes and lists differently
        // from prose, so the page's structure must survive.
        let doc = blocks_of(
            "<h2>Part  one</h2><p>Para\n text.</p><blockquote><p>Quoted.</p></blockquote>\
             <ul><li>One<ul><li>Nested</li></ul></li></ul><pre>a  b\n  c</pre>",
        );
        assert_eq!(
            summary(&doc),
            vec![
                (BlockKind::Heading, 2, "Part one".into()),
                (BlockKind::Paragraph, 0, "Para text.".into()),
                (BlockKind::BlockQuote, 1, "Quoted.".into()),
                (BlockKind::ListItem, 1, "One".into()),
                (BlockKind::ListItem, 2, "Nested".into()),
                (BlockKind::Preformatted, 0, "a  b\n  c".into()),
            ]
        );
    }

    #[test]
    fn inline_markup_becomes_styles_on_collapsed_text() {
        // Emphasis and links carry meaning (titles, scare quotes, sources) that the reader
        // shows; their offsets must land on the words after white space is collapsed.
        let doc = blocks_of(
            "<p>A  <em>very</em>\n<strong> bold </strong> <a href=x>link text</a><br>next \
             <code>x()</code></p>",
        );
        let block = &doc.blocks[0];
        assert_eq!(doc.block_text(0), "A very bold link text next x()");
        let styled: Vec<(&str, InlineStyle)> = block
            .styles
            .iter()
            .map(|s| (doc.slice(&s.span), s.style))
            .collect();
        assert_eq!(
            styled,
            vec![
                ("very", InlineStyle::Emphasis),
                ("bold", InlineStyle::Strong),
                ("link text", InlineStyle::Link),
                ("x()", InlineStyle::Code),
            ]
        );
    }

    #[test]
    fn text_beside_nested_blocks_is_split_not_merged() {
        // Loose text in a div next to a paragraph is its own block; merging it would glue a
        // caption or a dateline onto the first sentence.
        let doc = blocks_of("<div>Loose line<p>Paragraph.</p>Tail</div>");
        let texts: Vec<_> = (0..doc.blocks.len()).map(|i| doc.block_text(i)).collect();
        assert_eq!(texts, ["Loose line", "Paragraph.", "Tail"]);
    }

    #[test]
    fn clutter_inside_the_article_is_kept_and_flagged() {
        // A share bar or a "Related" list inside the article is not prose, but the reader may
        // want to see it: it is kept, flagged, with every block inside it flagged too.
        let doc = blocks_of(
            "<p>Body.</p><div class=share-tools>Share: Email Print</div>\
             <div class=related-links><ul><li>Other story</li></ul></div><p>More.</p>",
        );
        let reasons: Vec<_> = doc
            .blocks
            .iter()
            .map(|b| b.boilerplate.as_deref())
            .collect();
        assert_eq!(
            reasons,
            [None, Some("share widget"), Some("related links"), None]
        );
        assert_eq!(doc.blocks[2].kind, BlockKind::ListItem);
    }

    #[test]
    fn figure_captions_are_kept_but_flagged() {
        // Captions and photo credits are not the article's argument, but nothing is deleted.
        let doc = blocks_of(
            "<figure><img src=x><figcaption>A photo. Credit: X</figcaption></figure><p>Body.</p>",
        );
        assert_eq!(doc.blocks[0].boilerplate.as_deref(), Some(CAPTION_REASON));
        assert!(!doc.blocks[1].is_boilerplate());
    }
}
