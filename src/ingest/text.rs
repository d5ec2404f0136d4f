//! Plain-text front-end: one paragraph per non-empty line.

use crate::document::{BlockKind, Document, DocumentBuilder, Format};

/// Parses plain text: every non-empty line becomes a paragraph block.
pub fn parse(text: &str) -> Document {
    let mut builder = DocumentBuilder::new(Format::Text);
    for line in text.lines() {
        builder.push(BlockKind::Paragraph, 0, line);
    }
    super::boilerplate::flag_boilerplate(&mut builder);
    builder.build()
}
