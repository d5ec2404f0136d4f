//! JSON in the W3C Web Annotation Data Model (<https://www.w3.org/TR/annotation-model/>), and
//! reading it back.
//!
//! An export is one `AnnotationCollection` whose first (and only) `AnnotationPage` holds one
//! `Annotation` per highlight. Each annotation's target names the source file and carries a
//! `TextQuoteSelector` (exact, prefix, suffix) and, unless the highlight is orphaned, a
//! `TextPositionSelector` (character offsets). The note is a `TextualBody` with purpose
//! `commenting`, the tag a `TextualBody` with purpose `tagging`.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{ExportHighlight, ExportInput};

/// The JSON-LD context of the Web Annotation vocabulary.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Prefix of the ids margent gives annotations; stripped again on import.
pub const ANNOTATION_ID_PREFIX: &str = "urn:margent:annotation:";

/// Prefix of the id of an exported collection.
const COLLECTION_ID_PREFIX: &str = "urn:margent:export:";

// The JSON shapes below borrow their text (`Cow`) so that an export of thousands of
// highlights writes them straight from the highlights instead of copying every string first;
// on import they own what they read.

#[derive(Debug, Serialize, Deserialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: serde_json::Value,
    id: String,
    #[serde(rename = "type")]
    kind: Cow<'a, str>,
    #[serde(default)]
    label: String,
    #[serde(default)]
    total: usize,
    first: Page<'a>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Page<'a> {
    #[serde(rename = "type")]
    kind: Cow<'a, str>,
    #[serde(rename = "startIndex", default)]
    start_index: usize,
    items: Vec<Annotation<'a>>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Annotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    motivation: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    modified: Option<String>,
    #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
    body: OneOrMany<Body<'a>>,
    target: OneOrMany<Target<'a>>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Body<'a> {
    #[serde(rename = "type", default)]
    kind: Option<Cow<'a, str>>,
    #[serde(default)]
    value: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    format: Option<Cow<'a, str>>,
    #[serde(default)]
    purpose: Option<Cow<'a, str>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(untagged)]
enum Target<'a> {
    Specific {
        source: Cow<'a, str>,
        #[serde(default)]
        selector: OneOrMany<Selector<'a>>,
    },
    Iri(Cow<'a, str>),
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "type")]
enum Selector<'a> {
    #[serde(rename = "TextQuoteSelector")]
    TextQuote {
        exact: Cow<'a, str>,
        #[serde(default)]
        prefix: Cow<'a, str>,
        #[serde(default)]
        suffix: Cow<'a, str>,
    },
    #[serde(rename = "TextPositionSelector")]
    TextPosition { start: usize, end: usize },
    #[serde(other)]
    Other,
}

/// A JSON value that may be one item or an array of them, as JSON-LD allows.
#[derive(Debug, Serialize, Deserialize)]
#[serde(untagged)]
enum OneOrMany<T> {
    Many(Vec<T>),
    One(T),
}

impl<T> Default for OneOrMany<T> {
    fn default() -> Self {
        OneOrMany::Many(Vec::new())
    }
}

impl<T> OneOrMany<T> {
    fn is_empty(&self) -> bool {
        matches!(self, OneOrMany::Many(items) if items.is_empty())
    }

    fn into_vec(self) -> Vec<T> {
        match self {
            OneOrMany::Many(items) => items,
            OneOrMany::One(item) => vec![item],
        }
    }
}

