//! `margent annotate` and `margent annotations`: add, list and remove annotations from scripts.

use std::io::Write;
use std::ops::Range;
use std::path::Path;

use serde::Serialize;

use super::CliError;
use crate::annotations::{
    Annotation, AnnotationId, Placement, Problem, Saved, Store, StoreError, StoreOptions, Tag,
    TagNameError,
};
use crate::document::Document;
use crate::ingest;

/// Exit code: the `--quote` text is not in the article (or `--occurrence` is past the last).
pub const EXIT_QUOTE_NOT_FOUND: i32 = 20;
/// Exit code: the `--quote` text occurs several times and no `--occurrence` was given.
pub const EXIT_QUOTE_AMBIGUOUS: i32 = 21;
/// Exit code: no annotation has the id given to `--remove`.
pub const EXIT_NO_SUCH_ANNOTATION: i32 = 22;
/// Exit code: the sidecar does not parse (left untouched; new work went to a recovery file).
pub const EXIT_SIDECAR_CORRUPT: i32 = 23;
/// Exit code: the sidecar's folder cannot be written (new work went to the data folder).
pub const EXIT_SIDECAR_UNWRITABLE: i32 = 24;
/// Exit code: the annotations could not be saved anywhere.
pub const EXIT_SAVE_FAILED: i32 = 25;

/// Output formats of `margent annotations`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ListFormat {
    /// One line per annotation (notes indented below).
    #[default]
    Text,
    /// The JSON contract ([`AnnotationsReport`]).
    Json,
}

/// What `margent annotate` should add.
#[derive(Debug, Clone, Default)]
pub struct AnnotateRequest {
    /// The exact text to highlight.
    pub quote: String,
    /// Which occurrence (1-based) when the text occurs more than once.
    pub occurrence: Option<usize>,
    /// The tag, built-in or custom.
    pub tag: Option<String>,
    /// The note, any number of lines.
    pub note: Option<String>,
}

/// The JSON contract of `margent annotations --format json`.
#[derive(Debug, Serialize)]
pub struct AnnotationsReport<'a> {
    /// Annotations in reading order of the current text, orphans last.
    pub annotations: Vec<AnnotationEntry<'a>>,
}

/// One annotation in the JSON report.
#[derive(Debug, Serialize)]
pub struct AnnotationEntry<'a> {
    /// Stable id.
    pub id: &'a str,
    /// `highlight`, `note` or `bookmark`.
    pub kind: &'a str,
    /// The tag, or null.
    pub tag: Option<&'a str>,
    /// The note, or null.
    pub note: Option<&'a str>,
    /// The highlighted text as stored; null for notes and bookmarks.
    pub quote: Option<&'a str>,
    /// Character offset of the start in the current text; null when orphaned.
    pub start: Option<usize>,
    /// Character offset of the end in the current text; null when orphaned.
    pub end: Option<usize>,
    /// `exact`, `moved`, `fuzzy` or `orphaned`.
    pub status: &'static str,
    /// From 0 to 1 (1 for exact and moved, 0 for orphaned), rounded to 3 decimals.
    pub confidence: f64,
    /// RFC 3339 creation time.
    pub created: String,
    /// RFC 3339 time of the last change.
    pub updated: String,
}

impl<'a> AnnotationsReport<'a> {
    /// Builds the report of `store`'s annotations placed on `document`.
    pub fn new(store: &'a Store, document: &Document) -> Self {
        let annotations = store
            .in_reading_order()
            .into_iter()
            .map(|(annotation, placement)| AnnotationEntry::new(annotation, placement, document))
            .collect();
        AnnotationsReport { annotations }
    }
}

impl<'a> AnnotationEntry<'a> {
    fn new(annotation: &'a Annotation, placement: &Placement, document: &Document) -> Self {
        let span = placement.span.clone();
        AnnotationEntry {
            id: annotation.id.as_str(),
            kind: annotation.kind.name(),
            tag: annotation.tag.as_ref().map(Tag::name),
            note: annotation.note.as_deref(),
            quote: (!annotation.selector.is_point()).then_some(annotation.selector.quote.as_str()),
            start: span.as_ref().map(|s| document.char_offset(s.start)),
            end: span.as_ref().map(|s| document.char_offset(s.end)),
            status: placement.status.name(),
            confidence: (placement.confidence * 1000.0).round() / 1000.0,
            created: annotation.created.to_string(),
            updated: annotation.updated.to_string(),
        }
    }
}

/// Checks a tag name given on the command line by the rules every place that names a tag
/// shares (see [`Tag::parse_new`]) and returns the name as the sidecar will store it.
pub fn tag_name(name: &str) -> Result<String, TagNameError> {
    Tag::parse_new(name).map(|tag| tag.name().to_owned())
}

/// Runs `margent annotate`: highlights an exact quote and prints the new annotation's id.
pub fn annotate(
    path: &Path,
    request: &AnnotateRequest,
    options: StoreOptions,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let document = ingest::load(path)?;
    let span = find_quote(&document, &request.quote, request.occurrence, path)?;
    let mut store = Store::open(path, &document, options).map_err(save_error)?;
    warn_about_controls(&store);
    let tag = request.tag.as_deref().and_then(Tag::parse);
    let note = request.note.clone().filter(|note| !note.trim().is_empty());
    let id = store.add_highlight(&document, span, tag, note);
    let saved = store.save(&document).map_err(save_error)?;
    writeln!(out, "{id}")?;
    out.flush()?;
    saved_to_sidecar(&saved, "the new annotation")
}

/// Runs `margent annotations`: lists every annotation with its anchor status.
pub fn list(
    path: &Path,
    format: ListFormat,
    options: StoreOptions,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let document = ingest::load(path)?;
    let store = open_readable(path, &document, options)?;
    let report = AnnotationsReport::new(&store, &document);
    match format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &report).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        ListFormat::Text => write_text(&report, out)?,
    }
    Ok(())
}

