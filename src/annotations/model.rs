//! The annotation model: highlights, standalone notes, bookmarks and the last reading position,
//! exactly as they are kept in a sidecar file.

use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::anchor::Selector;

/// The sidecar format version this build writes.
pub const FORMAT_VERSION: u32 = 1;

/// Number of characters in an [`AnnotationId`].
pub const ID_LENGTH: usize = 10;

/// Crockford's base32 alphabet in lower case: no `i`, `l`, `o`, `u`, so ids read aloud and
/// typed back without ambiguity.
const ID_ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// A short, stable identifier of an annotation, e.g. `k3f9q2ab7x`.
///
/// New ids are 10 random Crockford base32 characters (50 bits). Random rather than time-based
/// because two margent processes (or two machines sharing a sidecar through git) create ids
/// independently and must not collide when their files are merged by id; 50 bits keeps the
/// chance of a collision among 10,000 annotations under 1 in 20 million, while staying short
/// enough to type after `--remove`. Ids read from a file may be any non-empty string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnnotationId(String);

impl AnnotationId {
    /// A fresh random id.
    pub fn generate() -> Self {
        let id = (0..ID_LENGTH)
            .map(|_| char::from(ID_ALPHABET[fastrand::usize(..ID_ALPHABET.len())]))
            .collect();
        AnnotationId(id)
    }

