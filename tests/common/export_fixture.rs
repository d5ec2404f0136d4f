//! The export fixture: an invented article (`tests/fixtures/export/article.md`) with
//! highlights of several tags (`highlights.toml`) and a hand-made outline, shared by the export
//! golden, import and browser tests.

use std::ops::Range;
use std::path::PathBuf;

use margent::document::{BlockKind, Document, DocumentBuilder, Format, Metadata};
use margent::export::ExportHighlight;
use margent::outline::{ItemKind, Outline, OutlineItem};
use serde::Deserialize;

/// Characters of context kept before and after a quote, as the sidecar keeps them.
pub const CONTEXT_CHARS: usize = 32;

/// The folder of the export fixtures.
pub fn fixture_dir() -> PathBuf {
    super::crate_dir().join("tests/fixtures/export")
}

/// The folder of the expected export outputs.
pub fn golden_dir() -> PathBuf {
    super::crate_dir().join("tests/golden/export")
}

/// The fixture article's text as written on disk.
pub fn article_text() -> String {
    std::fs::read_to_string(fixture_dir().join("article.md")).expect("fixture article exists")
}

/// Builds a document from `text` line by line: `#`/`##` headings, `- ` list items, other
/// non-empty lines paragraphs. Kept independent of ingest so the goldens only change when
/// export does.
pub fn document_from(text: &str) -> Document {
    let mut builder = DocumentBuilder::new(Format::Markdown);
    for line in text.lines() {
        let hashes = line.chars().take_while(|&ch| ch == '#').count();
        if hashes > 0 && line[hashes..].starts_with(' ') {
            let level = u8::try_from(hashes).unwrap_or(6);
            builder.push(BlockKind::Heading, level, &line[hashes..]);
        } else if let Some(item) = line.strip_prefix("- ") {
            builder.push(BlockKind::ListItem, 1, item);
        } else {
            builder.push(BlockKind::Paragraph, 0, line);
        }
    }
    *builder.metadata_mut() = Metadata {
        title: Some("Shade Before Speed: Cooling Cities in a Hotter Decade".to_owned()),
        author: Some("Mara Quell".to_owned()),
        date: Some("2026-10-30".to_owned()),
        publisher: Some("The Civic \"Ledger\" & Review".to_owned()),
        tags: vec!["urban policy".to_owned(), "heat".to_owned()],
        standfirst: None,
    };
    builder.build()
}

/// The fixture article's document.
pub fn document() -> Document {
    document_from(&article_text())
}

#[derive(Debug, Deserialize)]
struct HighlightsFile {
    highlight: Vec<FixtureHighlight>,
}

#[derive(Debug, Deserialize)]
struct FixtureHighlight {
    id: String,
    tag: Option<String>,
    quote: String,
    #[serde(default = "first")]
    occurrence: usize,
    note: Option<String>,
    created: String,
    updated: String,
}

fn first() -> usize {
    1
}

/// The fixture's highlights anchored in `document` (orphans where the quote is absent).
pub fn highlights(document: &Document) -> Vec<ExportHighlight> {
    let text = std::fs::read_to_string(fixture_dir().join("highlights.toml"))
        .expect("fixture highlights exist");
    let file: HighlightsFile = toml::from_str(&text).expect("fixture highlights parse");
    file.highlight
        .into_iter()
        .map(|h| {
            let bytes = document
                .text
                .match_indices(&h.quote)
                .nth(h.occurrence - 1)
                .map(|(start, found)| start..start + found.len());
            let mut highlight = anchored(document, bytes.clone().unwrap_or(0..0), "");
            highlight.tag = h.tag;
            highlight.id = h.id;
            highlight.note = h.note;
            highlight.created = h.created.parse().expect("fixture timestamp");
            highlight.updated = h.updated.parse().expect("fixture timestamp");
            if bytes.is_none() {
                highlight.quote = h.quote;
                highlight.prefix.clear();
                highlight.suffix.clear();
                highlight.span = None;
            }
            highlight
        })
        .collect()
}

/// A highlight of the byte range `bytes` of `document` with its quote, context and
/// character offsets filled in (id, note and timestamps left for the caller).
pub fn anchored(document: &Document, bytes: Range<usize>, tag: &str) -> ExportHighlight {
    let start = document.char_offset(bytes.start);
    let end = document.char_offset(bytes.end);
    let prefix_start = document.byte_offset(start.saturating_sub(CONTEXT_CHARS));
    let suffix_end = document.byte_offset(end + CONTEXT_CHARS);
    ExportHighlight {
        id: String::new(),
        tag: Some(tag.to_owned()),
        note: None,
        quote: document.text[bytes.clone()].to_owned(),
        prefix: document.text[prefix_start..bytes.start].to_owned(),
        suffix: document.text[bytes.end..suffix_end].to_owned(),
        span: Some(start..end),
        created: jiff::Timestamp::UNIX_EPOCH,
        updated: jiff::Timestamp::UNIX_EPOCH,
    }
}

/// A hand-made outline of the fixture article: one claim, one quote with its speaker and one
/// recommendation with its actor (the outline extractor is tested elsewhere).
pub fn outline(document: &Document) -> Outline {
    let item = |kind: ItemKind, text: &str, speaker: Option<&str>, actor: Option<&str>| {
        let start = document
            .text
            .find(text)
            .expect("outline text is in the article");
        OutlineItem {
            kind,
            text: text.to_owned(),
            speaker: speaker.map(str::to_owned),
            actor: actor.map(str::to_owned),
            span: start..start + text.len(),
            sentence: document.sentence_at(start).unwrap_or_default(),
            score: 0.8,
            cues: Vec::new(),
        }
    };
    Outline {
        items: vec![
            item(
                ItemKind::Quote,
                "Shade is infrastructure, not decoration,",
                Some("Inés Okafor-Lindqvist"),
                None,
            ),
            item(
                ItemKind::Claim,
                "Heat is already the deadliest weather hazard in many European cities.",
                None,
                None,
            ),
            item(
                ItemKind::Recommendation,
                "The council should require shade at every new stop, and it should publish stop temperatures weekly so riders can see progress.",
                None,
                Some("The council"),
            ),
        ],
    }
}