/// Renders the collection as pretty-printed JSON ending in a newline.
pub fn render(inputs: &[ExportInput]) -> String {
    let sources: Vec<String> = inputs
        .iter()
        .map(|input| source_iri(input.source_file))
        .collect();
    let items: Vec<Annotation> = inputs
        .iter()
        .zip(&sources)
        .flat_map(|(input, source)| {
            input
                .highlights_in_reading_order()
                .into_iter()
                .map(move |highlight| annotation(highlight, source))
        })
        .collect();
    let label = match inputs {
        [single] => format!("Highlights from {}", single.title()),
        many => format!("Highlights from {} articles", many.len()),
    };
    let capacity = inputs
        .iter()
        .flat_map(|input| input.highlights)
        .map(estimated_size)
        .sum::<usize>()
        + 1024;
    let collection = Collection {
        context: serde_json::Value::from(CONTEXT),
        id: format!("{COLLECTION_ID_PREFIX}{}", sources.join(",")),
        kind: Cow::Borrowed("AnnotationCollection"),
        label,
        total: items.len(),
        first: Page {
            kind: Cow::Borrowed("AnnotationPage"),
            start_index: 0,
            items,
        },
    };
    let mut json = Vec::with_capacity(capacity);
    serde_json::to_writer_pretty(&mut json, &collection)
        .expect("serialising plain structs with string keys into memory cannot fail");
    json.push(b'\n');
    String::from_utf8(json).expect("serde_json writes UTF-8")
}

/// About how many bytes a highlight takes in the pretty-printed JSON (its texts plus some
/// 1,000 bytes of keys and indentation), so the output is allocated once rather than regrown
/// and copied many times over for thousands of highlights.
fn estimated_size(highlight: &ExportHighlight) -> usize {
    let texts = [&highlight.quote, &highlight.prefix, &highlight.suffix]
        .into_iter()
        .chain(&highlight.note)
        .chain(&highlight.tag)
        .map(String::len)
        .sum::<usize>();
    1024 + texts + texts / 8
}

/// One highlight as an `Annotation`, borrowing its texts.
fn annotation<'a>(highlight: &'a ExportHighlight, source: &'a str) -> Annotation<'a> {
    let mut body = Vec::new();
    let note = highlight
        .note
        .as_ref()
        .filter(|note| !note.trim().is_empty());
    if let Some(note) = note {
        body.push(Body {
            kind: Some(Cow::Borrowed("TextualBody")),
            value: Some(Cow::Borrowed(note)),
            format: Some(Cow::Borrowed("text/plain")),
            purpose: Some(Cow::Borrowed("commenting")),
        });
    }
    if let Some(tag) = &highlight.tag {
        body.push(Body {
            kind: Some(Cow::Borrowed("TextualBody")),
            value: Some(Cow::Borrowed(tag)),
            format: None,
            purpose: Some(Cow::Borrowed("tagging")),
        });
    }
    let mut selector = vec![Selector::TextQuote {
        exact: Cow::Borrowed(&highlight.quote),
        prefix: Cow::Borrowed(&highlight.prefix),
        suffix: Cow::Borrowed(&highlight.suffix),
    }];
    if let Some(span) = &highlight.span {
        selector.push(Selector::TextPosition {
            start: span.start,
            end: span.end,
        });
    }
    Annotation {
        id: format!("{ANNOTATION_ID_PREFIX}{}", highlight.id),
        kind: Cow::Borrowed("Annotation"),
        motivation: Some(Cow::Borrowed(if note.is_some() {
            "commenting"
        } else {
            "highlighting"
        })),
        created: Some(highlight.created.to_string()),
        modified: Some(highlight.updated.to_string()),
        body: OneOrMany::Many(body),
        target: OneOrMany::One(Target::Specific {
            source: Cow::Borrowed(source),
            selector: OneOrMany::Many(selector),
        }),
    }
}

/// A file name as a relative IRI reference: ASCII characters outside RFC 3986's unreserved set
/// are percent-encoded; other Unicode is kept, as IRIs allow.
pub fn source_iri(file_name: &str) -> String {
    let mut out = String::with_capacity(file_name.len());
    for ch in file_name.chars() {
        if ch.is_ascii_alphanumeric() || matches!(ch, '-' | '.' | '_' | '~') || !ch.is_ascii() {
            out.push(ch);
        } else {
            out.push_str(&format!("%{:02X}", u32::from(ch)));
        }
    }
    out
}

