//! The document model: one normalised text, the blocks it is made of, and its sentences.
//!
//! Everything later — outline items, annotations, search hits, rendering — refers to byte
//! ranges in [`Document::text`]. Ranges always fall on `char` boundaries. Public contracts
//! (JSON output) speak in character offsets; [`Document::char_offset`] and
//! [`Document::byte_offset`] convert between the two in `O(log n)`.

use std::ops::Range;

use serde::Serialize;

/// What kind of structural unit a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A heading; [`Block::level`] holds 1–6.
    Heading,
    /// An ordinary paragraph of prose.
    Paragraph,
    /// A block quotation; [`Block::level`] holds its nesting depth.
    BlockQuote,
    /// One item of a list; [`Block::level`] holds its nesting depth.
    ListItem,
    /// Preformatted text or code, kept verbatim.
    Preformatted,
}

/// An inline style kept from Markdown or HTML emphasis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InlineStyle {
    /// Emphasis (`*x*`, `<em>`).
    Emphasis,
    /// Strong emphasis (`**x**`, `<strong>`).
    Strong,
    /// Inline code.
    Code,
    /// The text of a link (its target is dropped).
    Link,
}

/// A styled run of text inside a block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StyledSpan {
    /// Byte range in [`Document::text`].
    pub span: Range<usize>,
    /// The style that applies to it.
    pub style: InlineStyle,
}

/// One structural unit of the article: a heading, a paragraph, a quote, a list item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Byte range of the block's text in [`Document::text`].
    pub span: Range<usize>,
    /// Heading level (1–6) or nesting depth for quotes and lists; 0 for paragraphs.
    pub level: u8,
    /// `Some(reason)` when the block is boilerplate (share widgets, bios, credits…): kept in the
    /// document so nothing is silently deleted, but dimmed and kept out of the outline.
    pub boilerplate: Option<String>,
    /// Inline styles inside the block.
    pub styles: Vec<StyledSpan>,
}

impl Block {
    /// Whether the block was flagged as boilerplate.
    pub fn is_boilerplate(&self) -> bool {
        self.boilerplate.is_some()
    }
}

/// One sentence, as found by [`crate::segment`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Byte range in [`Document::text`], trimmed of surrounding white space.
    pub span: Range<usize>,
    /// Index of the block that holds it.
    pub block: usize,
}

/// Facts about the article found by ingest: title, byline, date, publisher, tags, standfirst.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Metadata {
    /// The article's headline.
    pub title: Option<String>,
    /// The author's name (several joined with ", ").
    pub author: Option<String>,
    /// Publication date as ISO 8601 (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// Publication or site name.
    pub publisher: Option<String>,
    /// Topic tags, in the order the source lists them.
    pub tags: Vec<String>,
    /// The standfirst (dek, summary) printed under the headline.
    pub standfirst: Option<String>,
}

/// The input format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Plain text, one paragraph per line or per blank-line-separated run.
    Text,
    /// CommonMark Markdown.
    Markdown,
    /// An HTML page.
    Html,
}

impl Format {
    /// The lower-case name used in JSON output and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// A whole article: normalised text, blocks, sentences and metadata.
#[derive(Debug, Clone)]
pub struct Document {
    /// The article's normalised text: blocks joined by blank lines (`"\n\n"`).
    pub text: String,
    /// Blocks in reading order; their spans are ascending and do not overlap.
    pub blocks: Vec<Block>,
    /// Sentences in reading order; their spans are ascending and do not overlap.
    pub sentences: Vec<Sentence>,
    /// What ingest found out about the article.
    pub metadata: Metadata,
    /// The format it was read from.
    pub format: Format,
    /// Non-fatal problems met while reading (lossy decoding, neutralised escapes…).
    pub warnings: Vec<String>,
    char_index: CharIndex,
}

/// The separator placed between blocks in [`Document::text`].
pub const BLOCK_SEPARATOR: &str = "\n\n";

impl Document {
    /// A plain-text document with one paragraph block for each part of `text` between blank
    /// lines (`"\n\n"`), built without any front-end rules: no headline, metadata or
    /// boilerplate flags.
    pub fn from_paragraphs(text: &str) -> Document {
        let mut builder = DocumentBuilder::new(Format::Text);
        for paragraph in text.split(BLOCK_SEPARATOR) {
            builder.push(BlockKind::Paragraph, 0, paragraph);
        }
        builder.build()
    }

