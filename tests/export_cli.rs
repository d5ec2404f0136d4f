//! `margent export` and `margent import` on real files: default paths, several articles and
//! folders, `--combine`, standard output, the import round trip (onto a fresh copy and onto an
//! edited copy of the article), and each error's exit code.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::export_fixture;
use margent::annotations::{AnchorStatus, Store, StoreOptions, Tag};
use margent::document::Document;
use margent::export::{self, ExportHighlight};
use margent::ingest;

/// Runs the binary in `dir` with its data folder inside `dir`.
fn margent(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_margent"))
        .args(args)
        .current_dir(dir)
        .env("MARGENT_DATA_DIR", dir.join(".data"))
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Writes the fixture article as `name` in `dir` and annotates it through the store with the
/// fixture's highlights (those whose quote the article's ingested text contains).
fn annotated_article(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, export_fixture::article_text()).unwrap();
    let document = ingest::load(&path).unwrap();
    let mut store = Store::open(&path, &document, StoreOptions::default()).unwrap();
    let fixture = export_fixture::document();
    for highlight in export_fixture::highlights(&fixture) {
        let Some(start) = document.text.find(&highlight.quote) else {
            continue;
        };
        let id = store.add_highlight(
            &document,
            start..start + highlight.quote.len(),
            highlight.tag.as_deref().and_then(Tag::parse),
            highlight.note.clone(),
        );
        assert!(store.get(&id).is_some());
    }
    store.save(&document).unwrap();
    path
}

/// The highlights of the article at `path` as its sidecar places them now.
fn stored_highlights(path: &Path) -> (Document, Vec<ExportHighlight>) {
    let document = ingest::load(path).unwrap();
    let store = Store::open(path, &document, StoreOptions::default()).unwrap();
    let highlights = export::highlights_from_store(&store, &document);
    (document, highlights)
}

#[test]
fn export_writes_each_format_beside_the_article() {
    let dir = tempfile::tempdir().unwrap();
    annotated_article(dir.path(), "article.md");
    let (_, highlights) = stored_highlights(&dir.path().join("article.md"));
    assert!(highlights.len() >= 8, "the fixture annotates the article");
    for (format, extension) in [
        ("markdown", "md"),
        ("json", "json"),
        ("csv", "csv"),
        ("org", "org"),
        ("html", "html"),
    ] {
        let output = margent(dir.path(), &["export", "article.md", "--format", format]);
        assert!(output.status.success(), "{format}: {}", stderr(&output));
        let written = format!("article.md.highlights.{extension}");
        assert_eq!(stdout(&output).trim(), format!("wrote {written}"));
        let text = std::fs::read_to_string(dir.path().join(&written)).unwrap();
        let probe = "We budget for asphalt every year.";
        assert!(text.contains(probe), "{format} export holds the highlights");
    }
    let html = std::fs::read_to_string(dir.path().join("article.md.highlights.html")).unwrap();
    assert!(
        html.contains("<h2>Outline</h2>"),
        "HTML always has the outline"
    );
    let markdown = std::fs::read_to_string(dir.path().join("article.md.highlights.md")).unwrap();
    assert!(
        !markdown.contains("## Outline"),
        "Markdown has it only when asked"
    );
    let output = margent(
        dir.path(),
        &[
            "export",
            "article.md",
            "--format",
            "md",
            "--with-outline",
            "-o",
            "-",
        ],
    );
    assert!(output.status.success());
    assert!(stdout(&output).starts_with("---\n") && stdout(&output).contains("## Outline"));
}