/// Runs `margent annotations --remove ID`.
pub fn remove(
    path: &Path,
    id: &str,
    options: StoreOptions,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let document = ingest::load(path)?;
    let mut store = open_readable(path, &document, options)?;
    if store.remove(&AnnotationId::new(id)).is_none() {
        return Err(CliError {
            message: format!(
                "{}: no annotation with id {id:?} (list them with `margent annotations`)",
                store.sidecar_path().display()
            ),
            exit_code: EXIT_NO_SUCH_ANNOTATION,
        });
    }
    let saved = store.save(&document).map_err(save_error)?;
    writeln!(out, "removed {id}")?;
    saved_to_sidecar(&saved, "the removal")
}

/// Opens the store, failing when the sidecar cannot be read as it is.
fn open_readable(
    path: &Path,
    document: &Document,
    options: StoreOptions,
) -> Result<Store, CliError> {
    let store = Store::open(path, document, options).map_err(save_error)?;
    match store.problem() {
        Some(problem @ Problem::Corrupt { .. }) => Err(CliError {
            message: problem.to_string(),
            exit_code: EXIT_SIDECAR_CORRUPT,
        }),
        _ => {
            warn_about_controls(&store);
            Ok(store)
        }
    }
}

/// Prints the store's warning about tags with control characters, if any, as one line on
/// standard error.
fn warn_about_controls(store: &Store) {
    if let Some(warning) = store.control_character_warning() {
        eprintln!(
            "margent: warning: {}: {warning}",
            ingest::neutralise_controls(&store.sidecar_path().display().to_string())
        );
    }
}

/// The byte range of occurrence `occurrence` (1-based) of `quote` in the document.
fn find_quote(
    document: &Document,
    quote: &str,
    occurrence: Option<usize>,
    path: &Path,
) -> Result<Range<usize>, CliError> {
    let not_found = |message: String| CliError {
        message,
        exit_code: EXIT_QUOTE_NOT_FOUND,
    };
    if quote.is_empty() {
        return Err(CliError {
            message: "--quote must not be empty".to_owned(),
            exit_code: super::EXIT_USAGE,
        });
    }
    let starts: Vec<usize> = document
        .text
        .char_indices()
        .filter(|(i, _)| document.text[*i..].starts_with(quote))
        .map(|(i, _)| i)
        .collect();
    let count = starts.len();
    let index = match (count, occurrence) {
        (0, _) => {
            return Err(not_found(format!(
                "{}: the quoted text is not in the article",
                path.display()
            )));
        }
        (1, None) => 0,
        (_, None) => {
            return Err(CliError {
                message: format!(
                    "{}: the quoted text occurs {count} times; choose one with --occurrence 1..{count}",
                    path.display()
                ),
                exit_code: EXIT_QUOTE_AMBIGUOUS,
            });
        }
        (_, Some(n)) if (1..=count).contains(&n) => n - 1,
        (_, Some(n)) => {
            return Err(not_found(format!(
                "{}: --occurrence {n} asked, but the quoted text occurs {}",
                path.display(),
                if count == 1 {
                    String::from("once")
                } else {
                    format!("{count} times")
                }
            )));
        }
    };
    Ok(starts[index]..starts[index] + quote.len())
}

/// Turns a save that went to a recovery file into an error naming both files.
fn saved_to_sidecar(saved: &Saved, what: &str) -> Result<(), CliError> {
    let Some(problem) = &saved.problem else {
        return Ok(());
    };
    let exit_code = match problem {
        Problem::Corrupt { .. } => EXIT_SIDECAR_CORRUPT,
        Problem::Unwritable { .. } => EXIT_SIDECAR_UNWRITABLE,
    };
    Err(CliError {
        message: format!(
            "{problem}; {what} was saved to {} instead",
            saved.path.display()
        ),
        exit_code,
    })
}

fn save_error(error: StoreError) -> CliError {
    CliError {
        message: error.to_string(),
        exit_code: EXIT_SAVE_FAILED,
    }
}

/// Writes one line per annotation: id, kind, tag, status, character range, quote, then the
/// note's lines indented. What comes from the sidecar (a file anyone may have edited) has its
/// control characters shown as visible stand-ins, so it cannot drive the terminal.
fn write_text(report: &AnnotationsReport, out: &mut dyn Write) -> std::io::Result<()> {
    let shown = ingest::neutralise_controls;
    if report.annotations.is_empty() {
        writeln!(out, "No annotations.")?;
    }
    for entry in &report.annotations {
        let status = match entry.status {
            "fuzzy" => format!("fuzzy {:.2}", entry.confidence),
            other => other.to_owned(),
        };
        let range = match (entry.start, entry.end) {
            (Some(start), Some(end)) if start == end => format!("@{start}"),
            (Some(start), Some(end)) => format!("{start}..{end}"),
            _ => "—".to_owned(),
        };
        write!(
            out,
            "{}  {:<9} {:<14} {:<10} {:<12}",
            shown(entry.id),
            entry.kind,
            shown(entry.tag.unwrap_or("-")),
            status,
            range
        )?;
        if let Some(quote) = entry.quote {
            write!(out, " \"{}\"", shown(&preview(quote, 60)))?;
        }
        writeln!(out)?;
        for line in entry.note.unwrap_or_default().lines() {
            writeln!(out, "    {}", shown(line))?;
        }
    }
    Ok(())
}

/// The first `limit` characters of `text` on one line, with an ellipsis when cut.
fn preview(text: &str, limit: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= limit {
        flat
    } else {
        let cut: String = flat.chars().take(limit - 1).collect();
        format!("{cut}…")
    }
}