    /// Assembles a document from blocks and segments it into sentences.
    ///
    /// `text` must be the blocks' texts joined by [`BLOCK_SEPARATOR`], as built by
    /// [`DocumentBuilder`].
    fn assemble(
        text: String,
        blocks: Vec<Block>,
        metadata: Metadata,
        format: Format,
        warnings: Vec<String>,
    ) -> Document {
        let mut sentences = Vec::with_capacity(text.len() / 128 + blocks.len());
        for (index, block) in blocks.iter().enumerate() {
            let offset = block.span.start;
            sentences.extend(
                crate::segment::sentences(&text[block.span.clone()])
                    .into_iter()
                    .map(|range| Sentence {
                        span: offset + range.start..offset + range.end,
                        block: index,
                    }),
            );
        }
        let char_index = CharIndex::new(&text);
        Document {
            text,
            blocks,
            sentences,
            metadata,
            format,
            warnings,
            char_index,
        }
    }

    /// The text of a byte range.
    pub fn slice(&self, span: &Range<usize>) -> &str {
        &self.text[span.clone()]
    }

    /// The text of sentence `index`.
    pub fn sentence_text(&self, index: usize) -> &str {
        self.slice(&self.sentences[index].span)
    }

    /// The text of block `index`.
    pub fn block_text(&self, index: usize) -> &str {
        self.slice(&self.blocks[index].span)
    }

    /// Index of the block containing byte `offset`, or the next block after it when the
    /// offset falls in a separator; `None` past the last block.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        let index = self
            .blocks
            .partition_point(|block| block.span.end <= offset);
        (index < self.blocks.len()).then_some(index)
    }

    /// Index of the sentence containing byte `offset`, or the next one after it; `None` past
    /// the last sentence.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let index = self.sentences.partition_point(|s| s.span.end <= offset);
        (index < self.sentences.len()).then_some(index)
    }

    /// Indices of the sentences that lie in block `block`.
    pub fn sentences_in_block(&self, block: usize) -> Range<usize> {
        let start = self.sentences.partition_point(|s| s.block < block);
        let end = self.sentences.partition_point(|s| s.block <= block);
        start..end
    }

    /// Converts a byte offset into a character (Unicode scalar value) offset.
    pub fn char_offset(&self, byte: usize) -> usize {
        self.char_index.char_offset(&self.text, byte)
    }

    /// Converts a character offset into a byte offset (clamped to the text's length).
    pub fn byte_offset(&self, chars: usize) -> usize {
        self.char_index.byte_offset(&self.text, chars)
    }

    /// Number of words in the non-boilerplate blocks.
    pub fn word_count(&self) -> usize {
        use unicode_segmentation::UnicodeSegmentation;
        self.blocks
            .iter()
            .filter(|block| !block.is_boilerplate())
            .map(|block| self.slice(&block.span).unicode_words().count())
            .sum()
    }
}

/// Builds a [`Document`] block by block; ingest front-ends use it so that spans are always
/// consistent with the text.
#[derive(Debug)]
pub struct DocumentBuilder {
    format: Format,
    text: String,
    blocks: Vec<Block>,
    metadata: Metadata,
    warnings: Vec<String>,
}

impl DocumentBuilder {
    /// Starts an empty document read from `format`.
    pub fn new(format: Format) -> Self {
        DocumentBuilder {
            format,
            text: String::new(),
            blocks: Vec::new(),
            metadata: Metadata::default(),
            warnings: Vec::new(),
        }
    }

