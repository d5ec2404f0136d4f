//! The side pane's state: its tabs (Outline, Contents), the outline's groups, order and rows,
//! the list of headings, and a cursor per list.

use std::sync::Arc;

use crate::document::{BlockKind, Document};
use crate::outline::{ItemKind, Outline};

/// A tab of the side pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideTab {
    /// Claims, quotes and recommendations.
    Outline,
    /// The article's headings.
    Contents,
    /// The reader's highlights, notes and bookmarks.
    Notes,
}

impl SideTab {
    /// The tabs in display order.
    pub const ALL: [SideTab; 3] = [SideTab::Outline, SideTab::Contents, SideTab::Notes];

    /// The tab's label.
    pub fn title(self) -> &'static str {
        match self {
            SideTab::Outline => "Outline",
            SideTab::Contents => "Contents",
            SideTab::Notes => "Notes",
        }
    }

    /// The tab `step` places after this one, wrapping around.
    pub fn cycle(self, step: isize) -> SideTab {
        let count = SideTab::ALL.len() as isize;
        let here = SideTab::ALL.iter().position(|t| *t == self).unwrap_or(0) as isize;
        SideTab::ALL[(here + step).rem_euclid(count) as usize]
    }
}

/// A selection in a list, with the first row shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListCursor {
    /// The selected row.
    pub selected: usize,
    /// The first row on screen.
    pub offset: usize,
}

impl ListCursor {
    /// Selects row `index` (clamped to `len`) and scrolls so it is one of `height` rows shown.
    pub fn select(&mut self, index: usize, len: usize, height: usize) {
        self.selected = index.min(len.saturating_sub(1));
        self.reveal(height);
    }

    /// Moves the selection by `delta` rows.
    pub fn move_by(&mut self, delta: isize, len: usize, height: usize) {
        let target = self.selected.saturating_add_signed(delta);
        self.select(target, len, height);
    }

    /// Scrolls so the selection is among the `height` rows shown.
    pub fn reveal(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }
}

/// The order of items inside an outline group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutlineOrder {
    /// As they appear in the article.
    #[default]
    Reading,
    /// Highest score first.
    Strongest,
}

/// A row of the outline list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineRow {
    /// A group header.
    Group(ItemKind),
    /// An item: its index in [`Outline::items`].
    Item(usize),
}

/// Where the outline computation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineStatus {
    /// Running in the background for this many ticks.
    Computing {
        /// Ticks since it started.
        ticks: u32,
    },
    /// Done.
    Ready,
    /// The worker stopped without a result.
    Failed,
}

/// The outline groups in display order.
pub const GROUPS: [ItemKind; 3] = [ItemKind::Claim, ItemKind::Quote, ItemKind::Recommendation];

/// The plural label of a group.
pub fn group_label(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Claim => "Claims",
        ItemKind::Quote => "Quotes",
        ItemKind::Recommendation => "Recommendations",
    }
}

fn group_index(kind: ItemKind) -> usize {
    GROUPS.iter().position(|k| *k == kind).unwrap_or(0)
}

/// The Outline tab.
#[derive(Debug, Clone)]
pub struct OutlinePane {
    /// Whether the outline is ready.
    pub status: OutlineStatus,
    /// The outline (empty until ready).
    pub outline: Arc<Outline>,
    /// Order of items within groups.
    pub order: OutlineOrder,
    /// Folded groups, in [`GROUPS`] order.
    pub collapsed: [bool; 3],
    /// The rows shown.
    pub rows: Vec<OutlineRow>,
    /// The row of each item, `None` inside a folded group.
    row_of_item: Vec<Option<usize>>,
    /// Selection and scroll.
    pub cursor: ListCursor,
    /// The item at the reading position.
    pub current: Option<usize>,
    /// Items per group, in [`GROUPS`] order.
    counts: [usize; 3],
}

impl Default for OutlinePane {
    fn default() -> Self {
        let mut pane = OutlinePane {
            status: OutlineStatus::Computing { ticks: 0 },
            outline: Arc::default(),
            order: OutlineOrder::default(),
            collapsed: [false; 3],
            rows: Vec::new(),
            row_of_item: Vec::new(),
            cursor: ListCursor::default(),
            current: None,
            counts: [0; 3],
        };
        pane.rebuild_rows();
        pane
    }
}

