//! Export: an article's highlights, notes and outline written to the files people use next —
//! Markdown for Obsidian and similar, W3C Web Annotation JSON, Readwise CSV, Org-mode, and one
//! standalone HTML page.
//!
//! The writers take a plain view of the annotations ([`ExportHighlight`]) so that they do not
//! depend on how the annotation store keeps them; [`highlights_from_store`] makes that view
//! from the store. Every writer accepts several articles at once (`--combine`); a single
//! export is a slice of one. [`export_file`] does a whole export in one call (the reader's
//! `:export`), and [`import_file`] reads W3C JSON back into an article's sidecar.

mod csv;
mod files;
mod html;
mod markdown;
mod org;
mod store_view;
mod w3c;

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use jiff::Timestamp;

use crate::document::{Document, Metadata};
use crate::ingest::neutralise_controls;
use crate::outline::{ItemKind, Outline, OutlineItem};

pub use self::files::{
    EXIT_BAD_ANNOTATIONS, EXIT_NO_ARTICLES, EXIT_NO_MATCHING_SOURCE, EXIT_SIDECAR, ExportError,
    ExportOptions, ImportReport, LoadedArticle, Rendered, default_output_path, export_file,
    export_files, import_file, render_files,
};
pub use self::html::escape as escape_html;
pub use self::store_view::{annotation_from_highlight, highlights_from_store};
pub use self::w3c::{ParsedAnnotation, W3cError, parse as parse_w3c};

/// One highlight (or stand-alone note) as the writers see it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportHighlight {
    /// The annotation's stable id.
    pub id: String,
    /// Its tag (`claim`, `quote`, `recommendation`, `evidence`, `question`, `important` or a
    /// user-defined one), if it has one.
    pub tag: Option<String>,
    /// The note attached to it, which may span several lines.
    pub note: Option<String>,
    /// The exact highlighted text (empty for a stand-alone note).
    pub quote: String,
    /// Up to about 32 characters of text before the quote, for re-anchoring.
    pub prefix: String,
    /// Up to about 32 characters of text after the quote, for re-anchoring.
    pub suffix: String,
    /// CHARACTER offsets of the passage in [`Document::text`]; `None` when the highlight is
    /// orphaned (its text could not be found in the current document).
    pub span: Option<Range<usize>>,
    /// When the annotation was made.
    pub created: Timestamp,
    /// When it was last changed.
    pub updated: Timestamp,
}

impl ExportHighlight {
    /// The name exports group and colour it by: its tag, else `note` for a stand-alone note
    /// (no quote) and `untagged` for a highlight without a tag.
    pub fn label(&self) -> &str {
        match &self.tag {
            Some(tag) => tag,
            None if self.quote.is_empty() => "note",
            None => "untagged",
        }
    }
}

/// One article to export: its document, where it came from, its highlights and outline.
#[derive(Debug, Clone, Copy)]
pub struct ExportInput<'a> {
    /// The article's metadata (normally `&document.metadata`).
    pub metadata: &'a Metadata,
    /// The source file's name as written into the export (e.g. `article.md`); exports are
    /// written beside the source, so this is a reference relative to the export.
    pub source_file: &'a str,
    /// The article.
    pub document: &'a Document,
    /// Its highlights, in any order (writers sort them into reading order).
    pub highlights: &'a [ExportHighlight],
    /// Its outline, when it is to be included.
    pub outline: Option<&'a Outline>,
}

impl<'a> ExportInput<'a> {
    /// The article's title, falling back to the source file's name.
    pub fn title(&self) -> &'a str {
        self.metadata.title.as_deref().unwrap_or(self.source_file)
    }

    /// The highlights in reading order: placed ones by position, orphaned ones last, ties
    /// broken by id so the output is deterministic.
    pub fn highlights_in_reading_order(&self) -> Vec<&'a ExportHighlight> {
        let mut sorted: Vec<&ExportHighlight> = self.highlights.iter().collect();
        sorted.sort_by(|a, b| {
            let key = |h: &ExportHighlight| {
                h.span
                    .as_ref()
                    .map_or((1, 0, 0), |span| (0, span.start, span.end))
            };
            key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
        });
        sorted
    }

    /// The highlights grouped by [`ExportHighlight::label`]: groups in the order their tag first appears in reading
    /// order, highlights in reading order inside each group.
    pub fn highlights_by_tag(&self) -> Vec<(&'a str, Vec<&'a ExportHighlight>)> {
        let mut groups: Vec<(&str, Vec<&ExportHighlight>)> = Vec::new();
        for highlight in self.highlights_in_reading_order() {
            match groups
                .iter_mut()
                .find(|(label, _)| *label == highlight.label())
            {
                Some((_, members)) => members.push(highlight),
                None => groups.push((highlight.label(), vec![highlight])),
            }
        }
        groups
    }
}

