//! Reading an article file safely: existence and size checks, binary detection, decoding, and
//! neutralising control characters so article text can never drive a terminal.

use std::borrow::Cow;
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Largest article margent will open: 256 MiB.
pub const MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

/// Why an article could not be read. Each variant has its own exit code.
#[derive(Debug)]
pub enum IngestError {
    /// No file at the path.
    NotFound(PathBuf),
    /// The path is a directory.
    IsDirectory(PathBuf),
    /// The file holds no text (zero bytes or only white space).
    Empty(PathBuf),
    /// The file looks binary (NUL bytes or mostly non-text).
    Binary(PathBuf),
    /// The file is bigger than [`MAX_FILE_SIZE`].
    TooLarge(PathBuf, u64),
    /// The file exists but could not be read (permissions, I/O error).
    Unreadable(PathBuf, io::Error),
}

impl IngestError {
    /// The process exit code for this error (distinct per kind; 2 is left to usage errors).
    pub fn exit_code(&self) -> i32 {
        match self {
            IngestError::NotFound(_) => 3,
            IngestError::IsDirectory(_) => 4,
            IngestError::Empty(_) => 5,
            IngestError::Binary(_) => 6,
            IngestError::TooLarge(..) => 7,
            IngestError::Unreadable(..) => 8,
        }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::NotFound(path) => write!(f, "{}: no such file", path.display()),
            IngestError::IsDirectory(path) => {
                write!(f, "{}: is a directory, not an article file", path.display())
            }
            IngestError::Empty(path) => write!(f, "{}: the file is empty", path.display()),
            IngestError::Binary(path) => write!(
                f,
                "{}: looks like a binary file, not text, Markdown or HTML",
                path.display()
            ),
            IngestError::TooLarge(path, size) => write!(
                f,
                "{}: the file is {} MiB, over margent's limit of {} MiB",
                path.display(),
                size / (1024 * 1024),
                MAX_FILE_SIZE / (1024 * 1024)
            ),
            IngestError::Unreadable(path, error) => {
                write!(f, "{}: cannot read the file: {error}", path.display())
            }
        }
    }
}

impl std::error::Error for IngestError {}

/// A decoded source file with the warnings decoding raised.
#[derive(Debug)]
pub struct Source {
    /// The decoded, neutralised text (BOM removed, CRLF folded to LF).
    pub text: String,
    /// Non-fatal problems, such as invalid UTF-8 replaced.
    pub warnings: Vec<String>,
}

/// Checks and reads the file at `path`.
pub fn read_source(path: &Path) -> Result<Source, IngestError> {
    let owned = || path.to_path_buf();
    let meta = fs::metadata(path).map_err(|error| match error.kind() {
        io::ErrorKind::NotFound => IngestError::NotFound(owned()),
        _ => IngestError::Unreadable(owned(), error),
    })?;
    if meta.is_dir() {
        return Err(IngestError::IsDirectory(owned()));
    }
    if meta.len() > MAX_FILE_SIZE {
        return Err(IngestError::TooLarge(owned(), meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_SIZE + 1).read_to_end(&mut bytes))
        .map_err(|error| IngestError::Unreadable(owned(), error))?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(IngestError::TooLarge(owned(), bytes.len() as u64));
    }
    decode(&bytes).map_err(|problem| match problem {
        DecodeProblem::Empty => IngestError::Empty(owned()),
        DecodeProblem::Binary => IngestError::Binary(owned()),
    })
}

/// Why bytes could not be decoded as an article.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeProblem {
    /// Nothing but white space.
    Empty,
    /// NUL bytes or mostly non-text.
    Binary,
}

/// Decodes bytes as text: strips a UTF-8 BOM, replaces invalid UTF-8 (with a warning), folds
/// CRLF and lone CR to LF, and neutralises control characters.
pub fn decode(bytes: &[u8]) -> Result<Source, DecodeProblem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_binary(bytes) {
        return Err(DecodeProblem::Binary);
    }
    let mut warnings = Vec::new();
    let decoded = match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    };
    if let Cow::Owned(_) = decoded {
        warnings.push("the file is not valid UTF-8; invalid bytes were replaced with �".into());
    }
    let folded = if decoded.contains('\r') {
        Cow::Owned(decoded.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        decoded
    };
    let text = if has_dangerous_control(folded.as_bytes()) {
        if folded.contains('\u{1b}') {
            warnings.push("terminal escape sequences in the file are shown as ␛".into());
        }
        neutralise_controls(&folded)
    } else {
        folded.into_owned()
    };
    if text.trim().is_empty() {
        return Err(DecodeProblem::Empty);
    }
    Ok(Source { text, warnings })
}