impl OutlinePane {
    /// Installs a finished outline.
    pub fn set_outline(&mut self, outline: Arc<Outline>) {
        self.counts = GROUPS.map(|kind| outline.of_kind(kind).count());
        self.outline = outline;
        self.status = OutlineStatus::Ready;
        self.cursor = ListCursor::default();
        self.rebuild_rows();
    }

    /// The number of items of `kind`.
    pub fn count(&self, kind: ItemKind) -> usize {
        self.counts[group_index(kind)]
    }

    /// Whether the group of `kind` is folded.
    pub fn is_collapsed(&self, kind: ItemKind) -> bool {
        self.collapsed[group_index(kind)]
    }

    /// The selected row.
    pub fn selected_row(&self) -> Option<OutlineRow> {
        self.rows.get(self.cursor.selected).copied()
    }

    /// The group the selected row belongs to.
    pub fn selected_group(&self) -> Option<ItemKind> {
        self.selected_row().map(|row| match row {
            OutlineRow::Group(kind) => kind,
            OutlineRow::Item(index) => self.outline.items[index].kind,
        })
    }

    /// Folds or unfolds a group, keeping the selection on its header or item.
    pub fn toggle_group(&mut self, kind: ItemKind, height: usize) {
        let keep = match self.selected_row() {
            Some(OutlineRow::Item(index)) if self.outline.items[index].kind == kind => {
                OutlineRow::Group(kind)
            }
            Some(row) => row,
            None => OutlineRow::Group(kind),
        };
        self.collapsed[group_index(kind)] ^= true;
        self.rebuild_rows();
        self.select_row(keep, height);
    }

    /// Switches between reading order and strongest first, keeping the selected row.
    pub fn toggle_order(&mut self, height: usize) {
        let keep = self.selected_row();
        self.order = match self.order {
            OutlineOrder::Reading => OutlineOrder::Strongest,
            OutlineOrder::Strongest => OutlineOrder::Reading,
        };
        self.rebuild_rows();
        if let Some(row) = keep {
            self.select_row(row, height);
        }
    }

    /// Selects `row` if it is shown.
    pub fn select_row(&mut self, row: OutlineRow, height: usize) {
        if let Some(index) = self.rows.iter().position(|r| *r == row) {
            self.cursor.select(index, self.rows.len(), height);
        }
    }

    /// Marks the item at byte `reading` as current; with `follow`, selects its row too.
    pub fn follow(&mut self, reading: usize, follow: bool, height: usize) {
        let items = &self.outline.items;
        let index = items.partition_point(|item| item.span.start <= reading);
        self.current = index.checked_sub(1);
        if follow {
            let row = match self.current {
                Some(item) => self.row_of_item[item].or_else(|| {
                    let kind = items[item].kind;
                    self.rows.iter().position(|r| *r == OutlineRow::Group(kind))
                }),
                None => Some(0),
            };
            if let Some(row) = row {
                self.cursor.select(row, self.rows.len(), height);
            }
        }
    }

    fn rebuild_rows(&mut self) {
        let items = &self.outline.items;
        let mut rows = Vec::with_capacity(items.len() + GROUPS.len());
        let mut row_of_item = vec![None; items.len()];
        for kind in GROUPS {
            rows.push(OutlineRow::Group(kind));
            if self.is_collapsed(kind) {
                continue;
            }
            let mut members: Vec<usize> = (0..items.len())
                .filter(|&index| items[index].kind == kind)
                .collect();
            if self.order == OutlineOrder::Strongest {
                members.sort_by(|a, b| items[*b].score.total_cmp(&items[*a].score));
            }
            for index in members {
                row_of_item[index] = Some(rows.len());
                rows.push(OutlineRow::Item(index));
            }
        }
        self.rows = rows;
        self.row_of_item = row_of_item;
        self.cursor.selected = self.cursor.selected.min(self.rows.len().saturating_sub(1));
    }
}

