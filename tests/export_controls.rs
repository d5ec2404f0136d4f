//! `margent export` writes what a sidecar holds; a sidecar is a plain file anyone may edit, so
//! a tag, note or quote may hold control characters. None of them may reach the terminal raw
//! (`-o -`), and none may be dropped.

mod common;

use std::fs;

use common::controls::{article_with_escapes, margent};

/// Why: `margent export FILE --format markdown -o -` printed `## evil\x1b[31mRED`, which
/// recolours the terminal (and OSC sequences can retitle it or write the clipboard). The text
/// formats show each control character as its stand-in (␛, ␇), keeping the text readable and
/// complete; JSON keeps the exact string, escaped by the JSON writer as `\u001b`.
#[test]
fn every_format_on_standard_output_shows_control_characters_instead_of_sending_them() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = article_with_escapes(folder.path(), "evil\\u001b[31mRED");
    for format in ["markdown", "csv", "org", "html", "json"] {
        let exported = margent(
            folder.path(),
            &["export", &path, "--format", format, "-o", "-"],
        );
        assert!(exported.status.success(), "{format}: {exported:?}");
        let stdout = String::from_utf8(exported.stdout).expect("UTF-8 output");
        let raw: Vec<char> = stdout
            .chars()
            .filter(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
            .collect();
        assert!(raw.is_empty(), "{format} sent {raw:?}: {stdout}");
        if format == "json" {
            assert!(stdout.contains("evil\\u001b[31mRED"), "{stdout}");
            assert!(
                stdout.contains("see \\u001b]0;title\\u0007 here"),
                "{stdout}"
            );
        } else {
            assert!(stdout.contains("␛"), "{format}: {stdout}");
            assert!(stdout.contains("title␇"), "{format}: {stdout}");
        }
    }
}

/// Why: the same rule holds for an export written to a file (it is as likely to be `cat`ed),
/// and the stand-ins keep every character the user wrote visible in the file.
#[test]
fn exported_files_keep_the_text_with_stand_ins() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = article_with_escapes(folder.path(), "evil\\u001b[31mRED");
    let exported = margent(folder.path(), &["export", &path, "--format", "markdown"]);
    assert!(exported.status.success(), "{exported:?}");
    let written = fs::read_to_string(folder.path().join("article.txt.highlights.md"))
        .expect("the export was written beside the article");
    assert!(!written.contains('\u{1b}'), "{written}");
    assert!(written.contains("## evil␛\\[31mRED"), "{written}");
    assert!(written.contains("see ␛\\]0;title␇ here"), "{written}");
}
