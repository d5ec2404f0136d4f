//! Laying the article out in screen lines: the title block and each document block are
//! wrapped to the text width on demand and cached per width, so that moving around costs the
//! same on a short and a huge article. Lines keep byte ranges into [`Document::text`] rather
//! than copies, so marks, highlights and search hits are laid over them at draw time.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use textwrap::WordSeparator;
use textwrap::core::{Word, break_words};
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_width::UnicodeWidthStr;

use crate::document::{BlockKind, Document, InlineStyle};

use super::theme::Role;

/// The text of a piece of a screen line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PieceText {
    /// A byte range of the document's text.
    Doc(Range<usize>),
    /// Text that is not in the document (title block, fold notices).
    Owned(String),
}

/// A run of a screen line drawn in one role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// What it says.
    pub text: PieceText,
    /// The block's role (text, heading, quote, boilerplate…).
    pub role: Role,
    /// The inline style laid over the role, if any.
    pub inline: Option<InlineStyle>,
}

/// One line on screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScreenLine {
    /// Leading decoration: a quote bar, a bullet or indentation.
    pub prefix: Option<(String, Role)>,
    /// The line's text.
    pub pieces: Vec<Piece>,
}

impl ScreenLine {
    /// The first byte of the document this line shows, if it shows any.
    pub fn start_byte(&self) -> Option<usize> {
        self.pieces.iter().find_map(|piece| match &piece.text {
            PieceText::Doc(range) => Some(range.start),
            PieceText::Owned(_) => None,
        })
    }
}

/// A unit of layout: unit 0 is the title block, unit `i + 1` is document block `i`.
pub type Unit = usize;

/// The document block a unit shows, if it is not the title block.
pub fn unit_block(unit: Unit) -> Option<usize> {
    unit.checked_sub(1)
}

/// The number of layout units of `doc`.
pub fn unit_count(doc: &Document) -> usize {
    doc.blocks.len() + 1
}

/// Lays out one unit at `width` columns: its lines followed by a blank separator line.
pub fn layout_unit(
    doc: &Document,
    unit: Unit,
    width: u16,
    boilerplate_open: bool,
) -> Vec<ScreenLine> {
    let width = usize::from(width.max(1));
    match unit_block(unit) {
        None => title_lines(doc, width),
        Some(block) => block_lines(doc, block, width, boilerplate_open),
    }
}

fn owned_line(text: String, role: Role) -> ScreenLine {
    ScreenLine {
        prefix: None,
        pieces: vec![Piece {
            text: PieceText::Owned(text),
            role,
            inline: None,
        }],
    }
}