    /// Appends a block; leading and trailing white space is trimmed and empty blocks are
    /// skipped. Returns the new block's index, if one was added.
    pub fn push(&mut self, kind: BlockKind, level: u8, text: &str) -> Option<usize> {
        self.push_styled(kind, level, text, &[])
    }

    /// Appends a block with inline styles given as byte ranges relative to `text`.
    pub fn push_styled(
        &mut self,
        kind: BlockKind,
        level: u8,
        text: &str,
        styles: &[(Range<usize>, InlineStyle)],
    ) -> Option<usize> {
        let leading = text.len() - text.trim_start().len();
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return None;
        }
        if !self.blocks.is_empty() {
            self.text.push_str(BLOCK_SEPARATOR);
        }
        let start = self.text.len();
        self.text.push_str(trimmed);
        let end = self.text.len();
        let styles = styles
            .iter()
            .filter_map(|(range, style)| {
                let from = range.start.saturating_sub(leading).min(trimmed.len());
                let to = range.end.saturating_sub(leading).min(trimmed.len());
                (from < to).then(|| StyledSpan {
                    span: start + from..start + to,
                    style: *style,
                })
            })
            .collect();
        self.blocks.push(Block {
            kind,
            span: start..end,
            level,
            boilerplate: None,
            styles,
        });
        Some(self.blocks.len() - 1)
    }

    /// The blocks pushed so far.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The text of block `index` pushed so far.
    pub fn block_text(&self, index: usize) -> &str {
        &self.text[self.blocks[index].span.clone()]
    }

    /// Flags block `index` as boilerplate, with a short reason.
    pub fn mark_boilerplate(&mut self, index: usize, reason: impl Into<String>) {
        self.blocks[index].boilerplate = Some(reason.into());
    }

    /// The metadata gathered so far.
    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    /// Mutable access to the metadata being gathered.
    pub fn metadata_mut(&mut self) -> &mut Metadata {
        &mut self.metadata
    }

    /// Records a non-fatal problem.
    pub fn warn(&mut self, warning: impl Into<String>) {
        self.warnings.push(warning.into());
    }

    /// Finishes the document: segments sentences and builds the offset index.
    pub fn build(self) -> Document {
        Document::assemble(
            self.text,
            self.blocks,
            self.metadata,
            self.format,
            self.warnings,
        )
    }
}

/// Maps byte offsets to character offsets with checkpoints every [`CharIndex::STRIDE`] bytes.
#[derive(Debug, Clone, Default)]
struct CharIndex {
    /// `(byte offset, chars before it)` pairs, ascending, at least one per `STRIDE` bytes.
    checkpoints: Vec<(usize, usize)>,
}

impl CharIndex {
    const STRIDE: usize = 4096;

    fn new(text: &str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / Self::STRIDE + 1);
        checkpoints.push((0, 0));
        let (mut byte, mut chars) = (0, 0);
        while text.len() - byte > Self::STRIDE {
            let mut next = byte + Self::STRIDE;
            while !text.is_char_boundary(next) {
                next += 1;
            }
            chars += count_chars(&text.as_bytes()[byte..next]);
            checkpoints.push((next, chars));
            byte = next;
        }
        CharIndex { checkpoints }
    }

    fn char_offset(&self, text: &str, byte: usize) -> usize {
        let byte = byte.min(text.len());
        let index = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (base_byte, base_chars) = self.checkpoints[index];
        base_chars + text[base_byte..byte].chars().count()
    }

    /// Bytes counted at once when skipping ahead from a checkpoint: a block of this many bytes
    /// holds at most this many characters, so it can be skipped whole while at least that many
    /// characters remain to go.
    const BLOCK: usize = 64;

    fn byte_offset(&self, text: &str, chars: usize) -> usize {
        let index = self.checkpoints.partition_point(|&(_, c)| c <= chars) - 1;
        let (base_byte, base_chars) = self.checkpoints[index];
        let bytes = &text.as_bytes()[base_byte..];
        let mut remaining = chars - base_chars;
        let mut offset = 0;
        while remaining >= Self::BLOCK {
            let Some(block) = bytes[offset..].first_chunk::<{ Self::BLOCK }>() else {
                break;
            };
            remaining -= count_block_chars(block);
            offset += Self::BLOCK;
        }
        bytes[offset..]
            .iter()
            .enumerate()
            .filter(|&(_, &byte)| is_char_start(byte))
            .nth(remaining)
            .map_or(text.len(), |(at, _)| base_byte + offset + at)
    }
}

