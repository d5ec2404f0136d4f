//! Golden-file tests for every export format on the invented fixture article, plus checks of
//! what each format promises: the W3C model's required fields, CSV quoting and formula
//! defusing, escaped HTML, and that W3C JSON reads back to the same highlights.
//!
//! Regenerate the goldens with `UPDATE_GOLDEN=1 cargo test --test export_golden`.

mod common;

use common::export_fixture::{self, anchored, document_from};
use margent::document::Document;
use margent::export::{self, ExportHighlight, ExportInput, Format};
use margent::outline::Outline;

/// Compares `actual` with the golden file `name`, or rewrites it when `UPDATE_GOLDEN` is set.
fn assert_golden(name: &str, actual: &str) {
    let path = export_fixture::golden_dir().join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing; run with UPDATE_GOLDEN=1", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from {} at line {}:\n  expected: {:?}\n  actual:   {:?}\n\
             (run with UPDATE_GOLDEN=1 to accept the new output)",
            path.display(),
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

struct Fixture {
    document: Document,
    highlights: Vec<ExportHighlight>,
    outline: Outline,
}

impl Fixture {
    fn new() -> Self {
        let document = export_fixture::document();
        let highlights = export_fixture::highlights(&document);
        let outline = export_fixture::outline(&document);
        Fixture {
            document,
            highlights,
            outline,
        }
    }

    fn input(&self, with_outline: bool) -> ExportInput<'_> {
        ExportInput {
            metadata: &self.document.metadata,
            source_file: "article.md",
            document: &self.document,
            highlights: &self.highlights,
            outline: with_outline.then_some(&self.outline),
        }
    }
}

/// A second, short article for the combined exports.
fn second_article() -> (Document, Vec<ExportHighlight>) {
    let document =
        document_from("# Notes on Rain\n\nRain gardens soak up 30% more water, @ low cost.");
    let start = document.text.find("@ low cost").unwrap();
    let mut highlight = anchored(&document, start..start + "@ low cost".len(), "claim");
    highlight.id = "r01".to_owned();
    highlight.created = "2026-11-05T12:00:00Z".parse().unwrap();
    highlight.updated = highlight.created;
    (document, vec![highlight])
}

#[test]
fn fixture_has_what_the_goldens_need_to_exercise() {
    let fixture = Fixture::new();
    let placed = fixture
        .highlights
        .iter()
        .filter(|h| h.span.is_some())
        .count();
    assert_eq!(placed, fixture.highlights.len() - 1, "exactly one orphan");
    let quotes: String = fixture
        .highlights
        .iter()
        .map(|h| h.quote.as_str())
        .collect();
    let notes: String = fixture
        .highlights
        .iter()
        .filter_map(|h| h.note.as_deref())
        .collect();
    for needle in ["<script>", "=COST", "東京", "“"] {
        assert!(quotes.contains(needle), "a quote contains {needle}");
    }
    for needle in ["\n", "\"", "&", "<script>", "Zürich"] {
        assert!(notes.contains(needle), "a note contains {needle:?}");
    }
    assert!(
        fixture
            .highlights
            .iter()
            .any(|h| h.note.as_deref().is_some_and(|n| n.starts_with('=')))
    );
}

#[test]
fn markdown_matches_golden() {
    let fixture = Fixture::new();
    let markdown = export::render(Format::Markdown, &[fixture.input(true)]);
    assert_golden("article.md.highlights.md", &markdown);
    assert!(markdown.starts_with("---\ntitle: \"Shade Before Speed"));
    assert!(markdown.contains("publisher: \"The Civic \\\"Ledger\\\" & Review\""));
    assert!(markdown.contains("> \\<script\\>alert('heat')\\</script\\>"));
    assert!(!markdown.contains("<script>"), "no raw HTML survives");
}

#[test]
fn json_matches_golden() {
    let fixture = Fixture::new();
    assert_golden(
        "article.md.highlights.json",
        &export::render(Format::Json, &[fixture.input(false)]),
    );
}

#[test]
fn csv_matches_golden() {
    let fixture = Fixture::new();
    assert_golden(
        "article.md.highlights.csv",
        &export::render(Format::Csv, &[fixture.input(false)]),
    );
}

#[test]
fn org_matches_golden() {
    let fixture = Fixture::new();
    let org = export::render(Format::Org, &[fixture.input(true)]);
    assert_golden("article.md.highlights.org", &org);
    assert_eq!(
        org.matches(":PROPERTIES:").count(),
        1 + fixture.highlights.len(),
        "one drawer for the article and one per highlight"
    );
}

