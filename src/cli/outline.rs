//! `margent outline FILE`: the claims, quotes and recommendations of an article.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::{CliError, OutputFormat};
use crate::document::{Document, Metadata};
use crate::outline::{self, ItemKind, Outline, OutlineItem};

/// The JSON contract of `margent outline --format json`.
#[derive(Debug, Serialize)]
pub struct OutlineReport<'a> {
    /// Title, author, date, publisher, tags, standfirst (null where unknown), as in `info`.
    pub metadata: &'a Metadata,
    /// The outline's items in reading order.
    pub items: Vec<ReportItem<'a>>,
}

/// One outline item in the JSON contract, with character offsets.
#[derive(Debug, Serialize)]
pub struct ReportItem<'a> {
    /// `quote`, `recommendation` or `claim`.
    pub kind: &'static str,
    /// The item's text (a quote's words without quotation marks).
    pub text: &'a str,
    /// Who is quoted (quotes only; null where unknown).
    pub speaker: Option<&'a str>,
    /// Who should act (recommendations only; null where unknown).
    pub actor: Option<&'a str>,
    /// Character offset where the item starts in the document.
    pub start: usize,
    /// Character offset where it ends.
    pub end: usize,
    /// Index of the sentence it starts in.
    pub sentence: usize,
    /// Strength in 0.0–1.0.
    pub score: f32,
    /// Why it was listed.
    pub cues: &'a [String],
}

impl<'a> OutlineReport<'a> {
    /// Builds the report for `document` and its `outline`.
    pub fn new(document: &'a Document, outline: &'a Outline) -> Self {
        OutlineReport {
            metadata: &document.metadata,
            items: outline
                .items
                .iter()
                .map(|item| ReportItem {
                    kind: item.kind.name(),
                    text: &item.text,
                    speaker: item.speaker.as_deref(),
                    actor: item.actor.as_deref(),
                    start: document.char_offset(item.span.start),
                    end: document.char_offset(item.span.end),
                    sentence: item.sentence,
                    score: (item.score * 100.0).round() / 100.0,
                    cues: &item.cues,
                })
                .collect(),
        }
    }
}

/// Runs `margent outline`.
pub fn run(path: &Path, format: OutputFormat, out: &mut dyn Write) -> Result<(), CliError> {
    let document = super::load(path)?;
    let outline = outline::extract(&document);
    match format {
        OutputFormat::Json => {
            let report = OutlineReport::new(&document, &outline);
            serde_json::to_writer_pretty(&mut *out, &report).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        OutputFormat::Text => write_text(&document, &outline, out)?,
        OutputFormat::Markdown => write_markdown(&document, &outline, out)?,
    }
    Ok(())
}

/// Section order and headings shared by the text and Markdown renderings.
const SECTIONS: [(ItemKind, &str); 3] = [
    (ItemKind::Claim, "Claims"),
    (ItemKind::Quote, "Quotes"),
    (ItemKind::Recommendation, "Recommendations"),
];

/// Who said or should do it, as shown after an item: "Name" or "—".
fn who(item: &OutlineItem) -> Option<&str> {
    match item.kind {
        ItemKind::Quote => Some(item.speaker.as_deref().unwrap_or("unknown speaker")),
        ItemKind::Recommendation => item.actor.as_deref(),
        ItemKind::Claim => None,
    }
}

fn write_text(document: &Document, outline: &Outline, out: &mut dyn Write) -> std::io::Result<()> {
    if let Some(title) = &document.metadata.title {
        writeln!(out, "{title}\n")?;
    }
    for (kind, heading) in SECTIONS {
        let items: Vec<_> = outline.of_kind(kind).collect();
        writeln!(out, "{heading} ({})", items.len())?;
        for item in items {
            let text = item.text.split_whitespace().collect::<Vec<_>>().join(" ");
            match who(item) {
                Some(who) => writeln!(out, "  [{:.2}] {text} — {who}", item.score)?,
                None => writeln!(out, "  [{:.2}] {text}", item.score)?,
            }
            writeln!(out, "         why: {}", item.cues.join("; "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_markdown(
    document: &Document,
    outline: &Outline,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let title = document.metadata.title.as_deref().unwrap_or("Outline");
    writeln!(out, "# {title}")?;
    for (kind, heading) in SECTIONS {
        writeln!(out, "\n## {heading}\n")?;
        for item in outline.of_kind(kind) {
            let text = item.text.split_whitespace().collect::<Vec<_>>().join(" ");
            match (kind, who(item)) {
                (ItemKind::Quote, Some(who)) => writeln!(out, "- “{text}” — *{who}*")?,
                (_, Some(who)) => writeln!(out, "- {text} — *{who}*")?,
                (_, None) => writeln!(out, "- {text}")?,
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    fn report_json(text: &str) -> serde_json::Value {
        let document = crate::ingest::parse(text, Format::Text);
        let outline = outline::extract(&document);
        serde_json::to_value(OutlineReport::new(&document, &outline)).unwrap()
    }

    #[test]
    fn json_uses_character_offsets_and_the_contract_fields() {
        // Other tools read this shape; offsets count characters, not bytes.
        let json = report_json("Ünïcödé first. “We will rebuild the whole town,” said Ada Obi.");
        let item = &json["items"][0];
        assert_eq!(item["kind"], "quote");
        assert_eq!(item["speaker"], "Ada Obi");
        assert_eq!(item["start"], 16);
        assert_eq!(
            item["end"],
            16 + "We will rebuild the whole town".chars().count()
        );
        for field in ["text", "actor", "sentence", "score", "cues"] {
            assert!(item.get(field).is_some(), "missing {field}");
        }
        for field in ["title", "author", "date", "publisher", "tags", "standfirst"] {
            assert!(json["metadata"].get(field).is_some(), "missing {field}");
        }
    }

    #[test]
    fn text_and_markdown_list_every_section() {
        // Readers expect all three headings even when a section is empty.
        let document = crate::ingest::parse(
            "“We will rebuild the whole town,” said Ada Obi.",
            Format::Text,
        );
        let outline = outline::extract(&document);
        let mut text = Vec::new();
        write_text(&document, &outline, &mut text).unwrap();
        let text = String::from_utf8(text).unwrap();
        assert!(text.contains("Quotes (1)") && text.contains("— Ada Obi"));
        let mut markdown = Vec::new();
        write_markdown(&document, &outline, &mut markdown).unwrap();
        let markdown = String::from_utf8(markdown).unwrap();
        assert!(markdown.contains("## Recommendations"));
        assert!(markdown.contains("- “We will rebuild the whole town” — *Ada Obi*"));
    }
}
