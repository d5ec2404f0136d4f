//! Ingest: turns a file (plain text, Markdown or HTML) into a [`Document`].
//!
//! [`load`] checks and reads the file ([`read`]), picks the format by extension or by sniffing
//! the content, and hands the decoded text to the front-end for that format.

mod back_matter;
pub mod boilerplate;
pub mod dates;
#[cfg(test)]
mod fixtures;
mod html;
mod markdown;
pub mod metadata;
mod read;
mod table;
mod text;

use std::path::Path;

use crate::document::{Document, Format};

pub use read::{IngestError, MAX_FILE_SIZE, neutralise_controls};

/// Reads the article at `path` into a [`Document`].
pub fn load(path: &Path) -> Result<Document, IngestError> {
    let source = read::read_source(path)?;
    let format = detect_format(path, &source.text);
    let mut document = parse(&source.text, format);
    document.warnings.splice(0..0, source.warnings);
    Ok(document)
}

/// Parses already-decoded `text` in the given format.
pub fn parse(text: &str, format: Format) -> Document {
    match format {
        Format::Markdown => markdown::parse(text),
        Format::Html => html::parse(text),
        Format::Text => text::parse(text),
    }
}

/// Picks the format from the file extension, falling back to sniffing the content.
pub fn detect_format(path: &Path, text: &str) -> Format {
    let extension = path
        .extension()
        .and_then(|ext| ext.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("txt" | "text") => Format::Text,
        _ => sniff_format(text),
    }
}

/// Guesses the format of text with no telling extension.
pub fn sniff_format(text: &str) -> Format {
    let head: String = text
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    let trimmed = head.trim_start();
    if trimmed.starts_with("<!doctype html")
        || trimmed.starts_with("<html")
        || (head.contains("<body") && head.contains("</"))
    {
        Format::Html
    } else if text
        .lines()
        .take(200)
        .any(|line| line.starts_with("# ") || line.starts_with("## ") || line.starts_with("> "))
    {
        Format::Markdown
    } else {
        Format::Text
    }
}