    /// Wraps an existing id (as typed by a user or read from a file).
    pub fn new(id: impl Into<String>) -> Self {
        AnnotationId(id.into())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AnnotationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What an annotation is. Unknown kinds written by a newer margent are kept as [`Kind::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Kind {
    /// A highlighted passage, with an optional tag and note.
    Highlight,
    /// A note standing alone at a position.
    Note,
    /// A bookmark at a position, with an optional label in its note.
    Bookmark,
    /// A kind this version does not know; kept unchanged.
    Other(String),
}

impl Kind {
    /// The name written in files and JSON.
    pub fn name(&self) -> &str {
        match self {
            Kind::Highlight => "highlight",
            Kind::Note => "note",
            Kind::Bookmark => "bookmark",
            Kind::Other(name) => name,
        }
    }
}

impl From<String> for Kind {
    fn from(name: String) -> Self {
        match name.as_str() {
            "highlight" => Kind::Highlight,
            "note" => Kind::Note,
            "bookmark" => Kind::Bookmark,
            _ => Kind::Other(name),
        }
    }
}

impl From<Kind> for String {
    fn from(kind: Kind) -> Self {
        kind.name().to_owned()
    }
}

/// A highlight's tag: one of the built-in tags (the first three match the outline's item kinds)
/// or any tag the user makes up.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Tag {
    /// An arguable assertion (matches the outline's claims).
    Claim,
    /// A direct quotation (matches the outline's quotes).
    Quote,
    /// Advice to act (matches the outline's recommendations).
    Recommendation,
    /// Data or facts offered in support of a claim.
    Evidence,
    /// Something the reader wants to check or ask about.
    Question,
    /// Something the reader wants to find again.
    Important,
    /// A user-defined tag, stored as typed (trimmed).
    Custom(String),
}

impl Tag {
    /// The built-in tags, in the order a picker should offer them.
    pub const BUILT_IN: [Tag; 6] = [
        Tag::Claim,
        Tag::Quote,
        Tag::Recommendation,
        Tag::Evidence,
        Tag::Question,
        Tag::Important,
    ];

    /// The tag's name as written in files and JSON.
    pub fn name(&self) -> &str {
        match self {
            Tag::Claim => "claim",
            Tag::Quote => "quote",
            Tag::Recommendation => "recommendation",
            Tag::Evidence => "evidence",
            Tag::Question => "question",
            Tag::Important => "important",
            Tag::Custom(name) => name,
        }
    }

    /// Whether this is one of [`Tag::BUILT_IN`].
    pub fn is_built_in(&self) -> bool {
        !matches!(self, Tag::Custom(_))
    }

    /// Parses a tag name; built-in names are matched case-insensitively. `None` for a name
    /// that is empty after trimming.
    pub fn parse(name: &str) -> Option<Tag> {
        let trimmed = name.trim();
        if trimmed.is_empty() {
            return None;
        }
        let lower = trimmed.to_lowercase();
        Some(
            Tag::BUILT_IN
                .into_iter()
                .find(|tag| tag.name() == lower)
                .unwrap_or_else(|| Tag::Custom(trimmed.to_owned())),
        )
    }
}

/// The longest name a new tag may have, in characters: it must fit the tag palette and the
/// Notes tab's label column.
pub const TAG_NAME_MAX: usize = 40;

/// Why a name cannot name a new tag (`:tag NAME` in the reader, `[[tags]]` in the config).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagNameError {
    /// Nothing but white space.
    Empty,
    /// More than [`TAG_NAME_MAX`] characters.
    TooLong(usize),
    /// A tab, line break or other control character, which would break the one-line labels
    /// tags are shown in.
    ControlCharacter,
}

impl fmt::Display for TagNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TagNameError::Empty => f.write_str("a tag name cannot be empty"),
            TagNameError::TooLong(length) => write!(
                f,
                "a tag name has at most {TAG_NAME_MAX} characters, not {length}"
            ),
            TagNameError::ControlCharacter => {
                f.write_str("a tag name cannot hold tabs, line breaks or control characters")
            }
        }
    }
}

impl std::error::Error for TagNameError {}

impl Tag {
    /// Parses the name of a tag the user is making up, with the rules every place that names a
    /// new tag shares: trimmed, not empty, at most [`TAG_NAME_MAX`] characters, no control
    /// characters. Built-in names are matched case-insensitively as in [`Tag::parse`].
    pub fn parse_new(name: &str) -> Result<Tag, TagNameError> {
        let trimmed = name.trim();
        if trimmed.chars().any(char::is_control) {
            return Err(TagNameError::ControlCharacter);
        }
        let length = trimmed.chars().count();
        if length > TAG_NAME_MAX {
            return Err(TagNameError::TooLong(length));
        }
        Tag::parse(trimmed).ok_or(TagNameError::Empty)
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl From<String> for Tag {
    fn from(name: String) -> Self {
        Tag::parse(&name).unwrap_or(Tag::Custom(name))
    }
}

impl From<Tag> for String {
    fn from(tag: Tag) -> Self {
        tag.name().to_owned()
    }
}

/// The current time, rounded to milliseconds, as stored in `created`/`updated`.
pub fn now() -> Timestamp {
    Timestamp::now()
        .round(jiff::Unit::Millisecond)
        .unwrap_or_else(|_| Timestamp::now())
}

/// Serde helpers writing a [`Timestamp`] as an RFC 3339 string (`2026-11-28T20:31:05.123Z`).
pub(crate) mod rfc3339 {
    use jiff::Timestamp;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    /// Writes the timestamp in RFC 3339, UTC.
    pub fn serialize<S: Serializer>(time: &Timestamp, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(time)
    }

    /// Reads an RFC 3339 timestamp with any offset.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse()
            .map_err(|error| D::Error::custom(format!("bad RFC 3339 time {text:?}: {error}")))
    }
}

/// One annotation: a highlight, a standalone note or a bookmark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    /// Stable id, unique within the sidecar.
    pub id: AnnotationId,
    /// What it is.
    pub kind: Kind,
    /// The highlight's tag, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<Tag>,
    /// The note (any number of lines); a bookmark's label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where it is: character positions and the quoted text with its context.
    #[serde(flatten)]
    pub selector: Selector,
    /// When it was made.
    #[serde(with = "rfc3339")]
    pub created: Timestamp,
    /// When the user last changed it (not touched when only its anchor is refreshed).
    #[serde(with = "rfc3339")]
    pub updated: Timestamp,
    /// Keys this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl Annotation {
    /// A new annotation at `selector`, stamped now.
    pub fn new(kind: Kind, selector: Selector) -> Self {
        let time = now();
        Annotation {
            id: AnnotationId::generate(),
            kind,
            tag: None,
            note: None,
            selector,
            created: time,
            updated: time,
            extra: toml::Table::new(),
        }
    }

    /// Marks the annotation as changed by the user now.
    pub fn touch(&mut self) {
        self.updated = now().max(self.updated);
    }

    /// The sort key used in files: position first, then id, so output is deterministic.
    pub fn position_key(&self) -> (usize, usize, &str) {
        (self.selector.start, self.selector.end, self.id.as_str())
    }
}

/// Where the reader last was, re-anchored like a bookmark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadingPosition {
    /// The position with its context.
    #[serde(flatten)]
    pub selector: Selector,
    /// When it was recorded.
    #[serde(with = "rfc3339")]
    pub updated: Timestamp,
    /// Keys this version does not know.
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// A record that an annotation was deleted, so a merge does not bring it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    /// The deleted annotation's id.
    pub id: AnnotationId,
    /// When it was deleted.
    #[serde(with = "rfc3339")]
    pub deleted: Timestamp,
}

/// Everything a sidecar file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnnotationSet {
    /// Format version of the file ([`FORMAT_VERSION`] when written by this build).
    pub version: u32,
    /// File name of the annotated article.
    pub source: String,
    /// Fingerprint of the document text the positions refer to (see
    /// [`super::fingerprint`]).
    pub fingerprint: String,
    /// The last reading position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<ReadingPosition>,
    /// The annotations, sorted by position.
    #[serde(default, rename = "annotation")]
    pub annotations: Vec<Annotation>,
    /// Deleted annotations, sorted by id.
    #[serde(default, rename = "deleted", skip_serializing_if = "Vec::is_empty")]
    pub tombstones: Vec<Tombstone>,
    /// Top-level keys this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl AnnotationSet {
    /// An empty set for the article named `source` whose text has `fingerprint`.
    pub fn new(source: impl Into<String>, fingerprint: impl Into<String>) -> Self {
        AnnotationSet {
            version: FORMAT_VERSION,
            source: source.into(),
            fingerprint: fingerprint.into(),
            reading: None,
            annotations: Vec::new(),
            tombstones: Vec::new(),
            extra: toml::Table::new(),
        }
    }

    /// The annotation with `id`.
    pub fn get(&self, id: &AnnotationId) -> Option<&Annotation> {
        self.annotations.iter().find(|a| &a.id == id)
    }

    /// Puts annotations and tombstones in file order: annotations by position, tombstones by
    /// id.
    pub fn sort(&mut self) {
        self.annotations
            .sort_by(|a, b| a.position_key().cmp(&b.position_key()));
        self.tombstones.sort_by(|a, b| a.id.cmp(&b.id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_short_crockford_and_distinct() {
        // Ids are typed on the command line and merged across processes: they must be short,
        // unambiguous and practically never repeat.
        let ids: std::collections::HashSet<_> =
            (0..10_000).map(|_| AnnotationId::generate()).collect();
        assert_eq!(ids.len(), 10_000);
        for id in ids.iter().take(100) {
            assert_eq!(id.as_str().len(), ID_LENGTH);
            assert!(id.as_str().bytes().all(|b| ID_ALPHABET.contains(&b)));
        }
    }

    #[test]
    fn tags_parse_built_ins_case_insensitively_and_keep_custom_ones() {
        // Users type tags by hand; `Claim` must be the outline's claim, not a new tag.
        assert_eq!(Tag::parse(" Claim "), Some(Tag::Claim));
        assert_eq!(
            Tag::parse("to-read"),
            Some(Tag::Custom("to-read".to_owned()))
        );
        assert_eq!(Tag::parse("  "), None);
        assert!(Tag::BUILT_IN.iter().all(Tag::is_built_in));
    }

    /// New tag names are shown on one line in the palette and the Notes tab, so the rules
    /// that keep them readable apply wherever a user names a tag.
    #[test]
    fn new_tag_names_are_trimmed_short_and_on_one_line() {
        assert_eq!(
            Tag::parse_new(" method "),
            Ok(Tag::Custom("method".to_owned()))
        );
        assert_eq!(Tag::parse_new("Quote"), Ok(Tag::Quote));
        assert_eq!(Tag::parse_new(" \t "), Err(TagNameError::Empty));
        assert_eq!(
            Tag::parse_new("to\nread"),
            Err(TagNameError::ControlCharacter)
        );
        let long = "x".repeat(TAG_NAME_MAX + 1);
        assert_eq!(
            Tag::parse_new(&long),
            Err(TagNameError::TooLong(TAG_NAME_MAX + 1))
        );
        assert!(Tag::parse_new(&long[1..]).is_ok());
    }

    #[test]
    fn unknown_kinds_survive_as_other() {
        // A newer margent may add kinds; this one must keep them rather than fail to load.
        assert_eq!(Kind::from("drawing".to_owned()).name(), "drawing");
        assert_eq!(Kind::from("note".to_owned()), Kind::Note);
    }
}
