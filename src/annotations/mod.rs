//! Annotations: highlights, notes, bookmarks and the reading position, kept in a TOML sidecar
//! beside the article and re-anchored when the article's text changes.
//!
//! [`model`] defines what is stored, [`sidecar`] reads and writes the file format,
//! [`fingerprint`] tells whether the text changed, [`anchor`] places annotations on the current
//! text.

pub mod anchor;
pub mod fingerprint;
pub mod model;
pub mod sidecar;

pub use anchor::Selector;
pub use model::{Annotation, AnnotationId, AnnotationSet, Kind, ReadingPosition, Tag, Tombstone};
