//! Reading a sidecar's text in one pass: the TOML is parsed once into a spanned table and each
//! known field is read from it by name, while every other key is kept as-is for the round trip.
//!
//! This replaces `#[serde(flatten)]`, which made serde buffer every annotation into an
//! intermediate form and read it a second time; with 10,000 annotations that was most of the
//! time spent loading a sidecar. Errors still carry the byte span of the offending value.

use std::ops::Range;

use jiff::Timestamp;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::anchor::Selector;
use super::model::{Annotation, AnnotationSet, ReadingPosition, Tombstone};

/// A reading failure: what is wrong and the byte span it concerns.
pub(crate) struct ReadError {
    /// One-line description.
    pub message: String,
    /// Byte span in the sidecar's text, when known.
    pub span: Option<Range<usize>>,
}

impl From<toml::de::Error> for ReadError {
    fn from(error: toml::de::Error) -> Self {
        ReadError {
            message: error.message().to_owned(),
            span: error.span(),
        }
    }
}

/// Reads a whole sidecar from its text.
pub(crate) fn read_set(text: &str) -> Result<AnnotationSet, ReadError> {
    let root = DeTable::parse(text)?;
    let mut fields = Fields::new(root);
    let set = AnnotationSet {
        version: fields.required("version")?,
        source: fields.required("source")?,
        fingerprint: fields.required("fingerprint")?,
        reading: fields
            .take_table("reading")?
            .map(read_reading)
            .transpose()?,
        annotations: fields.take_tables("annotation", read_annotation)?,
        tombstones: fields.take_tables("deleted", read_tombstone)?,
        extra: fields.into_extra()?,
    };
    Ok(set)
}

fn read_annotation(mut fields: Fields<'_>) -> Result<Annotation, ReadError> {
    Ok(Annotation {
        id: fields.required("id")?,
        kind: fields.required("kind")?,
        tag: fields.optional("tag")?,
        note: fields.optional("note")?,
        selector: read_selector(&mut fields)?,
        created: fields.required_time("created")?,
        updated: fields.required_time("updated")?,
        extra: fields.into_extra()?,
    })
}

fn read_reading(mut fields: Fields<'_>) -> Result<ReadingPosition, ReadError> {
    Ok(ReadingPosition {
        selector: read_selector(&mut fields)?,
        updated: fields.required_time("updated")?,
        extra: fields.into_extra()?,
    })
}

fn read_tombstone(mut fields: Fields<'_>) -> Result<Tombstone, ReadError> {
    Ok(Tombstone {
        id: fields.required("id")?,
        deleted: fields.required_time("deleted")?,
    })
}

fn read_selector(fields: &mut Fields<'_>) -> Result<Selector, ReadError> {
    Ok(Selector {
        start: fields.required("start")?,
        end: fields.required("end")?,
        quote: fields.optional("quote")?.unwrap_or_default(),
        prefix: fields.optional("prefix")?.unwrap_or_default(),
        suffix: fields.optional("suffix")?.unwrap_or_default(),
    })
}

/// The keys of one TOML table, taken out one by one as they are read; what is left over is
/// the table's unknown keys.
struct Fields<'i> {
    span: Range<usize>,
    entries: Vec<(String, Spanned<DeValue<'i>>)>,
}

impl<'i> Fields<'i> {
    fn new(table: Spanned<DeTable<'i>>) -> Self {
        let span = table.span();
        let entries = table
            .into_inner()
            .into_iter()
            .map(|(key, value)| (key.into_inner().into_owned(), value))
            .collect();
        Fields { span, entries }
    }

    /// Removes and returns the raw value of `key`.
    fn take(&mut self, key: &str) -> Option<Spanned<DeValue<'i>>> {
        let index = self.entries.iter().position(|(name, _)| name == key)?;
        Some(self.entries.swap_remove(index).1)
    }

    /// The value of `key`, if present, read as a `T`.
    fn optional<T: DeserializeOwned>(&mut self, key: &str) -> Result<Option<T>, ReadError> {
        self.take(key).map(convert).transpose()
    }

    /// The value of `key`, read as a `T`; an error naming the key when it is missing.
    fn required<T: DeserializeOwned>(&mut self, key: &str) -> Result<T, ReadError> {
        self.optional(key)?.ok_or_else(|| self.missing(key))
    }

    /// The error for a missing `key`, pointing at this table.
    fn missing(&self, key: &str) -> ReadError {
        ReadError {
            message: format!("missing field `{key}`"),
            span: Some(self.span.clone()),
        }
    }

    /// The RFC 3339 timestamp at `key`.
    fn required_time(&mut self, key: &str) -> Result<Timestamp, ReadError> {
        let value = self.take(key).ok_or_else(|| self.missing(key))?;
        let span = value.span();
        let text: String = convert(value)?;
        text.parse().map_err(|error| ReadError {
            message: format!("bad RFC 3339 time {text:?}: {error}"),
            span: Some(span),
        })
    }

    /// The sub-table at `key`, if present.
    fn take_table(&mut self, key: &str) -> Result<Option<Fields<'i>>, ReadError> {
        self.take(key).map(into_fields).transpose()
    }

    /// The array of tables at `key` (empty when absent), each read by `read`.
    fn take_tables<T>(
        &mut self,
        key: &str,
        read: impl Fn(Fields<'i>) -> Result<T, ReadError>,
    ) -> Result<Vec<T>, ReadError> {
        let Some(value) = self.take(key) else {
            return Ok(Vec::new());
        };
        let span = value.span();
        match value.into_inner() {
            DeValue::Array(items) => items
                .into_iter()
                .map(|item| into_fields(item).and_then(&read))
                .collect(),
            _ => Err(ReadError {
                message: format!("invalid type: expected an array of tables for `{key}`"),
                span: Some(span),
            }),
        }
    }

    /// The keys not read, as a table kept for the round trip.
    fn into_extra(self) -> Result<toml::Table, ReadError> {
        self.entries
            .into_iter()
            .map(|(key, value)| Ok((key, convert(value)?)))
            .collect()
    }
}

/// Reads one raw value as a `T`, keeping its span for errors.
fn convert<T: DeserializeOwned>(value: Spanned<DeValue<'_>>) -> Result<T, ReadError> {
    Ok(T::deserialize(ValueDeserializer::from(value))?)
}

fn into_fields(value: Spanned<DeValue<'_>>) -> Result<Fields<'_>, ReadError> {
    let span = value.span();
    match value.into_inner() {
        DeValue::Table(table) => Ok(Fields::new(Spanned::new(span, table))),
        _ => Err(ReadError {
            message: "invalid type: expected a table".to_owned(),
            span: Some(span),
        }),
    }
}