/// Decodes the `%XX` escapes of an IRI reference (invalid escapes are kept as they are).
pub fn decode_iri(iri: &str) -> String {
    let bytes = iri.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = bytes
            .get(index + 1..index + 3)
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (bytes[index], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                index += 3;
            }
            (byte, _) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// One annotation read back from W3C JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedAnnotation {
    /// The target's source as written in the file (percent-escapes decoded).
    pub source: String,
    /// The highlight: `id` without margent's `urn:` prefix, `tag` from the first `tagging`
    /// body, `span` from the `TextPositionSelector` when there is one.
    pub highlight: ExportHighlight,
}

/// Why W3C JSON could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum W3cError {
    /// Not JSON, or not shaped like an annotation, page or collection.
    Malformed(String),
    /// An annotation has no `TextQuoteSelector`, which import needs to anchor it.
    NoQuote(String),
    /// A `created` or `modified` value is not an RFC 3339 date-time.
    BadTimestamp(String, String),
}

impl fmt::Display for W3cError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            W3cError::Malformed(why) => write!(f, "not W3C Web Annotation JSON: {why}"),
            W3cError::NoQuote(id) => {
                write!(
                    f,
                    "annotation {id} has no TextQuoteSelector to anchor it by"
                )
            }
            W3cError::BadTimestamp(id, value) => {
                write!(f, "annotation {id}: {value:?} is not an RFC 3339 date-time")
            }
        }
    }
}

impl std::error::Error for W3cError {}