#[test]
fn html_matches_golden() {
    let fixture = Fixture::new();
    let html = export::render(Format::Html, &[fixture.input(true)]);
    assert_golden("article.md.highlights.html", &html);
}

#[test]
fn combined_exports_match_goldens() {
    let fixture = Fixture::new();
    let (rain, rain_highlights) = second_article();
    let inputs = [
        fixture.input(false),
        ExportInput {
            metadata: &rain.metadata,
            source_file: "rain gardens.md",
            document: &rain,
            highlights: &rain_highlights,
            outline: None,
        },
    ];
    assert_golden("combined.md", &export::render(Format::Markdown, &inputs));
    assert_golden("combined.json", &export::render(Format::Json, &inputs));
    let csv = export::render(Format::Csv, &inputs);
    assert_eq!(
        csv.matches("Highlight,Title,Author").count(),
        1,
        "one header"
    );
    assert!(csv.contains("'@ low cost"), "leading @ defused");
}

/// The W3C Web Annotation model requires `@context`, `id`, `type` and `target` on an
/// annotation; margent's selectors must carry the fields the model defines for them, and the
/// positions must select exactly the quoted text.
#[test]
fn json_has_the_w3c_models_required_fields() {
    let fixture = Fixture::new();
    let json = export::render(Format::Json, &[fixture.input(false)]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(value["type"], "AnnotationCollection");
    assert!(is_iri(&value["id"]));
    assert_eq!(value["first"]["type"], "AnnotationPage");
    let items = value["first"]["items"].as_array().unwrap();
    assert_eq!(value["total"], items.len());
    assert_eq!(items.len(), fixture.highlights.len());
    let chars: Vec<char> = fixture.document.text.chars().collect();
    for item in items {
        assert!(
            is_iri(&item["id"]),
            "annotation id is an IRI: {}",
            item["id"]
        );
        assert_eq!(item["type"], "Annotation");
        for key in ["created", "modified"] {
            let stamp = item[key].as_str().unwrap();
            assert!(
                stamp.parse::<jiff::Timestamp>().is_ok(),
                "{key} {stamp} is xsd:dateTime"
            );
        }
        let target = &item["target"];
        assert_eq!(target["source"], "article.md");
        let selectors = target["selector"].as_array().unwrap();
        let quote = selectors
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .expect("every annotation has a TextQuoteSelector");
        for field in ["exact", "prefix", "suffix"] {
            assert!(quote[field].is_string(), "TextQuoteSelector.{field}");
        }
        let exact = quote["exact"].as_str().unwrap();
        if let Some(position) = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
        {
            let start = usize::try_from(position["start"].as_u64().unwrap()).unwrap();
            let end = usize::try_from(position["end"].as_u64().unwrap()).unwrap();
            assert!(start <= end);
            let selected: String = chars[start..end].iter().collect();
            assert_eq!(
                selected, exact,
                "positions are character offsets of the quote"
            );
            assert!(fixture.document.text.contains(&format!(
                "{}{exact}{}",
                quote["prefix"].as_str().unwrap(),
                quote["suffix"].as_str().unwrap()
            )));
        } else {
            assert!(
                !fixture.document.text.contains(exact),
                "only orphans lack positions"
            );
        }
        let bodies = item["body"].as_array().map_or(&[][..], Vec::as_slice);
        for body in bodies {
            assert_eq!(body["type"], "TextualBody");
            assert!(body["value"].is_string());
            assert!(["tagging", "commenting"].contains(&body["purpose"].as_str().unwrap()));
        }
        let tags = bodies.iter().filter(|b| b["purpose"] == "tagging").count();
        assert!(tags <= 1, "at most one tag per annotation");
    }
}

fn is_iri(value: &serde_json::Value) -> bool {
    value.as_str().is_some_and(|iri| {
        let scheme = iri.split(':').next().unwrap_or_default();
        iri.contains(':')
            && scheme
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && !iri.contains(char::is_whitespace)
    })
}

/// Export to W3C JSON and read it back: every highlight returns with its id, tag, note, quote,
/// context, position and timestamps.
#[test]
fn json_reads_back_to_the_same_highlights() {
    let fixture = Fixture::new();
    let json = export::render(Format::Json, &[fixture.input(false)]);
    let parsed = export::parse_w3c(&json, jiff::Timestamp::UNIX_EPOCH).unwrap();
    let mut expected = fixture.highlights.clone();
    expected.sort_by(|a, b| a.id.cmp(&b.id));
    let mut read: Vec<ExportHighlight> = parsed
        .into_iter()
        .map(|p| {
            assert_eq!(p.source, "article.md");
            p.highlight
        })
        .collect();
    read.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(read, expected);
}

/// RFC 4180: a standard reader gets the exact cells back, notes with their line breaks, and
/// every cell a spreadsheet would evaluate starts with `'`.
#[test]
fn csv_reads_back_with_a_standard_parser_and_formulas_defused() {
    let fixture = Fixture::new();
    let text = export::render(Format::Csv, &[fixture.input(false)]);
    assert!(text.contains("\r\n"), "RFC 4180 line ends");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "Highlight",
            "Title",
            "Author",
            "URL",
            "Note",
            "Location",
            "Date"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), fixture.highlights.len());
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "cell {cell:?} would be a formula"
            );
        }
    }
    let formula = rows.iter().find(|r| r[0].contains("=COST(trees)")).unwrap();
    assert_eq!(
        &formula[0],
        "'=COST(trees) is smaller than =COST(heatstroke)"
    );
    assert_eq!(
        &formula[4],
        ".important\n=SUM(A1:A3) would not be a formula here"
    );
    let multi_line = rows.iter().find(|r| r[4].contains("per stop")).unwrap();
    assert_eq!(
        &multi_line[4],
        ".recommendation\nCosts to check:\n- per stop\n- maintenance\n\nThen ask the council."
    );
    let first_quote = fixture.document.text.find(&rows[0][0]).unwrap();
    assert_eq!(
        rows[0][5],
        fixture.document.char_offset(first_quote).to_string(),
        "Location is the character offset"
    );
    assert_eq!(&rows[0][6], "2026-11-02 09:15:00");
}