#[test]
fn several_articles_give_one_export_each_or_one_combined() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("reading");
    std::fs::create_dir(&folder).unwrap();
    annotated_article(&folder, "a.md");
    annotated_article(&folder, "b.md");
    std::fs::write(folder.join("unannotated.md"), "Nobody highlighted this.\n").unwrap();

    let output = margent(dir.path(), &["export", "reading", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let listing = stdout(&output);
    let written: Vec<&str> = listing.lines().collect();
    assert_eq!(
        written,
        [
            "wrote reading/a.md.highlights.json",
            "wrote reading/b.md.highlights.json"
        ]
    );
    assert!(!folder.join("unannotated.md.highlights.json").exists());

    let output = margent(
        dir.path(),
        &[
            "export",
            "reading/a.md",
            "reading/b.md",
            "--format",
            "csv",
            "--combine",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output).trim(),
        "wrote reading/margent-highlights.csv"
    );
    let csv = std::fs::read_to_string(folder.join("margent-highlights.csv")).unwrap();
    assert_eq!(csv.matches("Highlight,Title").count(), 1);

    let output = margent(
        dir.path(),
        &[
            "export",
            "reading/a.md",
            "reading/b.md",
            "--format",
            "org",
            "-o",
            "out",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(dir.path().join("out/a.md.highlights.org").is_file());
    assert!(dir.path().join("out/b.md.highlights.org").is_file());

    let output = margent(
        dir.path(),
        &["export", "reading", "--format", "md", "-o", "-"],
    );
    assert_eq!(
        output.status.code(),
        Some(2),
        "several exports to stdout need --combine"
    );
}

/// Export to W3C JSON, import into a fresh sidecar beside an unannotated copy: the same
/// highlights come back with the same ids, tags, notes, positions and timestamps.
#[test]
fn json_export_imports_into_a_fresh_sidecar_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let original = annotated_article(dir.path(), "article.md");
    let output = margent(dir.path(), &["export", "article.md", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));

    let copy_dir = dir.path().join("copy");
    std::fs::create_dir(&copy_dir).unwrap();
    std::fs::copy(&original, copy_dir.join("article.md")).unwrap();
    let output = margent(
        &copy_dir,
        &["import", "article.md", "../article.md.highlights.json"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let (_, before) = stored_highlights(&original);
    let (_, after) = stored_highlights(&copy_dir.join("article.md"));
    assert_eq!(after, before);
    assert!(
        stdout(&output).starts_with(&format!(
            "imported {0} annotations into article.md.margent.toml ({0} exact,",
            before.len()
        )),
        "{}",
        stdout(&output)
    );

    let again = margent(
        &copy_dir,
        &["import", "article.md", "../article.md.highlights.json"],
    );
    assert!(stdout(&again).contains(&format!("; {} already there", before.len())));
    let (_, twice) = stored_highlights(&copy_dir.join("article.md"));
    assert_eq!(twice.len(), before.len(), "importing twice adds nothing");
}

/// Import onto an edited copy: text inserted before the highlights, a word changed inside one,
/// and one highlighted sentence deleted. Untouched highlights are found at their new places,
/// the edited one approximately, and the deleted one is kept as an orphan, not dropped.
#[test]
fn json_imports_onto_an_edited_copy_by_re_anchoring() {
    let dir = tempfile::tempdir().unwrap();
    annotated_article(dir.path(), "article.md");
    let output = margent(dir.path(), &["export", "article.md", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let (_, exported) = stored_highlights(&dir.path().join("article.md"));

    let edited = export_fixture::article_text()
        .replacen(
            "When the thermometer",
            "An editor's note added a paragraph here.\n\nWhen the thermometer",
            1,
        )
        .replace(
            "fewer than a third tracked temperatures at stops at all",
            "fewer than a third tracked the temperatures at stops at all",
        )
        .replace("We budget for asphalt every year. ", "");
    let copy_dir = dir.path().join("edited");
    std::fs::create_dir(&copy_dir).unwrap();
    std::fs::write(copy_dir.join("article.md"), &edited).unwrap();
    let output = margent(
        &copy_dir,
        &["import", "article.md", "../article.md.highlights.json"],
    );
    assert!(output.status.success(), "{}", stderr(&output));

    let path = copy_dir.join("article.md");
    let document = ingest::load(&path).unwrap();
    let store = Store::open(&path, &document, StoreOptions::default()).unwrap();
    assert_eq!(store.annotations().len(), exported.len(), "none lost");
    for highlight in &exported {
        let id = margent::annotations::AnnotationId::new(highlight.id.clone());
        let placement = store.placement(&id).expect("imported");
        let found = placement
            .span
            .clone()
            .map(|span| document.slice(&span).to_owned());
        if highlight.quote == "We budget for asphalt every year." {
            assert_eq!(placement.status, AnchorStatus::Orphaned);
        } else if highlight.quote.starts_with("fewer than a third") {
            assert_eq!(placement.status, AnchorStatus::Fuzzy);
            assert_eq!(
                found.as_deref(),
                Some("fewer than a third tracked the temperatures at stops at all")
            );
        } else {
            assert_eq!(found.as_deref(), Some(highlight.quote.as_str()));
            assert!(matches!(
                placement.status,
                AnchorStatus::Exact | AnchorStatus::Moved
            ));
        }
    }
    assert!(
        stdout(&output).contains("1 fuzzy, 1 orphaned"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn errors_have_one_line_messages_and_their_own_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    annotated_article(dir.path(), "article.md");
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    std::fs::write(dir.path().join("notes.json"), "{\"not\": \"annotations\"}").unwrap();
    let foreign = r#"[{"id": "1", "type": "Annotation", "target": {"source": "x.md",
        "selector": {"type": "TextQuoteSelector", "exact": "Speed"}}},
        {"id": "2", "type": "Annotation", "target": {"source": "y.md",
        "selector": {"type": "TextQuoteSelector", "exact": "Speed"}}}]"#;
    std::fs::write(dir.path().join("foreign.json"), foreign).unwrap();
    let cases: [(&[&str], i32, &str); 6] = [
        (
            &["export", "empty", "--format", "csv"],
            export::EXIT_NO_ARTICLES,
            "no article files",
        ),
        (
            &["export", "missing.md", "--format", "csv"],
            3,
            "no such file",
        ),
        (
            &["import", "article.md", "notes.json"],
            export::EXIT_BAD_ANNOTATIONS,
            "not W3C",
        ),
        (
            &["import", "article.md", "gone.json"],
            export::EXIT_BAD_ANNOTATIONS,
            "cannot read",
        ),
        (
            &["import", "article.md", "foreign.json"],
            export::EXIT_NO_MATCHING_SOURCE,
            "x.md, y.md",
        ),
        (
            &["export", "article.md", "--format", "pdf"],
            2,
            "unknown export format",
        ),
    ];
    for (args, code, message) in cases {
        let output = margent(dir.path(), args);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains(message),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    std::fs::write(
        dir.path().join("article.md.margent.toml"),
        "version = [broken",
    )
    .unwrap();
    let output = margent(dir.path(), &["export", "article.md", "--format", "md"]);
    assert_eq!(output.status.code(), Some(export::EXIT_SIDECAR));
    let message = stderr(&output);
    assert!(
        message.contains("article.md.margent.toml") && message.contains("fix it before exporting")
    );
    assert_eq!(message.lines().count(), 1, "{message}");
}
