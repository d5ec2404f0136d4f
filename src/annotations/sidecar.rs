//! The sidecar file: `<article file name>.margent.toml` beside the article, its parsing (with
//! line and column on error) and its deterministic rendering.

use std::fmt;
use std::path::{Path, PathBuf};

use super::model::AnnotationSet;

/// Suffix appended to the article's file name to name its sidecar.
pub const SIDECAR_SUFFIX: &str = ".margent.toml";

/// Suffix of the recovery file that takes new work when the sidecar cannot be used.
pub const RECOVERY_SUFFIX: &str = ".margent.recovery.toml";

/// Suffix appended to a sidecar's name for the copy of its previous version.
pub const BACKUP_SUFFIX: &str = ".bak";

/// The first line of every sidecar margent writes.
pub const HEADER: &str =
    "# margent annotations — hand-editable; format described in docs/annotation-format.md\n";

/// The sidecar path of an article: `dir/article.md` → `dir/article.md.margent.toml`.
pub fn sidecar_path(article: &Path) -> PathBuf {
    with_suffix(article, SIDECAR_SUFFIX)
}

/// The recovery file beside an article: `dir/article.md.margent.recovery.toml`.
pub fn recovery_path(article: &Path) -> PathBuf {
    with_suffix(article, RECOVERY_SUFFIX)
}

/// The backup of a sidecar: `….margent.toml` → `….margent.toml.bak`.
pub fn backup_path(sidecar: &Path) -> PathBuf {
    with_suffix(sidecar, BACKUP_SUFFIX)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Why a sidecar's text could not be read as annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column (in characters) of the problem.
    pub column: usize,
    /// What is wrong, in one line.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ParseError {}

/// Reads a sidecar's text.
pub fn parse(text: &str) -> Result<AnnotationSet, ParseError> {
    toml::from_str(text).map_err(|error| {
        let offset = error.span().map_or(0, |span| span.start).min(text.len());
        let (line, column) = line_and_column(text, offset);
        ParseError {
            line,
            column,
            message: error.message().trim().replace('\n', " "),
        }
    })
}

/// 1-based line and character column of byte `offset` in `text`.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset;
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Writes a set as sidecar text: a header comment, then the fields in a fixed order with
/// annotations sorted by position and unknown keys sorted by name, so the same set always
/// gives the same bytes and a small change gives a small diff.
pub fn render(set: &AnnotationSet) -> String {
    let mut sorted;
    let set = if is_sorted(set) {
        set
    } else {
        sorted = set.clone();
        sorted.sort();
        &sorted
    };
    let body = toml::to_string_pretty(set).unwrap_or_else(|error| {
        // Every field is a string, integer, table or array of tables, which TOML always
        // represents; reaching this is a bug, not bad input.
        unreachable!("annotation sets always serialise to TOML: {error}")
    });
    let mut out = String::with_capacity(HEADER.len() + body.len());
    out.push_str(HEADER);
    out.push_str(&body);
    out
}

fn is_sorted(set: &AnnotationSet) -> bool {
    set.annotations
        .windows(2)
        .all(|pair| pair[0].position_key() <= pair[1].position_key())
        && set
            .tombstones
            .windows(2)
            .all(|pair| pair[0].id <= pair[1].id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::anchor::Selector;
    use crate::annotations::model::{Annotation, AnnotationId, Kind, Tag};

    fn selector(start: usize, quote: &str) -> Selector {
        Selector {
            start,
            end: start + quote.chars().count(),
            quote: quote.to_owned(),
            prefix: "before ".to_owned(),
            suffix: " after".to_owned(),
        }
    }

    fn sample() -> AnnotationSet {
        let mut set = AnnotationSet::new("article.md", "sha256:00");
        let mut late = Annotation::new(Kind::Highlight, selector(40, "second passage"));
        late.id = AnnotationId::new("bbbbbbbbbb");
        late.tag = Some(Tag::Claim);
        late.note = Some("first line\nsecond line with \"quotes\"\n".to_owned());
        let mut early = Annotation::new(Kind::Highlight, selector(3, "first passage"));
        early.id = AnnotationId::new("aaaaaaaaaa");
        early.tag = Some(Tag::Custom("to check".to_owned()));
        set.annotations = vec![late, early];
        set
    }

    #[test]
    fn round_trip_keeps_everything_and_sorts_by_position() {
        // The sidecar is the only copy of the user's work: reading back what was written must
        // give the same annotations, in position order.
        let set = sample();
        let text = render(&set);
        let back = parse(&text).unwrap();
        assert_eq!(back.annotations.len(), 2);
        assert_eq!(back.annotations[0].id.as_str(), "aaaaaaaaaa");
        let mut expected = set.clone();
        expected.sort();
        assert_eq!(back, expected);
        assert_eq!(render(&back), text, "rendering is deterministic");
    }

    #[test]
    fn multi_line_notes_are_written_as_multi_line_strings() {
        // People read and edit notes in the file by hand; escaped `\n` runs are unreadable.
        let text = render(&sample());
        assert!(text.contains("\"\"\""), "{text}");
        assert!(text.contains("\nsecond line with"), "{text}");
    }

    #[test]
    fn unknown_keys_survive_a_round_trip() {
        // A newer margent may add fields; an older one must not strip them when it saves.
        let mut text = render(&sample());
        text = text.replace(
            "version = 1\n",
            "version = 1\nfuture_flag = true\ncolours = [\"red\", \"blue\"]\n",
        );
        text = text.replace(
            "id = \"aaaaaaaaaa\"\n",
            "id = \"aaaaaaaaaa\"\nconfidence_hint = 0.5\nlinks = { url = \"https://example.org\" }\n",
        );
        text.push_str("\n[plugin_state]\nlast_sync = 2026-01-02T03:04:05Z\n");
        let set = parse(&text).unwrap();
        let again = parse(&render(&set)).unwrap();
        assert_eq!(again, set);
        assert_eq!(again.extra["future_flag"].as_bool(), Some(true));
        assert!(again.extra["plugin_state"].get("last_sync").is_some());
        let first = &again.annotations[0];
        assert_eq!(first.extra["confidence_hint"].as_float(), Some(0.5));
        assert_eq!(
            first.extra["links"]["url"].as_str(),
            Some("https://example.org")
        );
    }

    #[test]
    fn parse_errors_give_line_and_column() {
        // A broken hand edit must be easy to find in the file.
        let text = "version = 1\nsource = \"a.md\"\nfingerprint = = \"x\"\n";
        let error = parse(text).unwrap_err();
        assert_eq!(error.line, 3);
        assert!(error.column >= 14, "{error}");
        let missing = parse("version = 1\n").unwrap_err();
        assert!(missing.message.contains("source"), "{missing}");
    }

    #[test]
    fn paths_are_named_after_the_article_file() {
        // `article.md` keeps its extension so `article.txt` and `article.md` don't share notes.
        let article = Path::new("dir/article.md");
        assert_eq!(
            sidecar_path(article),
            Path::new("dir/article.md.margent.toml")
        );
        assert_eq!(
            recovery_path(article),
            Path::new("dir/article.md.margent.recovery.toml")
        );
        assert_eq!(
            backup_path(&sidecar_path(article)),
            Path::new("dir/article.md.margent.toml.bak")
        );
    }
}