/// No piece of article or note text may reach the page as markup.
#[test]
fn html_escapes_article_and_note_text_and_loads_nothing() {
    let fixture = Fixture::new();
    let html = export::render(Format::Html, &[fixture.input(true)]);
    assert!(!html.to_ascii_lowercase().contains("<script"));
    assert!(html.contains("&lt;script&gt;alert(&#39;heat&#39;)&lt;/script&gt;"));
    assert!(html.contains("&lt;b&gt;Was this&lt;/b&gt;"));
    assert!(html.contains("faster routes &amp; smarter tickets"));
    assert!(html.contains("<mark class=\"tag-to-visit\" title=\"to visit\">東京 and Zürich"));
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;\">"
    ));
    for forbidden in [
        "src=", "href=", "url(", "@import", "<link", "<img", "<iframe",
    ] {
        assert!(
            !html.contains(forbidden),
            "page must not reference {forbidden}"
        );
    }
    let marks = html.matches("<mark class=").count();
    assert!(
        marks >= fixture.highlights.len(),
        "every highlight is marked"
    );
}

/// Every golden in the folder is produced by a test above (none left stale).
#[test]
fn no_stale_goldens() {
    let expected = [
        "article.md.highlights.md",
        "article.md.highlights.json",
        "article.md.highlights.csv",
        "article.md.highlights.org",
        "article.md.highlights.html",
        "combined.md",
        "combined.json",
    ];
    let dir = export_fixture::golden_dir();
    let mut found: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    let mut expected: Vec<String> = expected.iter().map(|s| (*s).to_owned()).collect();
    expected.sort();
    assert_eq!(found, expected);
}

/// The JSON example in docs/export.md is real export output: it must stay readable by import.
#[test]
fn docs_json_example_reads_back() {
    let docs = std::fs::read_to_string(common::crate_dir().join("docs/export.md")).unwrap();
    let start = docs.find("```json\n").expect("docs have a JSON example") + "```json\n".len();
    let end = start + docs[start..].find("\n```").unwrap();
    let parsed = export::parse_w3c(&docs[start..end], jiff::Timestamp::UNIX_EPOCH).unwrap();
    let tags: Vec<Option<&str>> = parsed.iter().map(|p| p.highlight.tag.as_deref()).collect();
    assert_eq!(tags, [Some("evidence"), Some("recommendation")]);
    assert!(
        parsed
            .iter()
            .all(|p| p.source == "parks.md" && p.highlight.span.is_some())
    );
}