/// The formats margent exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Markdown with YAML front matter, for Obsidian and similar notes apps.
    Markdown,
    /// JSON in the W3C Web Annotation Data Model.
    Json,
    /// CSV in Readwise's import columns.
    Csv,
    /// Org-mode with properties drawers.
    Org,
    /// One standalone HTML page.
    Html,
}

impl Format {
    /// Every format, in the order the help text lists them.
    pub const ALL: [Format; 5] = [
        Format::Markdown,
        Format::Json,
        Format::Csv,
        Format::Org,
        Format::Html,
    ];

    /// The name used on the command line and in `:export FORMAT`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Org => "org",
            Format::Html => "html",
        }
    }

    /// The file extension of an export in this format (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Org => "org",
            Format::Html => "html",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that margent does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known: Vec<&str> = Format::ALL.iter().map(|format| format.name()).collect();
        write!(
            f,
            "unknown export format {:?} (expected one of: {})",
            self.0,
            known.join(", ")
        )
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;

    /// Parses a format name; `md` and `w3c` are accepted as aliases.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let lower = name.trim().to_ascii_lowercase();
        let alias = match lower.as_str() {
            "md" => Some(Format::Markdown),
            "w3c" => Some(Format::Json),
            _ => None,
        };
        alias
            .or_else(|| {
                Format::ALL
                    .into_iter()
                    .find(|format| format.name() == lower)
            })
            .ok_or_else(|| UnknownFormat(name.to_owned()))
    }
}

/// Renders `inputs` (one article, or several for a combined export) in `format`.
///
/// A sidecar is a plain file anyone may edit, so a tag, note or quote can hold control
/// characters such as ESC. JSON keeps them exactly (serde writes `\u001b`, which no terminal
/// acts on, and `margent import` reads it back). The text formats — Markdown, CSV, Org, HTML —
/// are read by people, often straight off the terminal (`-o -`), so every control character
/// but newline and tab is written as its visible stand-in (`␛`), as everywhere else margent
/// shows text: nothing is dropped, and nothing can drive the terminal.
pub fn render(format: Format, inputs: &[ExportInput]) -> String {
    if format == Format::Json {
        return w3c::render(inputs);
    }
    let visible: Vec<VisibleInput> = inputs.iter().map(VisibleInput::new).collect();
    let inputs: Vec<ExportInput> = inputs
        .iter()
        .zip(&visible)
        .map(|(input, shown)| shown.input(input))
        .collect();
    match format {
        Format::Markdown => markdown::render(&inputs),
        Format::Json => w3c::render(&inputs),
        Format::Csv => csv::render(&inputs),
        Format::Org => org::render(&inputs),
        Format::Html => html::render(&inputs),
    }
}

/// Copies of an article's highlights, metadata and file name with control characters shown
/// as visible stand-ins ([`neutralise_controls`]), for the text formats.
struct VisibleInput {
    /// The metadata, neutralised.
    metadata: Metadata,
    /// The source file's name, neutralised.
    source_file: String,
    /// The highlights, neutralised.
    highlights: Vec<ExportHighlight>,
}

impl VisibleInput {
    /// Neutralises everything in `input` that did not pass through ingestion (which already
    /// neutralises the article's text).
    fn new(input: &ExportInput) -> Self {
        let shown = |text: &str| neutralise_controls(text);
        let shown_opt = |text: &Option<String>| text.as_deref().map(shown);
        let metadata = input.metadata;
        Self {
            metadata: Metadata {
                title: shown_opt(&metadata.title),
                author: shown_opt(&metadata.author),
                date: shown_opt(&metadata.date),
                publisher: shown_opt(&metadata.publisher),
                tags: metadata.tags.iter().map(|tag| shown(tag)).collect(),
                standfirst: shown_opt(&metadata.standfirst),
            },
            source_file: shown(input.source_file),
            highlights: input
                .highlights
                .iter()
                .map(|highlight| ExportHighlight {
                    id: shown(&highlight.id),
                    tag: shown_opt(&highlight.tag),
                    note: shown_opt(&highlight.note),
                    quote: shown(&highlight.quote),
                    prefix: shown(&highlight.prefix),
                    suffix: shown(&highlight.suffix),
                    ..highlight.clone()
                })
                .collect(),
        }
    }

