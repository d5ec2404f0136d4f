//! `margent info FILE`: metadata, counts and the boilerplate found in an article.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::{CliError, OutputFormat};
use crate::document::{Document, Metadata};

/// Average silent reading speed used for reading-time estimates, in words per minute.
pub const WORDS_PER_MINUTE: usize = 230;

/// The JSON contract of `margent info --format json`.
#[derive(Debug, Serialize)]
pub struct InfoReport<'a> {
    /// Title, author, date, publisher, tags, standfirst (null where unknown).
    pub metadata: &'a Metadata,
    /// `text`, `markdown` or `html`.
    pub format: &'static str,
    /// Sizes of the article.
    pub counts: Counts,
    /// Blocks flagged as boilerplate, with character offsets.
    pub boilerplate: Vec<BoilerplateEntry<'a>>,
    /// Non-fatal problems met while reading.
    pub warnings: &'a [String],
}

/// Sizes of an article.
#[derive(Debug, Serialize)]
pub struct Counts {
    /// Number of blocks, boilerplate included.
    pub blocks: usize,
    /// Number of sentences.
    pub sentences: usize,
    /// Number of words outside boilerplate.
    pub words: usize,
    /// Estimated reading time in whole minutes (at least 1).
    pub reading_minutes: usize,
}

/// One boilerplate block in the info report.
#[derive(Debug, Serialize)]
pub struct BoilerplateEntry<'a> {
    /// Character offset where the block starts.
    pub start: usize,
    /// Character offset where it ends.
    pub end: usize,
    /// The block's text.
    pub text: &'a str,
    /// Why it was flagged.
    pub reason: &'a str,
}

impl<'a> InfoReport<'a> {
    /// Builds the report for `document`.
    pub fn new(document: &'a Document) -> Self {
        let words = document.word_count();
        InfoReport {
            metadata: &document.metadata,
            format: document.format.name(),
            counts: Counts {
                blocks: document.blocks.len(),
                sentences: document.sentences.len(),
                words,
                reading_minutes: reading_minutes(words),
            },
            boilerplate: document
                .blocks
                .iter()
                .filter_map(|block| {
                    Some(BoilerplateEntry {
                        start: document.char_offset(block.span.start),
                        end: document.char_offset(block.span.end),
                        text: document.slice(&block.span),
                        reason: block.boilerplate.as_deref()?,
                    })
                })
                .collect(),
            warnings: &document.warnings,
        }
    }
}

/// Minutes needed to read `words` words, rounded up, at least 1.
pub fn reading_minutes(words: usize) -> usize {
    words.div_ceil(WORDS_PER_MINUTE).max(1)
}

/// Runs `margent info`.
pub fn run(path: &Path, format: OutputFormat, out: &mut dyn Write) -> Result<(), CliError> {
    let document = super::load(path)?;
    let report = InfoReport::new(&document);
    match format {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &report).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        OutputFormat::Text | OutputFormat::Markdown => write_text(&report, out)?,
    }
    Ok(())
}

fn write_text(report: &InfoReport, out: &mut dyn Write) -> std::io::Result<()> {
    let unknown = "—";
    let meta = report.metadata;
    let field = |value: &Option<String>| value.clone().unwrap_or_else(|| unknown.to_owned());
    writeln!(out, "Title:      {}", field(&meta.title))?;
    writeln!(out, "Author:     {}", field(&meta.author))?;
    writeln!(out, "Date:       {}", field(&meta.date))?;
    writeln!(out, "Publisher:  {}", field(&meta.publisher))?;
    let tags = if meta.tags.is_empty() {
        unknown.to_owned()
    } else {
        meta.tags.join(", ")
    };
    writeln!(out, "Tags:       {tags}")?;
    writeln!(out, "Standfirst: {}", field(&meta.standfirst))?;
    writeln!(out, "Format:     {}", report.format)?;
    let counts = &report.counts;
    writeln!(
        out,
        "Counts:     {} blocks, {} sentences, {} words, about {} min to read",
        counts.blocks, counts.sentences, counts.words, counts.reading_minutes
    )?;
    writeln!(out, "Boilerplate: {} blocks", report.boilerplate.len())?;
    for entry in &report.boilerplate {
        let preview: String = entry.text.chars().take(70).collect();
        writeln!(
            out,
            "  [{}..{}] ({}) {preview}",
            entry.start, entry.end, entry.reason
        )?;
    }
    for warning in report.warnings {
        writeln!(out, "Warning:    {warning}")?;
    }
    Ok(())
}
