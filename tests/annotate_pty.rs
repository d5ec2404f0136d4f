//! End-to-end annotating: the real `margent` binary in a pseudo-terminal on a COPY of a sample
//! article. `)` `)` `h` `1` highlights the third sentence as a claim, `n` opens the note
//! editor, a two-line note is typed and saved with Ctrl-s, `q` quits; the sidecar beside the
//! copy then holds the highlight with its tag, exact quote and note, and reopening the article
//! draws the highlight.

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use margent::annotations::{Kind, Tag, sidecar};
use margent::document::Document;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// A running reader with its screen.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
}

impl Session {
    fn open(article: &Path, home: &Path) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_margent"));
        command.arg(article);
        command.env("HOME", home);
        command.env("XDG_CONFIG_HOME", home.join("config"));
        command.env("XDG_DATA_HOME", home.join("data"));
        command.env("MARGENT_DATA_DIR", home.join("data"));
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(command).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(40, 120, 0)));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let feed = Arc::clone(&parser);
        thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(count) = reader.read(&mut buffer) {
                if count == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buffer[..count]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            child,
            _master: pair.master,
            writer,
            parser,
        }
    }

    fn wait_for(&self, what: &str, check: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            {
                let parser = self.parser.lock().unwrap();
                if check(parser.screen()) {
                    return;
                }
                assert!(
                    Instant::now() < deadline,
                    "timed out waiting for {what}; screen:\n{}",
                    parser.screen().contents()
                );
            }
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// Types `bytes` one key at a time, letting the reader draw after each.
    fn keys(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.writer.write_all(&[*byte]).unwrap();
            self.writer.flush().unwrap();
            thread::sleep(Duration::from_millis(120));
        }
    }

    /// Writes `bytes` at once, as fast typing or a paste arrives: `n` and the note after it
    /// reach the reader together, and the note must still land in the editor `n` opens.
    fn burst(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    fn quit(mut self) {
        self.keys(b"q");
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "{status:?}");
                return;
            }
            assert!(Instant::now() < deadline, "margent did not quit on q");
            thread::sleep(Duration::from_millis(50));
        }
    }
}

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

    let session = Session::open(&article, home.path());
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
