//! Annotations: highlights, notes, bookmarks and the reading position, kept in a TOML sidecar
//! beside the article and re-anchored when the article's text changes.
//!
//! [`model`] defines what is stored, [`sidecar`] reads and writes the file format,
//! [`fingerprint`] tells whether the text changed, [`anchor`] places annotations on the current
//! text (with [`search`] and [`fuzzy`]), [`merge`] reconciles two versions of a file, and
//! [`store`] ties them together: the [`Store`] is what the reader, the CLI and exports use.

pub mod anchor;
mod atomic;
pub mod fingerprint;
pub mod fuzzy;
pub mod merge;
pub mod model;
pub mod search;
pub mod sidecar;
pub mod store;

pub use anchor::Selector;
pub use anchor::{AnchorStatus, Placement};
pub use model::{
    Annotation, AnnotationId, AnnotationSet, Kind, ReadingPosition, Tag, TagNameError, Tombstone,
};
pub use store::{Problem, Saved, Store, StoreError, StoreOptions};