/// What a W3C JSON file may hold at its top level.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum TopLevel {
    Collection(Collection<'static>),
    Page(Page<'static>),
    Many(Vec<Annotation<'static>>),
    One(Box<Annotation<'static>>),
}

/// Reads annotations from W3C JSON: an `AnnotationCollection` with an embedded first page (as
/// margent writes), an `AnnotationPage`, an array of annotations or a single one. Timestamps
/// that are missing become `now`.
pub fn parse(json: &str, now: Timestamp) -> Result<Vec<ParsedAnnotation>, W3cError> {
    let top: TopLevel = serde_json::from_str(json).map_err(|error| {
        let why = if error.is_syntax() || error.is_eof() {
            error.to_string()
        } else {
            "expected an AnnotationCollection, an AnnotationPage or Annotations".to_owned()
        };
        W3cError::Malformed(why)
    })?;
    let annotations = match top {
        TopLevel::Collection(collection) => collection.first.items,
        TopLevel::Page(page) => page.items,
        TopLevel::Many(annotations) => annotations,
        TopLevel::One(annotation) => vec![*annotation],
    };
    annotations
        .into_iter()
        .filter(|annotation| annotation.kind == "Annotation")
        .map(|annotation| parse_annotation(annotation, now))
        .collect()
}

fn parse_annotation(
    annotation: Annotation<'static>,
    now: Timestamp,
) -> Result<ParsedAnnotation, W3cError> {
    let id = annotation
        .id
        .strip_prefix(ANNOTATION_ID_PREFIX)
        .unwrap_or(&annotation.id)
        .to_owned();
    let timestamp = |value: &Option<String>| -> Result<Option<Timestamp>, W3cError> {
        value
            .as_deref()
            .map(|text| {
                text.parse::<Timestamp>()
                    .map_err(|_| W3cError::BadTimestamp(id.clone(), text.to_owned()))
            })
            .transpose()
    };
    let created = timestamp(&annotation.created)?;
    let modified = timestamp(&annotation.modified)?;
    let mut tag = None;
    let mut note = None;
    for body in annotation.body.into_vec() {
        let Some(value) = body.value else { continue };
        match body.purpose.as_deref() {
            Some("tagging") if tag.is_none() => tag = Some(value.into_owned()),
            Some("tagging") => {}
            _ if note.is_none() => note = Some(value.into_owned()),
            _ => {}
        }
    }
    let (source, selectors) = annotation
        .target
        .into_vec()
        .into_iter()
        .find_map(|target| match target {
            Target::Specific { source, selector } => Some((source, selector.into_vec())),
            Target::Iri(_) => None,
        })
        .ok_or_else(|| W3cError::NoQuote(id.clone()))?;
    let mut quote = None;
    let mut span: Option<Range<usize>> = None;
    for selector in selectors {
        match selector {
            Selector::TextQuote {
                exact,
                prefix,
                suffix,
            } => {
                quote = Some((exact.into_owned(), prefix.into_owned(), suffix.into_owned()));
            }
            Selector::TextPosition { start, end } if start <= end => span = Some(start..end),
            _ => {}
        }
    }
    let (quote, prefix, suffix) = quote.ok_or_else(|| W3cError::NoQuote(id.clone()))?;
    let created = created.or(modified).unwrap_or(now);
    Ok(ParsedAnnotation {
        source: decode_iri(&source),
        highlight: ExportHighlight {
            id,
            tag,
            note,
            quote,
            prefix,
            suffix,
            span,
            created,
            updated: modified.unwrap_or(created),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// File names with spaces or `#` are not valid IRI references unescaped; a consumer would
    /// cut `a#b.md` at the fragment.
    #[test]
    fn source_iris_escape_reserved_ascii_and_decode_back() {
        let name = "my notes #1 (draft).md";
        let iri = source_iri(name);
        assert_eq!(iri, "my%20notes%20%231%20%28draft%29.md");
        assert_eq!(decode_iri(&iri), name);
        assert_eq!(source_iri("Zürich.md"), "Zürich.md");
        assert_eq!(decode_iri("100%"), "100%");
    }

    /// Other tools write single bodies and selectors as bare objects rather than arrays, and
    /// may omit timestamps; import must still read them.
    #[test]
    fn parse_accepts_bare_objects_and_foreign_ids() {
        let json = r#"{
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "https://example.org/anno/7",
            "type": "Annotation",
            "body": {"type": "TextualBody", "value": "why?"},
            "target": {"source": "a%20b.md", "selector":
                {"type": "TextQuoteSelector", "exact": "words", "prefix": "some "}}
        }"#;
        let now: Timestamp = "2025-01-02T03:04:05Z".parse().unwrap();
        let parsed = parse(json, now).unwrap();
        assert_eq!(parsed.len(), 1);
        let annotation = &parsed[0];
        assert_eq!(annotation.source, "a b.md");
        assert_eq!(annotation.highlight.id, "https://example.org/anno/7");
        assert_eq!(annotation.highlight.note.as_deref(), Some("why?"));
        assert_eq!(annotation.highlight.tag, None);
        assert_eq!(annotation.highlight.quote, "words");
        assert_eq!(annotation.highlight.prefix, "some ");
        assert_eq!(annotation.highlight.span, None);
        assert_eq!(annotation.highlight.created, now);
    }

    #[test]
    fn parse_reports_missing_quotes_bad_dates_and_non_annotations() {
        let no_quote = r#"[{"id": "x", "type": "Annotation", "target": "a.md"}]"#;
        assert_eq!(
            parse(no_quote, Timestamp::UNIX_EPOCH),
            Err(W3cError::NoQuote("x".to_owned()))
        );
        let bad_date = r#"{"id": "y", "type": "Annotation", "created": "yesterday",
            "target": {"source": "a.md", "selector": {"type": "TextQuoteSelector", "exact": "e"}}}"#;
        assert!(matches!(
            parse(bad_date, Timestamp::UNIX_EPOCH),
            Err(W3cError::BadTimestamp(..))
        ));
        assert!(matches!(
            parse("{\"hello\": 1}", Timestamp::UNIX_EPOCH),
            Err(W3cError::Malformed(_))
        ));
        assert!(matches!(
            parse("{", Timestamp::UNIX_EPOCH),
            Err(W3cError::Malformed(_))
        ));
    }
}