fn title_lines(doc: &Document, width: usize) -> Vec<ScreenLine> {
    let meta = &doc.metadata;
    let mut lines = Vec::new();
    if let Some(title) = &meta.title {
        for line in textwrap::wrap(title, width) {
            lines.push(owned_line(line.into_owned(), Role::Title));
        }
    }
    let byline: Vec<String> = [
        meta.author.as_ref().map(|author| format!("By {author}")),
        meta.date.clone(),
        meta.publisher.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !byline.is_empty() {
        for line in textwrap::wrap(&byline.join(" · "), width) {
            lines.push(owned_line(line.into_owned(), Role::Byline));
        }
    }
    if let Some(standfirst) = &meta.standfirst {
        lines.push(ScreenLine::default());
        for line in textwrap::wrap(standfirst, width) {
            lines.push(owned_line(line.into_owned(), Role::Standfirst));
        }
    }
    if !lines.is_empty() {
        lines.push(owned_line("─".repeat(width.min(40)), Role::Rule));
        lines.push(ScreenLine::default());
    }
    lines
}

fn block_lines(
    doc: &Document,
    index: usize,
    width: usize,
    boilerplate_open: bool,
) -> Vec<ScreenLine> {
    let block = &doc.blocks[index];
    let separator = index + 1 < doc.blocks.len();
    let mut lines = Vec::new();
    if shown_in_title_block(doc, index) {
        return lines;
    }
    if block.is_boilerplate() && !boilerplate_open {
        if index > 0 && doc.blocks[index - 1].is_boilerplate() {
            return lines;
        }
        lines.push(owned_line(
            truncate(&fold_notice(doc, index), width),
            Role::BoilerplateFold,
        ));
    } else {
        let role = if block.is_boilerplate() {
            Role::Boilerplate
        } else {
            match block.kind {
                BlockKind::Heading => Role::Heading,
                BlockKind::BlockQuote => Role::Quote,
                BlockKind::Preformatted => Role::Raw,
                BlockKind::Paragraph | BlockKind::ListItem => Role::Text,
            }
        };
        let depth = usize::from(block.level.max(1));
        let (first, rest) = match block.kind {
            BlockKind::BlockQuote => ("│ ".repeat(depth), "│ ".repeat(depth)),
            BlockKind::ListItem => (format!("{}• ", "  ".repeat(depth - 1)), "  ".repeat(depth)),
            _ => (String::new(), String::new()),
        };
        let prefix_role = match block.kind {
            BlockKind::ListItem => Role::ListMarker,
            _ => role,
        };
        let available = width.saturating_sub(first.width()).max(1);
        for (number, range) in wrap_ranges(&doc.text, block.span.clone(), available)
            .into_iter()
            .enumerate()
        {
            let prefix = if number == 0 { &first } else { &rest };
            lines.push(ScreenLine {
                prefix: (!prefix.is_empty()).then(|| (prefix.clone(), prefix_role)),
                pieces: styled_pieces(&block.styles, range, role),
            });
        }
    }
    if separator {
        lines.push(ScreenLine::default());
    }
    lines
}

/// How many blocks after the first one a folded run of boilerplate describes at most.
const FOLD_SCAN: usize = 64;

/// How many leading blocks may repeat what the title block shows.
const TITLE_SCAN: usize = 8;

/// Whether block `index` only repeats the title or standfirst already shown in the title
/// block (front-ends keep those blocks in the text, so without this they would show twice).
pub fn shown_in_title_block(doc: &Document, index: usize) -> bool {
    if index >= TITLE_SCAN {
        return false;
    }
    let text = doc.block_text(index).trim();
    let meta = &doc.metadata;
    [&meta.title, &meta.standfirst]
        .into_iter()
        .flatten()
        .any(|shown| shown.trim() == text)
}

/// The one line standing for a run of consecutive boilerplate blocks starting at `index`:
/// their reasons and word count.
fn fold_notice(doc: &Document, index: usize) -> String {
    let mut reasons: Vec<&str> = Vec::new();
    let mut words = 0;
    for (offset, block) in doc.blocks[index..].iter().enumerate().take(FOLD_SCAN) {
        let Some(reason) = &block.boilerplate else {
            break;
        };
        if !reasons.contains(&reason.as_str()) {
            reasons.push(reason);
        }
        words += doc.block_text(index + offset).split_whitespace().count();
    }
    let noun = if words == 1 { "word" } else { "words" };
    format!("▸ {} ({words} {noun} folded)", reasons.join(" · "))
}

/// Cuts `text` to at most `width` columns, ending with `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Wraps the text in `span` to `width` columns; returns each line's byte range in `text`.
/// Hard line breaks inside the span are kept.
fn wrap_ranges(text: &str, span: Range<usize>, width: usize) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut line_start = span.start;
    for line in text[span.clone()].split('\n') {
        if line.trim().is_empty() {
            ranges.push(line_start..line_start);
            line_start += line.len() + 1;
            continue;
        }
        let words: Vec<Word<'_>> = WordSeparator::UnicodeBreakProperties
            .find_words(line)
            .collect();
        let words = break_words(words, width);
        let base = line.as_ptr() as usize;
        for group in wrap_first_fit(&words, &[width as f64]) {
            let (Some(first), Some(last)) = (group.first(), group.last()) else {
                continue;
            };
            let start = first.word.as_ptr() as usize - base;
            let end = last.word.as_ptr() as usize - base + last.word.len();
            ranges.push(line_start + start..line_start + end);
        }
        line_start += line.len() + 1;
    }
    ranges
}

