//! End-to-end annotating: the real `margent` binary in a pseudo-terminal on a COPY of a sample
//! article. `)` `)` `h` `1` highlights the third sentence as a claim, `n` opens the note
//! editor, a two-line note is typed and saved with Ctrl-s, `q` quits; the sidecar beside the
//! copy then holds the highlight with its tag, exact quote and note, and reopening the article
//! draws the highlight.

mod common;

use common::pty::Session;
use margent::annotations::{Kind, Tag, sidecar};
use margent::document::Document;

/// The text of the third sentence the cursor can rest on: the headline shown in the title
/// block and boilerplate are skipped, as in the reader.
fn third_sentence(doc: &Document) -> String {
    let shown: Vec<&str> = (0..doc.sentences.len())
        .filter(|&i| {
            let block = doc.sentences[i].block;
            !margent::tui::wrap::shown_in_title_block(doc, block)
                && !doc.blocks[block].is_boilerplate()
        })
        .map(|i| doc.sentence_text(i))
        .collect();
    shown[2].to_owned()
}

#[test]
fn highlight_and_note_are_saved_beside_the_article_and_shown_on_reopening() {
    let home = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let (sample, _) = common::sample_articles()
        .into_iter()
        .find(|(article, _)| article.extension().is_some_and(|e| e == "txt"))
        .expect("sample-articles/ has a plain-text article");
    let article = folder.path().join(sample.file_name().unwrap());
    std::fs::copy(&sample, &article).unwrap();
    let doc = margent::ingest::load(&article).unwrap();
    let quote = third_sentence(&doc);
    let first_words: String = quote
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");

    let mut session = Session::open(&article, home.path());
    session.wait_for("the article", |screen| {
        screen.contents().contains(&first_words)
    });
    session.keys(b"))h1");
    session.wait_for("the highlight message", |screen| {
        screen.contents().contains("Highlighted as claim")
    });
    session.burst(b"nCheck the source.\rAsk the author too.");
    session.wait_for("the note editor", |screen| {
        screen.contents().contains("Ask the author too.")
    });
    session.keys(&[0x13]);
    session.wait_for("the saved note", |screen| {
        screen.contents().contains("Note saved")
    });
    session.quit();

    let sidecar_path = sidecar::sidecar_path(&article);
    let text = std::fs::read_to_string(&sidecar_path).expect("the sidecar was written");
    let set = sidecar::parse(&text).unwrap();
    assert_eq!(set.annotations.len(), 1, "{text}");
    let highlight = &set.annotations[0];
    assert_eq!(highlight.kind, Kind::Highlight);
    assert_eq!(highlight.tag, Some(Tag::Claim));
    assert_eq!(highlight.selector.quote, quote);
    assert_eq!(
        highlight.note.as_deref(),
        Some("Check the source.\nAsk the author too.")
    );

    let mut session = Session::open(&article, home.path());
    session.wait_for("the highlight drawn in its colour", |screen| {
        let (rows, cols) = screen.size();
        (0..rows).any(|row| {
            let line: String = (0..cols)
                .map(
                    |col| match screen.cell(row, col).map(vt100::Cell::contents) {
                        Some(text) if !text.is_empty() => text.to_owned(),
                        _ => String::from(" "),
                    },
                )
                .collect();
            line.find(&first_words).is_some_and(|byte| {
                let col = line[..byte].chars().count() as u16;
                screen
                    .cell(row, col)
                    .is_some_and(|cell| cell.bgcolor() != vt100::Color::Default)
            })
        })
    });
    session.quit();
}
