//! End-to-end: the real `margent` binary in a pseudo-terminal, its screen read back through a
//! vt100 parser. Opens a sample article, checks the title and the three outline groups are drawn,
//! shrinks the terminal to 10×3 and back, quits with `q`, and checks the terminal was given
//! back (main screen, cursor shown, mouse reporting and raw mode off).

mod common;

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};

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

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// Waits until `check` holds for the parsed screen, or fails with the screen's text.
fn wait_for(
    parser: &Arc<Mutex<vt100::Parser>>,
    what: &str,
    check: impl Fn(&vt100::Screen) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        {
            let parser = parser.lock().unwrap();
            if check(parser.screen()) {
                return;
            }
            if Instant::now() > deadline {
                panic!(
                    "timed out waiting for {what}; screen:\n{}",
                    parser.screen().contents()
                );
            }
        }
        thread::sleep(Duration::from_millis(50));
    }
}

fn resize(master: &dyn MasterPty, parser: &Arc<Mutex<vt100::Parser>>, cols: u16, rows: u16) {
    parser.lock().unwrap().screen_mut().set_size(rows, cols);
    master.resize(size(cols, rows)).unwrap();
}

/// Whether the pty is in canonical mode with echo: what a shell expects after we exit.
fn cooked(master: &dyn MasterPty) -> Option<bool> {
    let termios = master.get_termios()?;
    let flags = format!("{:?}", termios.local_flags);
    Some(flags.contains("ICANON") && flags.contains("ECHO"))
}

#[test]
fn the_reader_runs_resizes_quits_and_restores_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let (article, title) = sample_with_title();
    let pair = native_pty_system().openpty(size(120, 40)).unwrap();
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_margent"));
    command.arg(&article);
    command.env("HOME", home.path());
    command.env("XDG_CONFIG_HOME", home.path().join("config"));
    command.env("XDG_DATA_HOME", home.path().join("data"));
    command.env("TERM", "xterm-256color");
    command.env_remove("NO_COLOR");
    let mut child = pair.slave.spawn_command(command).unwrap();
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
    let mut writer = pair.master.take_writer().unwrap();

    wait_for(&parser, "the title and the outline groups", |screen| {
        let text = screen.contents();
        text.contains(&title)
            && text.contains("Claims")
            && text.contains("Quotes")
            && text.contains("Recommendations")
    });
    {
        let parser = parser.lock().unwrap();
        assert!(
            parser.screen().alternate_screen(),
            "the reader uses the alternate screen"
        );
        assert!(parser.screen().hide_cursor());
    }
    assert_eq!(cooked(&*pair.master), Some(false), "raw mode while reading");

    resize(&*pair.master, &parser, 10, 3);
    wait_for(&parser, "the too-small notice", |screen| {
        screen.contents().contains("Terminal")
    });
    resize(&*pair.master, &parser, 120, 40);
    wait_for(&parser, "the title again", |screen| {
        screen.contents().contains(&title)
    });

    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "margent did not quit on q");
        thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    thread::sleep(Duration::from_millis(200));
    let parser = parser.lock().unwrap();
    let screen = parser.screen();
    assert!(!screen.alternate_screen(), "back on the main screen");
    assert!(!screen.hide_cursor(), "the cursor is shown");
    assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    assert_eq!(cooked(&*pair.master), Some(true), "raw mode is off");

    let positions = home
        .path()
        .join("data")
        .join("margent")
        .join("positions.toml");
    let saved = std::fs::read_to_string(&positions).expect("the reading position was saved");
    let name = article.file_name().unwrap().to_string_lossy().into_owned();
    assert!(saved.contains(&name), "{saved}");
}
