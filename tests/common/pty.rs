//! The real `margent` binary in a pseudo-terminal, its screen read back through a vt100
//! parser, for the end-to-end tests.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Columns of the terminal a session starts in.
pub const COLS: u16 = 120;
/// Rows of the terminal a session starts in.
pub const ROWS: u16 = 40;

/// How long a session waits for a screen or an exit before failing.
const PATIENCE: Duration = Duration::from_secs(20);

/// A running reader with its screen.
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    /// Opens `article` in a [`COLS`]×[`ROWS`] terminal, with the home, config and data
    /// folders inside `home` so the test touches nothing of the user's.
    pub fn open(article: &Path, home: &Path) -> Session {
        let pair = native_pty_system().openpty(size(COLS, ROWS)).unwrap();
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
        let parser = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
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
            master: pair.master,
            writer,
            parser,
        }
    }

    /// Waits until `check` holds for the screen, or fails with the screen's text.
    pub fn wait_for(&self, what: &str, check: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + PATIENCE;
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

    /// Runs `look` on the screen as it is now.
    pub fn screen<T>(&self, look: impl FnOnce(&vt100::Screen) -> T) -> T {
        look(self.parser.lock().unwrap().screen())
    }

    /// Types `bytes` one key at a time, letting the reader draw after each.
    pub fn keys(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.writer.write_all(&[*byte]).unwrap();
            self.writer.flush().unwrap();
            thread::sleep(Duration::from_millis(120));
        }
    }

    /// Writes `bytes` at once, as fast typing or a paste arrives.
    pub fn burst(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Resizes the terminal and the parsed screen to `cols`×`rows`.
    pub fn resize(&self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
        self.master.resize(size(cols, rows)).unwrap();
    }

    /// Whether the pty is in canonical mode with echo: what a shell expects after we exit.
    pub fn cooked(&self) -> Option<bool> {
        let termios = self.master.get_termios()?;
        let flags = format!("{:?}", termios.local_flags);
        Some(flags.contains("ICANON") && flags.contains("ECHO"))
    }

    /// Presses `q` and waits for the reader to exit successfully.
    pub fn quit(&mut self) {
        self.keys(b"q");
        let deadline = Instant::now() + PATIENCE;
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(Instant::now() < deadline, "margent did not quit on q");
            thread::sleep(Duration::from_millis(50));
        };
        assert!(status.success(), "{status:?}");
    }
}
