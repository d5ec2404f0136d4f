//! `margent annotate` on a bad command line: exit code 2 (as for every usage error) and a
//! message in plain words. Each test says why the behaviour matters.

use std::fs;
use std::process::{Command, Output, Stdio};

const ARTICLE: &str = "Rents rose by a fifth. The council says supply is the answer.\n\n\
    Critics say the answer is slower.\n";

fn annotate(extra: &[&str]) -> Output {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let article = folder.path().join("article.txt");
    fs::write(&article, ARTICLE).expect("a writable temporary folder");
    let path = article.to_str().expect("a UTF-8 path");
    Command::new(env!("CARGO_BIN_EXE_margent"))
        .args(["annotate", path])
        .args(extra)
        .env("MARGENT_DATA_DIR", folder.path().join("data"))
        .stdin(Stdio::null())
        .output()
        .expect("margent runs")
}

/// Why: an empty `--quote` is a mistake on the command line, not a quote missing from the
/// article; scripts that retry on 20 ("not in the article") after editing must not loop on it.
#[test]
fn an_empty_quote_is_a_usage_error() {
    let output = annotate(&["--quote", ""]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--quote must not be empty"), "{stderr}");
}

/// Why: the message counts occurrences in words ("occurs once", "occurs 2 times"), not
/// "2 time(s)".
#[test]
fn a_missing_occurrence_is_counted_in_plain_words() {
    let twice = annotate(&["--quote", "the answer", "--occurrence", "3"]);
    assert_eq!(twice.status.code(), Some(20));
    let stderr = String::from_utf8_lossy(&twice.stderr);
    assert!(stderr.contains("occurs 2 times"), "{stderr}");
    let once = annotate(&["--quote", "Rents rose", "--occurrence", "2"]);
    let stderr = String::from_utf8_lossy(&once.stderr);
    assert!(stderr.contains("occurs once"), "{stderr}");
}
