//! Every way an article can fail to open, checked on the real binary: one line on standard
//! error naming the problem, and the exit code of its own. Also the non-fatal cases: invalid
//! UTF-8 and terminal escape sequences.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use margent::ingest::MAX_FILE_SIZE;

fn info(path: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_margent"))
        .arg("info")
        .arg(path)
        .output()
        .expect("the margent binary runs")
}

/// Asserts a failure: exit `code`, nothing on stdout, and exactly one stderr line that starts
/// with "margent: " and contains `message`.
fn assert_fails(output: &Output, code: i32, message: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(code), "stderr: {stderr}");
    assert!(output.stdout.is_empty(), "nothing on stdout");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line on stderr: {stderr:?}");
    assert!(lines[0].starts_with("margent: "), "{stderr:?}");
    assert!(lines[0].contains(message), "{stderr:?} lacks {message:?}");
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).expect("temp file written");
    path
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap();
    assert_fails(&info(&dir.path().join("nope.txt")), 3, "no such file");
}

#[test]
fn directory() {
    let dir = tempfile::tempdir().unwrap();
    assert_fails(&info(dir.path()), 4, "is a directory");
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    assert_fails(&info(&write(dir.path(), "empty.txt", b"")), 5, "empty");
    let blank = write(dir.path(), "blank.txt", b"  \n\t\n\n");
    assert_fails(&info(&blank), 5, "empty");
}

#[test]
fn binary_file_with_nul_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_fails(&info(&path), 6, "binary");
}

#[test]
fn binary_file_of_mostly_control_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let bytes: Vec<u8> = (0..4000u32).map(|i| (i % 31 + 1) as u8).collect();
    assert_fails(&info(&write(dir.path(), "data.md", &bytes)), 6, "binary");
}

#[test]
fn file_over_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    // A sparse file: its length is over the limit but it takes no disk space.
    let file = fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_SIZE + 1).unwrap();
    assert_fails(&info(&path), 7, "over margent's limit of 256 MiB");
}

#[cfg(unix)]
#[test]
fn unreadable_file_by_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "secret.txt", b"A private article.\n");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&path).is_ok() {
        // Root (as in many containers) reads files whatever their mode;
        // `unreadable_file_by_io_error` covers the error path there.
        eprintln!("skipping unreadable_file_by_permissions: running as root, mode 000 is readable");
        return;
    }
    assert_fails(&info(&path), 8, "cannot read the file");
}

#[test]
fn unreadable_file_by_io_error() {
    // /proc/self/mem exists and opens, but reading at offset 0 (unmapped memory) fails with an
    // I/O error for every user, root included.
    let path = Path::new("/proc/self/mem");
    if !path.exists() {
        eprintln!("skipping unreadable_file_by_io_error: no /proc/self/mem on this system");
        return;
    }
    assert_fails(&info(path), 8, "cannot read the file");
}

#[test]
fn invalid_utf8_succeeds_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "latin1.txt",
        b"The Caf\xe9 Society Returns\n\nThe caf\xe9 opened on Monday and served coffee all day.\n",
    );
    let output = info(&path);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "stderr: {stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one warning line: {stderr:?}");
    assert!(lines[0].starts_with("margent: warning: ") && lines[0].contains("not valid UTF-8"));
    let stdout = String::from_utf8(output.stdout).expect("output is UTF-8");
    assert!(
        stdout.contains("The Caf\u{fffd} Society Returns"),
        "{stdout}"
    );
}

#[test]
fn escape_sequences_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "escapes.txt",
        b"Red \x1b[31mAlert\x1b[0m Headline\n\nBody text \x1b]0;pwned\x07 follows here.\n",
    );
    for format in ["text", "json"] {
        let output = Command::new(env!("CARGO_BIN_EXE_margent"))
            .args(["info", "--format", format])
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "stderr: {stderr}");
        assert!(!output.stdout.contains(&0x1b) && !output.stderr.contains(&0x1b));
        assert!(!output.stdout.contains(&0x07), "no raw BEL");
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(stdout.contains("Red ␛[31mAlert␛[0m Headline"), "{stdout}");
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 1, "one warning line: {stderr:?}");
        assert!(lines[0].starts_with("margent: warning: ") && lines[0].contains("␛"));
    }
}

/// `margent outline FILE | head` is how people look at long output: when the reader closes
/// the pipe early, margent stops quietly with success instead of reporting a broken pipe.
/// The outline here is far larger than a pipe's buffer, so the write after the close fails.
#[test]
fn a_reader_closing_the_pipe_early_is_not_an_error() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let sample = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-articles/heat-health-oped.txt"),
    )
    .unwrap();
    let article = write(dir.path(), "long.txt", sample.repeat(60).as_bytes());
    let mut child = Command::new(env!("CARGO_BIN_EXE_margent"))
        .args(["outline", "--format", "json"])
        .arg(&article)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut head = [0_u8; 64];
    stdout.read_exact(&mut head).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