/// The Contents tab: the article's headings.
#[derive(Debug, Clone, Default)]
pub struct ContentsPane {
    /// Block indices of the headings, in reading order.
    pub headings: Vec<usize>,
    /// Selection and scroll.
    pub cursor: ListCursor,
    /// The heading at the reading position (index into `headings`).
    pub current: Option<usize>,
}

impl ContentsPane {
    /// The headings of `doc`.
    pub fn new(doc: &Document) -> ContentsPane {
        let headings = doc
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, block)| block.kind == BlockKind::Heading && !block.is_boilerplate())
            .map(|(index, _)| index)
            .collect();
        ContentsPane {
            headings,
            ..ContentsPane::default()
        }
    }

    /// Marks the heading at block `block` (or the last before it) as current; with `follow`,
    /// selects it too.
    pub fn follow(&mut self, block: usize, follow: bool, height: usize) {
        self.current = self
            .headings
            .partition_point(|&heading| heading <= block)
            .checked_sub(1);
        if let (true, Some(current)) = (follow, self.current) {
            self.cursor.select(current, self.headings.len(), height);
        }
    }
}

/// State of the side pane.
#[derive(Debug, Clone)]
pub struct SidePane {
    /// The tab shown.
    pub tab: SideTab,
    /// Whether the pane is shown on a wide terminal.
    pub open_wide: bool,
    /// Whether the pane is opened over the article on a narrow terminal.
    pub open_narrow: bool,
    /// The Outline tab.
    pub outline: OutlinePane,
    /// The Contents tab.
    pub contents: ContentsPane,
    /// The Notes tab.
    pub notes: super::notes_tab::NotesPane,
    /// Rows the list shows.
    pub list_height: u16,
}

impl SidePane {
    /// The side pane for `doc`, before its outline is ready.
    pub fn new(doc: &Document) -> SidePane {
        SidePane {
            tab: SideTab::Outline,
            open_wide: true,
            open_narrow: false,
            outline: OutlinePane::default(),
            contents: ContentsPane::new(doc),
            notes: super::notes_tab::NotesPane::default(),
            list_height: 1,
        }
    }

    /// The cursor and row count of the tab shown.
    pub fn active_list(&mut self) -> (&mut ListCursor, usize) {
        match self.tab {
            SideTab::Outline => (&mut self.outline.cursor, self.outline.rows.len()),
            SideTab::Contents => (&mut self.contents.cursor, self.contents.headings.len()),
            SideTab::Notes => (&mut self.notes.cursor, self.notes.rows.len()),
        }
    }

    /// Lines the tab shown draws above its rows (the Notes tab's filter).
    pub fn header_rows(&self) -> u16 {
        match self.tab {
            SideTab::Notes => u16::from(self.notes.filter_label().is_some()),
            SideTab::Outline | SideTab::Contents => 0,
        }
    }

    /// Moves the selection of the tab shown by `delta` rows.
    pub fn move_selection(&mut self, delta: isize) {
        let height = usize::from(self.list_height);
        let (cursor, len) = self.active_list();
        cursor.move_by(delta, len, height);
    }

    /// Selects row `index` of the tab shown.
    pub fn select(&mut self, index: usize) {
        let height = usize::from(self.list_height);
        let (cursor, len) = self.active_list();
        cursor.select(index, len, height);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_clamp_and_keep_the_selection_visible() {
        let mut cursor = ListCursor::default();
        cursor.move_by(7, 10, 3);
        assert_eq!((cursor.selected, cursor.offset), (7, 5));
        cursor.move_by(-100, 10, 3);
        assert_eq!((cursor.selected, cursor.offset), (0, 0));
        cursor.move_by(100, 10, 3);
        assert_eq!((cursor.selected, cursor.offset), (9, 7));
        cursor.select(4, 0, 3);
        assert_eq!(cursor.selected, 0);
    }

    #[test]
    fn tabs_cycle_both_ways() {
        assert_eq!(SideTab::Outline.cycle(1), SideTab::Contents);
        assert_eq!(SideTab::Outline.cycle(-1), SideTab::Notes);
        assert_eq!(SideTab::Contents.cycle(1), SideTab::Notes);
        assert_eq!(SideTab::Notes.cycle(1), SideTab::Outline);
    }
}
