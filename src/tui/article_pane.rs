//! The article pane's state: where the view starts, its size, the fold of boilerplate, the
//! briefly marked passage and the wrapping cache. Every movement costs work proportional to the
//! screen, never to the article.

use std::ops::Range;
use std::sync::Arc;

use crate::document::Document;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::wrap::{PieceText, ScreenLine, Unit, WrapCache, unit_block, unit_count};

/// A line of the laid-out article: line `line` of unit `unit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct LinePos {
    /// The layout unit (0 = title block, `i + 1` = block `i`).
    pub unit: Unit,
    /// The line inside the unit.
    pub line: usize,
}

/// A passage marked for a moment after a jump.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Byte range in the document's text.
    pub span: Range<usize>,
    /// Clock ticks before the mark fades.
    pub ticks_left: u8,
}

/// How many ticks (about a tenth of a second each) a jump mark stays.
pub const MARK_TICKS: u8 = 20;

/// State of the article pane.
#[derive(Debug, Clone, Default)]
pub struct ArticlePane {
    /// The first line on screen.
    pub top: LinePos,
    /// Width of the text column.
    pub width: u16,
    /// Height of the pane.
    pub height: u16,
    /// Whether boilerplate blocks are shown in full rather than folded.
    pub boilerplate_open: bool,
    /// The passage marked after a jump, while it lasts.
    pub mark: Option<Mark>,
    /// Laid-out units for the current width.
    pub wrap: WrapCache,
    /// The first document byte on screen, as of the last update.
    pub reading: usize,
    /// Whether the last line was on screen, as of the last update.
    pub at_end: bool,
    /// A byte offset to show once the pane has a size (a restored reading position).
    pending: Option<usize>,
}

impl ArticlePane {
    /// A pane that will open at byte `start` once it knows its size.
    pub fn starting_at(start: Option<usize>) -> ArticlePane {
        ArticlePane {
            pending: start,
            ..ArticlePane::default()
        }
    }

    /// Lines of `unit`, laid out and cached if needed.
    pub fn lines(&mut self, doc: &Document, unit: Unit) -> Arc<Vec<ScreenLine>> {
        self.wrap.lines(doc, unit)
    }

    fn count(&mut self, doc: &Document, unit: Unit) -> usize {
        self.lines(doc, unit).len()
    }

    /// Gives the pane a new size, keeping the line at the top of the view in view.
    pub fn resize(&mut self, doc: &Document, width: u16, height: u16) {
        if width == 0 || height == 0 {
            self.height = height;
            return;
        }
        let anchor = self
            .pending
            .take()
            .or_else(|| (self.width > 0).then(|| self.top_byte(doc)));
        self.width = width;
        self.height = height;
        self.wrap.configure(width, self.boilerplate_open);
        match anchor {
            Some(byte) => self.show_byte(doc, byte, 0),
            None => self.clamp(doc),
        }
    }

    /// Folds or unfolds boilerplate, keeping the reading position.
    pub fn set_boilerplate_open(&mut self, doc: &Document, open: bool) {
        let anchor = self.top_byte(doc);
        self.boilerplate_open = open;
        self.wrap.configure(self.width, open);
        self.show_byte(doc, anchor, 0);
    }

    /// The first document byte of the top line (the reading position). On the blank line that
    /// ends a unit, the unit has scrolled away: the position is where the next unit starts.
    pub fn top_byte(&mut self, doc: &Document) -> usize {
        if self.width == 0 {
            return self.pending.unwrap_or(0);
        }
        let LinePos { unit, line } = self.top;
        let lines = self.lines(doc, unit);
        let separator = line + 1 == lines.len() && lines[line] == ScreenLine::default();
        if separator && unit + 1 < unit_count(doc) {
            return unit_start(doc, unit + 1);
        }
        lines
            .get(line)
            .and_then(ScreenLine::start_byte)
            .unwrap_or_else(|| unit_start(doc, unit))
    }

    /// The line showing byte `byte`.
    pub fn position_of(&mut self, doc: &Document, byte: usize) -> LinePos {
        let unit = doc
            .block_at(byte)
            .map_or(unit_count(doc) - 1, |block| block + 1);
        let lines = self.lines(doc, unit);
        let line = lines
            .iter()
            .rposition(|line| line.start_byte().is_some_and(|start| start <= byte))
            .unwrap_or(0);
        LinePos { unit, line }
    }

    /// Scrolls so that byte `byte` is on screen, `context` lines below the top where possible.
    pub fn show_byte(&mut self, doc: &Document, byte: usize, context: usize) {
        if byte == 0 {
            self.go_top(doc);
            return;
        }
        self.top = self.position_of(doc, byte);
        self.scroll_up(doc, context);
        self.clamp(doc);
    }

    /// The top position that shows the last line at the bottom of the pane.
    pub fn max_top(&mut self, doc: &Document) -> LinePos {
        let mut remaining = usize::from(self.height.max(1));
        for unit in (0..unit_count(doc)).rev() {
            let count = self.count(doc, unit);
            if count >= remaining {
                return LinePos {
                    unit,
                    line: count - remaining,
                };
            }
            remaining -= count;
        }
        LinePos::default()
    }

