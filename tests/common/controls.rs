//! A sidecar holding control characters, as a hand edit or a shared file may leave it, for the
//! tests that check no command sends them to the terminal.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs the binary with its data folder inside `folder`.
pub fn margent(folder: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_margent"))
        .args(args)
        .env("MARGENT_DATA_DIR", folder.join("data"))
        .stdin(Stdio::null())
        .output()
        .expect("margent runs")
}

/// An article with one highlight whose sidecar was then hand-edited so its tag and note hold
/// ESC sequences: the tag becomes `escaped_tag` (written with TOML escapes such as `\u001b`)
/// and the note an OSC title change ending in BEL. Returns its path.
pub fn article_with_escapes(folder: &Path, escaped_tag: &str) -> String {
    let article = folder.join("article.txt");
    fs::write(
        &article,
        "Rents rose by a fifth. The council says supply is the answer.\n",
    )
    .expect("a writable temporary folder");
    let path = article.to_str().expect("a UTF-8 path").to_owned();
    let made = margent(
        folder,
        &[
            "annotate",
            &path,
            "--quote",
            "Rents rose by a fifth.",
            "--tag",
            "claim",
            "--note",
            "plain",
        ],
    );
    assert!(made.status.success(), "{made:?}");
    let sidecar = folder.join("article.txt.margent.toml");
    let text = fs::read_to_string(&sidecar).expect("the sidecar was written");
    let edited = text
        .replace("tag = \"claim\"", &format!("tag = \"{escaped_tag}\""))
        .replace(
            "note = \"plain\"",
            "note = \"see \\u001b]0;title\\u0007 here\"",
        );
    assert_ne!(edited, text, "the test edits the tag and the note");
    fs::write(&sidecar, edited).expect("the sidecar is writable");
    path
}