/// Splits a line's byte range at the block's inline-style boundaries.
fn styled_pieces(
    styles: &[crate::document::StyledSpan],
    range: Range<usize>,
    role: Role,
) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut at = range.start;
    let doc_piece = |range: Range<usize>, inline| Piece {
        text: PieceText::Doc(range),
        role,
        inline,
    };
    for styled in styles
        .iter()
        .filter(|s| s.span.end > range.start && s.span.start < range.end)
    {
        let from = styled.span.start.max(at);
        let to = styled.span.end.min(range.end);
        if from > at {
            pieces.push(doc_piece(at..from, None));
        }
        if to > from {
            pieces.push(doc_piece(from..to, Some(styled.style)));
            at = to;
        }
    }
    if at < range.end || pieces.is_empty() {
        pieces.push(doc_piece(at..range.end, None));
    }
    pieces
}

/// Laid-out units, cached for one width and one boilerplate setting.
#[derive(Debug, Clone, Default)]
pub struct WrapCache {
    width: u16,
    boilerplate_open: bool,
    units: HashMap<Unit, Arc<Vec<ScreenLine>>>,
}

impl WrapCache {
    /// The most units kept before the cache is emptied (bounds memory on huge articles).
    const CAPACITY: usize = 20_000;

    /// Forgets everything unless the layout parameters are the same as before.
    pub fn configure(&mut self, width: u16, boilerplate_open: bool) {
        if self.width != width || self.boilerplate_open != boilerplate_open {
            self.units.clear();
            self.width = width;
            self.boilerplate_open = boilerplate_open;
        }
    }

    /// The lines of `unit`, laid out now if not cached yet.
    pub fn lines(&mut self, doc: &Document, unit: Unit) -> Arc<Vec<ScreenLine>> {
        if let Some(lines) = self.units.get(&unit) {
            return Arc::clone(lines);
        }
        if self.units.len() >= Self::CAPACITY {
            self.units.clear();
        }
        let lines = Arc::new(layout_unit(doc, unit, self.width, self.boilerplate_open));
        self.units.insert(unit, Arc::clone(&lines));
        lines
    }

    /// The lines of `unit` if cached; otherwise laid out without storing them.
    pub fn peek(&self, doc: &Document, unit: Unit) -> Arc<Vec<ScreenLine>> {
        self.units
            .get(&unit)
            .cloned()
            .unwrap_or_else(|| Arc::new(layout_unit(doc, unit, self.width, self.boilerplate_open)))
    }

    /// Number of units cached.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Whether nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{DocumentBuilder, Format};

    fn doc_text(doc: &Document, line: &ScreenLine) -> String {
        line.pieces
            .iter()
            .map(|piece| match &piece.text {
                PieceText::Doc(range) => doc.text[range.clone()].to_owned(),
                PieceText::Owned(text) => text.clone(),
            })
            .collect()
    }

    #[test]
    fn paragraphs_wrap_within_the_width_and_cover_every_word() {
        let mut builder = DocumentBuilder::new(Format::Text);
        let text = "The quick brown fox jumps over the lazy dog and keeps running far away.";
        builder.push(BlockKind::Paragraph, 0, text);
        let doc = builder.build();
        let lines = layout_unit(&doc, 1, 20, false);
        assert!(lines.len() >= 4);
        let joined: Vec<String> = lines.iter().map(|line| doc_text(&doc, line)).collect();
        for line in &joined {
            assert!(line.width() <= 20, "{line:?}");
        }
        assert_eq!(joined.join(" "), text);
    }

