//! `margent annotations` prints what a sidecar holds; a sidecar is a plain file anyone may edit,
//! so what it says must not reach the terminal as escape sequences.

mod common;

use std::fs;

use common::controls::{article_with_escapes, margent};

/// Why: a tag or note with ESC in it (hand-edited, or from a shared sidecar) printed raw could
/// recolour the terminal, retitle it or write to the clipboard (OSC 52). Control characters are
/// shown as visible stand-ins, as the reader and `info` show them for article text. A tag with
/// one (which `--tag` would refuse) is kept as written, and one line on stderr says so.
#[test]
fn control_characters_from_the_sidecar_are_shown_not_sent() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = article_with_escapes(folder.path(), "odd\\u001b[31m");
    let sidecar = folder.path().join("article.txt.margent.toml");
    let listed = margent(folder.path(), &["annotations", &path]);
    assert!(listed.status.success(), "{listed:?}");
    let stdout = String::from_utf8_lossy(&listed.stdout);
    assert!(!stdout.contains('\u{1b}'), "{stdout:?}");
    assert!(!stdout.contains('\u{7}'), "{stdout:?}");
    assert!(stdout.contains("odd␛[31m"), "{stdout:?}");
    let stderr = String::from_utf8_lossy(&listed.stderr);
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|line| line.contains("control characters"))
        .collect();
    assert_eq!(
        warnings.len(),
        1,
        "one line says the tag was kept: {stderr:?}"
    );
    assert!(warnings[0].contains("1 tag in the sidecar"), "{stderr:?}");
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    let kept = fs::read_to_string(&sidecar).expect("the sidecar is still there");
    assert!(
        kept.contains("odd\\u001b[31m"),
        "the tag is kept as written: {kept}"
    );
}
