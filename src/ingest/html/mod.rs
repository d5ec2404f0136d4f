//! HTML front-end: reads a web page the way a browser's reader view does.
//!
//! The page is parsed with `scraper` (html5ever, a spec-compliant HTML5 parser). Metadata is
//! gathered from the whole page first ([`metadata`]); then page chrome is detached
//! ([`chrome`]), the element holding the article is chosen ([`content`]) and walked into blocks
//! with inline styles ([`blocks`]). If stripping by `class`/`id` words left almost nothing, the
//! page is read again with only tag- and role-based stripping.

mod blocks;
mod chrome;
mod content;
mod jsonld;
mod metadata;

use scraper::{ElementRef, Html};

use super::read::neutralise_controls;
use crate::document::{Document, DocumentBuilder, Format};

/// Below this many characters of article text, class-word stripping is assumed to have
/// removed the article and the page is read again without it.
const MIN_ARTICLE_CHARS: usize = 250;

/// Parses an HTML page into a [`Document`].
pub fn parse(source: &str) -> Document {
    let page = Html::parse_document(source);
    let (mut builder, mut container) = read_article(&page, chrome::Strictness::Full);
    if article_chars(&builder) < MIN_ARTICLE_CHARS {
        let (fallback, fallback_container) = read_article(&page, chrome::Strictness::TagsOnly);
        if article_chars(&fallback) > article_chars(&builder) {
            builder = fallback;
            container = fallback_container;
        }
    }
    let headings: Vec<String> = builder
        .blocks()
        .iter()
        .enumerate()
        .filter(|(_, block)| block.kind == crate::document::BlockKind::Heading)
        .map(|(index, _)| builder.block_text(index).to_owned())
        .collect();
    let hints = metadata::ArticleHints {
        container,
        headings: &headings,
    };
    *builder.metadata_mut() = metadata::extract(&page, hints);
    super::boilerplate::flag_boilerplate(&mut builder);
    builder.build()
}

/// Chooses the main container on a copy of the page stripped of all chrome and clutter, then
/// walks that container on a copy stripped of chrome only, so that clutter inside the article
/// (share bars, ad slots, "Related" links) is kept as flagged blocks rather than deleted.
/// Returns the blocks and the container's element in `page`.
fn read_article(
    page: &Html,
    strictness: chrome::Strictness,
) -> (DocumentBuilder, Option<ElementRef<'_>>) {
    let mut stripped = page.clone();
    chrome::strip(&mut stripped, strictness);
    let container_id = content::main_container(&stripped).id();
    let mut kept = page.clone();
    chrome::strip(&mut kept, chrome::Strictness::TagsOnly);
    let mut builder = DocumentBuilder::new(Format::Html);
    let container = kept
        .tree
        .get(container_id)
        .and_then(ElementRef::wrap)
        .unwrap_or_else(|| kept.root_element());
    let flag_clutter = strictness == chrome::Strictness::Full;
    if blocks::emit(container, &mut builder, flag_clutter) {
        builder.warn("terminal escape sequences in the page are shown as ␛");
    }
    let original = page.tree.get(container_id).and_then(ElementRef::wrap);
    (builder, original)
}

/// Characters of text in the blocks built so far that are not flagged as boilerplate.
fn article_chars(builder: &DocumentBuilder) -> usize {
    (0..builder.blocks().len())
        .filter(|&index| !builder.blocks()[index].is_boilerplate())
        .map(|index| builder.block_text(index).len())
        .sum()
}

/// Collapses runs of white space into single spaces and trims the ends.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cleans a metadata string: decodes HTML entities left in it (JSON-LD and doubly-escaped
/// attributes carry them), collapses white space and neutralises control characters.
pub(crate) fn clean_text(text: &str) -> String {
    let decoded = if text.contains('&') {
        decode_entities(text)
    } else {
        text.to_owned()
    };
    neutralise_controls(&collapse_whitespace(&decoded))
}

/// Decodes HTML character references (`&amp;`, `&#8217;`, `&eacute;`…) with the HTML5
/// parser's own tables, so every named entity is known.
pub(crate) fn decode_entities(text: &str) -> String {
    let escaped = text.replace('<', "&lt;").replace('>', "&gt;");
    let fragment = Html::parse_fragment(&format!("<textarea>{escaped}</textarea>"));
    fragment.root_element().text().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::BlockKind;

    #[test]
    fn entities_are_decoded_and_markup_is_not_interpreted() {
        // JSON-LD and doubly-escaped meta tags leave entities in metadata; a title such as
        // "a <b> c" must survive as text, not become markup.
        assert_eq!(
            decode_entities("Caf&eacute; &amp; Bar&#8217;s"),
            "Café & Bar’s"
        );
        assert_eq!(decode_entities("a <b> c &lt;"), "a <b> c <");
        assert_eq!(clean_text("  Tom &amp;\n  Jerry "), "Tom & Jerry");
    }

    #[test]
    fn escape_sequences_in_text_and_metadata_are_neutralised() {
        // `parse` may be handed text that never went through the file reader, and character
        // references can smuggle an ESC in; neither may reach the terminal.
        let doc = parse(
            "<title>T&#27;[2J</title><article><p>Red \x1b[31malert&#x1b;]0;x&#7; here, long \
             enough to be the article body of this small page.</p></article>",
        );
        assert!(!doc.text.chars().any(|c| c.is_control() && c != '\n'));
        assert!(doc.text.contains("␛[31malert␛]0;x␇"), "{}", doc.text);
        assert_eq!(doc.metadata.title.as_deref(), Some("T␛[2J"));
        assert!(doc.warnings.iter().any(|w| w.contains('␛')));
    }

    #[test]
    fn class_word_stripping_falls_back_when_it_removes_the_article() {
        // Some pages put words like "comment" on the only element holding the text; a page
        // with no article left is worse than one with a little clutter.
        let body = "Plain words that make up the whole of this page's article text. ".repeat(6);
        let doc = parse(&format!(
            "<body><div class=commentary-wrapper><p>{body}</p></div></body>"
        ));
        assert_eq!(doc.blocks.len(), 1);
        assert_eq!(doc.blocks[0].kind, BlockKind::Paragraph);
    }
}