/// Number of characters starting in a block of [`CharIndex::BLOCK`] bytes, counted in byte-wide
/// lanes (a block holds at most 64, so a `u8` cannot overflow): a few vector instructions per
/// block where [`count_chars`] widens every lane to `usize`.
fn count_block_chars(block: &[u8; CharIndex::BLOCK]) -> usize {
    usize::from(
        block
            .iter()
            .fold(0u8, |count, &byte| count + u8::from(is_char_start(byte))),
    )
}

/// Whether `byte` starts a character in UTF-8 (is not a continuation byte).
fn is_char_start(byte: u8) -> bool {
    (byte as i8) >= -0x40
}

/// Number of characters starting in UTF-8 `bytes` (all of them when `bytes` starts and ends on
/// character boundaries): the bytes that are not continuation bytes (a loop the compiler
/// vectorises).
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&byte| is_char_start(byte)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        let mut builder = DocumentBuilder::new(Format::Text);
        builder.push(BlockKind::Heading, 1, "  A title  ");
        builder.push(BlockKind::Paragraph, 0, "First one. Second — ünïcode.");
        builder.push(BlockKind::Paragraph, 0, "   ");
        builder.push(BlockKind::Paragraph, 0, "Last.");
        builder.build()
    }

    #[test]
    fn blocks_are_trimmed_joined_and_empty_ones_skipped() {
        let doc = sample();
        assert_eq!(doc.blocks.len(), 3);
        assert_eq!(doc.block_text(0), "A title");
        assert_eq!(doc.text, "A title\n\nFirst one. Second — ünïcode.\n\nLast.");
    }

    #[test]
    fn offsets_map_to_blocks_and_sentences() {
        let doc = sample();
        let second = doc.text.find("Second").unwrap();
        assert_eq!(doc.block_at(second), Some(1));
        assert_eq!(
            doc.sentence_text(doc.sentence_at(second).unwrap()),
            "Second — ünïcode."
        );
        assert_eq!(doc.block_at(doc.text.len()), None);
        assert_eq!(doc.sentences_in_block(1), 1..3);
    }

    #[test]
    fn char_and_byte_offsets_round_trip_across_checkpoints() {
        let mut builder = DocumentBuilder::new(Format::Text);
        let long = "é—x ".repeat(5000);
        builder.push(BlockKind::Paragraph, 0, &long);
        let doc = builder.build();
        for (chars, (byte, _)) in doc.text.char_indices().enumerate().step_by(997) {
            assert_eq!(doc.char_offset(byte), chars);
            assert_eq!(doc.byte_offset(chars), byte);
        }
        assert_eq!(doc.byte_offset(usize::MAX / 2), doc.text.len());
    }

    #[test]
    fn byte_offsets_agree_with_char_indices_at_every_character() {
        // byte_offset skips 64-byte blocks at a time; a block boundary can fall inside a
        // character, so every character of a text mixing 1- to 4-byte characters is checked
        // (past the 4 KiB checkpoints too) against the plain definition.
        let mut builder = DocumentBuilder::new(Format::Text);
        let long = "a é — 𝄞 bc ".repeat(700);
        builder.push(BlockKind::Paragraph, 0, &long);
        let doc = builder.build();
        let starts: Vec<usize> = doc.text.char_indices().map(|(byte, _)| byte).collect();
        for (chars, &byte) in starts.iter().enumerate() {
            assert_eq!(doc.byte_offset(chars), byte, "character {chars}");
        }
        assert_eq!(doc.byte_offset(starts.len()), doc.text.len());
        assert_eq!(doc.byte_offset(starts.len() + 1), doc.text.len());
    }
}