    /// Words longer than the width must be broken, or the line would overflow the pane.
    #[test]
    fn long_words_are_broken() {
        let mut builder = DocumentBuilder::new(Format::Text);
        builder.push(BlockKind::Paragraph, 0, &"x".repeat(25));
        let doc = builder.build();
        let lines = layout_unit(&doc, 1, 10, false);
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn quotes_and_lists_get_prefixes_and_styles_split_pieces() {
        let mut builder = DocumentBuilder::new(Format::Markdown);
        builder.push(BlockKind::BlockQuote, 1, "A quoted line");
        builder.push_styled(
            BlockKind::ListItem,
            1,
            "an emphasised word",
            &[(3..13, InlineStyle::Emphasis)],
        );
        let doc = builder.build();
        let quote = layout_unit(&doc, 1, 40, false);
        assert_eq!(quote[0].prefix.as_ref().unwrap().0, "│ ");
        assert_eq!(quote.len(), 2, "a line and the separator");
        let item = layout_unit(&doc, 2, 40, false);
        assert_eq!(item[0].prefix.as_ref().unwrap().0, "• ");
        assert_eq!(item[0].pieces.len(), 3);
        assert_eq!(item[0].pieces[1].inline, Some(InlineStyle::Emphasis));
        assert_eq!(doc_text(&doc, &item[0]), "an emphasised word");
    }

    /// Boilerplate stays in the document but is folded to one line until asked for.
    #[test]
    fn boilerplate_folds_to_one_line() {
        let mut builder = DocumentBuilder::new(Format::Text);
        let index = builder
            .push(
                BlockKind::Paragraph,
                0,
                &"Share this on every network. ".repeat(10),
            )
            .unwrap();
        builder.mark_boilerplate(index, "share widget");
        let doc = builder.build();
        let folded = layout_unit(&doc, 1, 30, false);
        assert_eq!(folded.len(), 1);
        assert!(doc_text(&doc, &folded[0]).starts_with("▸ share widget"));
        let open = layout_unit(&doc, 1, 30, true);
        assert!(open.len() > 3);
        assert_eq!(open[0].pieces[0].role, Role::Boilerplate);
    }

    /// A run of boilerplate (byline, dateline, share buttons) folds into a single line.
    #[test]
    fn consecutive_boilerplate_folds_into_one_line() {
        let mut builder = DocumentBuilder::new(Format::Text);
        for (text, reason) in [
            ("By Someone", "byline"),
            ("1 May", "dateline"),
            ("Share", "share"),
        ] {
            let index = builder.push(BlockKind::Paragraph, 0, text).unwrap();
            builder.mark_boilerplate(index, reason);
        }
        builder.push(BlockKind::Paragraph, 0, "Body.");
        let doc = builder.build();
        let first = layout_unit(&doc, 1, 60, false);
        assert_eq!(
            doc_text(&doc, &first[0]),
            "▸ byline · dateline · share (5 words folded)"
        );
        assert!(layout_unit(&doc, 2, 60, false).is_empty());
        assert!(layout_unit(&doc, 3, 60, false).is_empty());
        assert_eq!(
            layout_unit(&doc, 2, 60, true).len(),
            2,
            "unfolded, each block shows"
        );
    }

    /// Front-ends keep the headline as a block; the title block already shows it.
    #[test]
    fn blocks_repeating_the_title_are_not_drawn_twice() {
        let mut builder = DocumentBuilder::new(Format::Markdown);
        builder.push(BlockKind::Heading, 1, "A Headline");
        builder.push(BlockKind::Paragraph, 0, "A Headline");
        builder.metadata_mut().title = Some("A Headline".into());
        let doc = builder.build();
        assert!(layout_unit(&doc, 1, 60, false).is_empty());
        assert!(layout_unit(&doc, 2, 60, false).is_empty());
        assert_eq!(
            doc_text(&doc, &layout_unit(&doc, 0, 60, false)[0]),
            "A Headline"
        );
    }

    #[test]
    fn the_cache_reuses_lines_and_resets_on_a_new_width() {
        let mut builder = DocumentBuilder::new(Format::Text);
        builder.push(BlockKind::Paragraph, 0, "one two three four five six");
        let doc = builder.build();
        let mut cache = WrapCache::default();
        cache.configure(10, false);
        let first = cache.lines(&doc, 1);
        assert!(Arc::ptr_eq(&first, &cache.lines(&doc, 1)));
        cache.configure(40, false);
        assert!(cache.is_empty());
        assert_eq!(cache.lines(&doc, 1).len(), 1);
    }
}