    /// `original` with its text replaced by these neutralised copies.
    fn input<'a>(&'a self, original: &ExportInput<'a>) -> ExportInput<'a> {
        ExportInput {
            metadata: &self.metadata,
            source_file: &self.source_file,
            highlights: &self.highlights,
            ..*original
        }
    }
}

/// The outline's three sections — claims, quotes, recommendations — each with its title and
/// its items as display lines: quotes in quotation marks followed by `— speaker`,
/// recommendations followed by `(actor: …)`.
pub(crate) fn outline_sections(outline: &Outline) -> Vec<(&'static str, Vec<String>)> {
    [
        (ItemKind::Claim, "Claims"),
        (ItemKind::Quote, "Quotes"),
        (ItemKind::Recommendation, "Recommendations"),
    ]
    .into_iter()
    .map(|(kind, title)| (title, outline.of_kind(kind).map(outline_line).collect()))
    .collect()
}

/// One outline item as a display line.
fn outline_line(item: &OutlineItem) -> String {
    let text = item.text.trim();
    match item.kind {
        ItemKind::Claim => text.to_owned(),
        ItemKind::Quote => match &item.speaker {
            Some(speaker) => format!("“{text}” — {speaker}"),
            None => format!("“{text}”"),
        },
        ItemKind::Recommendation => match &item.actor {
            Some(actor) => format!("{text} (actor: {actor})"),
            None => text.to_owned(),
        },
    }
}

/// The first `max` characters of `text` on one line, with `…` when cut.
pub(crate) fn excerpt(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{BlockKind, DocumentBuilder, Format as SourceFormat};

    fn highlight(id: &str, tag: &str, span: Option<Range<usize>>) -> ExportHighlight {
        ExportHighlight {
            id: id.to_owned(),
            tag: Some(tag.to_owned()),
            note: None,
            quote: String::new(),
            prefix: String::new(),
            suffix: String::new(),
            span,
            created: Timestamp::UNIX_EPOCH,
            updated: Timestamp::UNIX_EPOCH,
        }
    }

    #[test]
    fn format_names_parse_back_and_aliases_are_accepted() {
        for format in Format::ALL {
            assert_eq!(format.name().parse::<Format>(), Ok(format));
        }
        assert_eq!("MD".parse::<Format>(), Ok(Format::Markdown));
        assert_eq!("w3c".parse::<Format>(), Ok(Format::Json));
        let error = "pdf".parse::<Format>().unwrap_err().to_string();
        assert!(error.contains("\"pdf\"") && error.contains("markdown, json, csv, org, html"));
    }

    /// Exports read in the article's order whatever order the store hands highlights over in,
    /// and orphans (which have no position) go last rather than being dropped.
    #[test]
    fn highlights_are_grouped_by_first_tag_in_reading_order_with_orphans_last() {
        let mut builder = DocumentBuilder::new(SourceFormat::Text);
        builder.push(
            BlockKind::Paragraph,
            0,
            "Some text long enough for offsets.",
        );
        let document = builder.build();
        let highlights = vec![
            highlight("c", "claim", Some(20..25)),
            highlight("o", "claim", None),
            highlight("q", "question", Some(10..12)),
            highlight("a", "claim", Some(0..4)),
        ];
        let input = ExportInput {
            metadata: &document.metadata,
            source_file: "a.txt",
            document: &document,
            highlights: &highlights,
            outline: None,
        };
        let order: Vec<&str> = input
            .highlights_in_reading_order()
            .iter()
            .map(|h| h.id.as_str())
            .collect();
        assert_eq!(order, ["a", "q", "c", "o"]);
        let groups: Vec<(&str, Vec<&str>)> = input
            .highlights_by_tag()
            .into_iter()
            .map(|(tag, members)| (tag, members.iter().map(|h| h.id.as_str()).collect()))
            .collect();
        assert_eq!(
            groups,
            [("claim", vec!["a", "c", "o"]), ("question", vec!["q"])]
        );
        assert_eq!(input.title(), "a.txt");
    }

    #[test]
    fn excerpt_flattens_white_space_and_marks_cuts() {
        assert_eq!(excerpt("a\n b  c", 10), "a b c");
        assert_eq!(excerpt("ünïcode words here", 8), "ünïcode…");
    }
}
