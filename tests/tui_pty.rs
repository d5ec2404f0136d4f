//! End-to-end: the real `margent` binary in a pseudo-terminal, its screen read back through a
//! vt100 parser. Opens a sample article, checks the title and the three outline groups are drawn,
//! shrinks the terminal to 10×3 and back, quits with `q`, and checks the terminal was given
//! back (main screen, cursor shown, mouse reporting and raw mode off).

mod common;

use std::path::PathBuf;
use std::thread;
use std::time::Duration;

use common::pty::{COLS, ROWS, Session};

/// A sample article and its title from its labels: the first sample whose labels give one.
fn sample_with_title() -> (PathBuf, String) {
    common::sample_articles()
        .into_iter()
        .find_map(|(article, labels)| {
            let title = common::Labels::load(&labels).metadata.title?;
            Some((article, title))
        })
        .expect("sample-articles/ has an article with a labelled title")
}

#[test]
fn the_reader_runs_resizes_quits_and_restores_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let (article, title) = sample_with_title();
    let mut session = Session::open(&article, home.path());

    session.wait_for("the title and the outline groups", |screen| {
        let text = screen.contents();
        text.contains(&title)
            && text.contains("Claims")
            && text.contains("Quotes")
            && text.contains("Recommendations")
    });
    session.screen(|screen| {
        assert!(
            screen.alternate_screen(),
            "the reader uses the alternate screen"
        );
        assert!(screen.hide_cursor());
    });
    assert_eq!(session.cooked(), Some(false), "raw mode while reading");

    session.resize(10, 3);
    session.wait_for("the too-small notice", |screen| {
        screen.contents().contains("20×5")
    });
    session.resize(COLS, ROWS);
    session.wait_for("the title again", |screen| {
        screen.contents().contains(&title)
    });

    session.quit();
    thread::sleep(Duration::from_millis(200));
    session.screen(|screen| {
        assert!(!screen.alternate_screen(), "back on the main screen");
        assert!(!screen.hide_cursor(), "the cursor is shown");
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    });
    assert_eq!(session.cooked(), Some(true), "raw mode is off");

    let positions = home
        .path()
        .join("data")
        .join("margent")
        .join("positions.toml");
    let saved = std::fs::read_to_string(&positions).expect("the reading position was saved");
    let name = article.file_name().unwrap().to_string_lossy().into_owned();
    assert!(saved.contains(&name), "{saved}");
}