    /// Whether the last line is on screen.
    pub fn at_end(&mut self, doc: &Document) -> bool {
        let max = self.max_top(doc);
        self.top >= max
    }

    fn clamp(&mut self, doc: &Document) {
        let max = self.max_top(doc);
        if self.top > max {
            self.top = max;
        }
        let count = self.count(doc, self.top.unit);
        if count == 0 {
            if let Some(unit) =
                (self.top.unit + 1..unit_count(doc)).find(|&u| self.count(doc, u) > 0)
            {
                self.top = LinePos { unit, line: 0 };
            }
        } else if self.top.line >= count {
            self.top.line = count - 1;
        }
    }

    /// Moves the view down `lines` lines, stopping at the end.
    pub fn scroll_down(&mut self, doc: &Document, lines: usize) {
        let max = self.max_top(doc);
        for _ in 0..lines {
            if self.top >= max {
                self.top = max;
                break;
            }
            if self.top.line + 1 < self.count(doc, self.top.unit) {
                self.top.line += 1;
            } else {
                match (self.top.unit + 1..unit_count(doc)).find(|&u| self.count(doc, u) > 0) {
                    Some(unit) => self.top = LinePos { unit, line: 0 },
                    None => break,
                }
            }
        }
    }

    /// Moves the view up `lines` lines, stopping at the beginning.
    pub fn scroll_up(&mut self, doc: &Document, lines: usize) {
        for _ in 0..lines {
            if self.top.line > 0 {
                self.top.line -= 1;
                continue;
            }
            match (0..self.top.unit).rev().find(|&u| self.count(doc, u) > 0) {
                Some(unit) => {
                    let line = self.count(doc, unit) - 1;
                    self.top = LinePos { unit, line };
                }
                None => break,
            }
        }
    }

    /// Goes to the first line.
    pub fn go_top(&mut self, doc: &Document) {
        self.top = LinePos::default();
        self.clamp(doc);
    }

    /// Goes to the end: the last line at the bottom of the pane.
    pub fn go_bottom(&mut self, doc: &Document) {
        self.top = self.max_top(doc);
    }

    /// Lays out every unit the screen shows, so drawing finds them cached, and records the
    /// reading position and whether the end is in view for the views to read.
    pub fn prepare_screen(&mut self, doc: &Document) {
        if self.width == 0 {
            return;
        }
        self.reading = self.top_byte(doc);
        self.at_end = self.at_end(doc);
        let mut rows = usize::from(self.height);
        let mut position = self.top;
        while rows > 0 && position.unit < unit_count(doc) {
            let count = self.count(doc, position.unit);
            rows = rows.saturating_sub(count.saturating_sub(position.line));
            position = LinePos {
                unit: position.unit + 1,
                line: 0,
            };
        }
    }

    /// The document byte shown at `column` of screen row `row` of the text column (both
    /// counted from its top-left corner): the character under that cell, or the line's last
    /// character when the cell is past its end. `None` for a row showing no document text.
    pub fn byte_at(&mut self, doc: &Document, row: u16, column: u16) -> Option<usize> {
        if self.width == 0 {
            return None;
        }
        let mut position = self.top;
        let mut skip = usize::from(row);
        while position.unit < unit_count(doc) {
            let lines = self.lines(doc, position.unit);
            let left = lines.len().saturating_sub(position.line);
            if skip < left {
                return byte_in_line(doc, &lines[position.line + skip], usize::from(column));
            }
            skip -= left;
            position = LinePos {
                unit: position.unit + 1,
                line: 0,
            };
        }
        None
    }

    /// The reading progress as of the last update, 0.0–1.0: 1.0 once the end is on screen.
    pub fn progress(&self, doc: &Document) -> f64 {
        if doc.text.is_empty() || self.at_end {
            return 1.0;
        }
        self.reading as f64 / doc.text.len() as f64
    }
}

/// The byte of the character a laid-out line shows at display column `column`, counting
/// cells as the article view draws them (a control character takes one cell).
fn byte_in_line(doc: &Document, line: &ScreenLine, column: usize) -> Option<usize> {
    let mut x = line.prefix.as_ref().map_or(0, |(prefix, _)| prefix.width());
    let mut last = None;
    for piece in &line.pieces {
        match &piece.text {
            PieceText::Owned(text) => x += text.chars().map(cell_width).sum::<usize>(),
            PieceText::Doc(range) => {
                for (offset, c) in doc.text[range.clone()].char_indices() {
                    let byte = range.start + offset;
                    x += cell_width(c);
                    if x > column {
                        return Some(byte);
                    }
                    last = Some(byte);
                }
            }
        }
    }
    last
}

/// Cells a character takes in the article view (control characters are drawn as a space).
fn cell_width(c: char) -> usize {
    if c.is_control() {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

/// The first document byte of a unit (0 for the title block).
pub fn unit_start(doc: &Document, unit: Unit) -> usize {
    unit_block(unit).map_or(0, |block| doc.blocks[block].span.start)
}