/// A file is binary if it has a NUL byte or if more than 10% of its first 8 KiB are control
/// bytes other than tab, newline, carriage return, form feed and escape.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let odd = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    odd * 10 > head.len()
}

/// Replaces control characters (C0 except tab and newline, DEL, C1) with visible stand-ins so
/// that article text can never be interpreted by a terminal: ESC becomes `␛`, other C0
/// characters their Unicode "control picture" (U+2400 block), DEL `␡`, C1 characters `�`.
pub fn neutralise_controls(text: &str) -> String {
    if !has_dangerous_control(text.as_bytes()) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| match c {
            c if !is_dangerous_control(c) => c,
            '\u{7f}' => '␡',
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('�'),
            _ => '�',
        })
        .collect()
}

fn is_dangerous_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// Whether UTF-8 `bytes` hold a character [`neutralise_controls`] would replace, checked on
/// bytes for speed: C0 controls other than tab and newline, DEL, or a C1 control (encoded as
/// `0xC2 0x80..=0x9F`).
fn has_dangerous_control(bytes: &[u8]) -> bool {
    // A branch-free pass per chunk (which the compiler vectorises) finds candidate bytes; only
    // a chunk with one is checked exactly. The exact check looks one byte past the chunk.
    const CHUNK: usize = 4096;
    let suspect = |byte: u8| {
        (byte < 0x20 && byte != b'\t' && byte != b'\n') | (byte == 0x7f) | (byte == 0xc2)
    };
    (0..bytes.len()).step_by(CHUNK).any(|start| {
        let chunk = &bytes[start..bytes.len().min(start + CHUNK)];
        chunk
            .iter()
            .fold(false, |found, &byte| found | suspect(byte))
            && chunk.iter().enumerate().any(|(index, &byte)| match byte {
                b'\t' | b'\n' => false,
                0..=0x1f | 0x7f => true,
                0xc2 => bytes
                    .get(start + index + 1)
                    .is_some_and(|next| (0x80..=0x9f).contains(next)),
                _ => false,
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(neutralise_controls("a\x1b[31mred\x07"), "a␛[31mred␇");
        assert_eq!(neutralise_controls("\u{9b}x\u{7f}"), "�x␡");
        assert_eq!(
            neutralise_controls("tab\tand\nnewline"),
            "tab\tand\nnewline"
        );
    }

    #[test]
    fn the_byte_check_agrees_with_the_character_check() {
        // The fast byte scan must flag exactly the text that neutralising would change.
        let long_clean = "£ ünïcode ".repeat(1000);
        let long_dirty = format!("{long_clean}\u{9b}");
        let straddling = format!("{}\u{9b}", "a".repeat(4095));
        for text in [
            "plain — ünïcode\ttext\n",
            "a\x1bb",
            "\u{85}",
            "\u{9f}x",
            "\u{a0}\u{c2}",
            "\x7f",
            &long_clean,
            &long_dirty,
            &straddling,
        ] {
            assert_eq!(
                has_dangerous_control(text.as_bytes()),
                text.chars().any(is_dangerous_control),
                "{text:?}"
            );
        }
    }

    #[test]
    fn decode_strips_bom_and_folds_line_endings() {
        let source = decode(b"\xEF\xBB\xBFone\r\ntwo\rthree").unwrap();
        assert_eq!(source.text, "one\ntwo\nthree");
        assert!(source.warnings.is_empty());
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let source = decode(b"caf\xe9 au lait").unwrap();
        assert_eq!(source.text, "caf\u{fffd} au lait");
        assert_eq!(source.warnings.len(), 1);
    }

    #[test]
    fn empty_and_binary_input_are_refused() {
        assert_eq!(decode(b" \n\t\n").unwrap_err(), DecodeProblem::Empty);
        assert_eq!(decode(b"abc\0def").unwrap_err(), DecodeProblem::Binary);
        assert_eq!(
            decode(&[1u8, 2, 3, 4, 5, b'a']).unwrap_err(),
            DecodeProblem::Binary
        );
    }
}
