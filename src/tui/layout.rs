//! Where each part of the screen goes, computed from the terminal's size and the settings. The
//! update function (for clicks and page sizes) and the views use the same [`ScreenLayout`].

use std::ops::Range;

use ratatui::layout::{Position, Rect};

use super::side_pane::{ListCursor, SidePane, SideTab};

/// Below this many columns the reader shows a notice instead of the article.
pub const MIN_WIDTH: u16 = 20;
/// Below this many rows the reader shows a notice instead of the article.
pub const MIN_HEIGHT: u16 = 5;
/// The narrowest article pane shown beside the side pane; below it the side pane collapses
/// and opens over the article on demand.
pub const MIN_ARTICLE_WIDTH: u16 = 50;
/// Rows of the detail box under the outline list, when the pane is tall enough for it.
const DETAIL_HEIGHT: u16 = 8;

/// The screen's regions.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScreenLayout {
    /// The whole terminal.
    pub area: Rect,
    /// The terminal is too small to read in.
    pub too_small: bool,
    /// The terminal is too narrow for the article and the side pane side by side.
    pub narrow: bool,
    /// The article pane, when shown.
    pub article: Option<Rect>,
    /// The text column inside the article pane.
    pub text: Rect,
    /// The side pane with its border, when shown.
    pub side: Option<Rect>,
    /// The side pane's tab labels.
    pub tabs: Vec<(SideTab, Rect)>,
    /// The side pane's list (the Outline tab's, above the detail box).
    pub list: Rect,
    /// The outline's detail box (empty when the pane is short).
    pub detail: Rect,
    /// The status bar.
    pub status: Rect,
}

impl ScreenLayout {
    /// Lays out a terminal of `area`.
    pub fn compute(
        area: Rect,
        text_width: u16,
        side_width: u16,
        open_wide: bool,
        open_narrow: bool,
    ) -> ScreenLayout {
        let mut layout = ScreenLayout {
            area,
            ..ScreenLayout::default()
        };
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            layout.too_small = true;
            return layout;
        }
        let main = Rect {
            height: area.height - 1,
            ..area
        };
        layout.status = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        layout.narrow = area.width < side_width.saturating_add(MIN_ARTICLE_WIDTH);
        let side = match (layout.narrow, open_narrow, open_wide) {
            (true, true, _) => Some(main),
            (false, _, true) => Some(Rect {
                x: main.x + main.width - side_width,
                width: side_width,
                ..main
            }),
            _ => None,
        };
        let article = match side {
            Some(side) if side == main => None,
            Some(side) => Some(Rect {
                width: main.width - side.width,
                ..main
            }),
            None => Some(main),
        };
        if let Some(article) = article {
            let width = text_width.min(article.width.saturating_sub(2)).max(1);
            layout.text = Rect {
                x: article.x + (article.width - width) / 2,
                y: article.y,
                width,
                height: article.height,
            };
        }
        if let Some(side) = side {
            layout.place_side(side);
        }
        layout.article = article;
        layout.side = side;
        layout
    }

    fn place_side(&mut self, side: Rect) {
        let inner = Rect {
            x: side.x + 1,
            width: side.width.saturating_sub(1),
            ..side
        };
        let mut x = inner.x + 1;
        for tab in SideTab::ALL {
            let width = tab.title().len() as u16 + 2;
            let available = (inner.x + inner.width).saturating_sub(x);
            self.tabs.push((
                tab,
                Rect {
                    x,
                    y: inner.y,
                    width: width.min(available),
                    height: 1,
                },
            ));
            x = x.saturating_add(width + 1);
        }
        let below = inner.height.saturating_sub(2);
        let detail = if below >= DETAIL_HEIGHT * 2 {
            DETAIL_HEIGHT
        } else {
            0
        };
        self.list = Rect {
            y: inner.y + 2,
            height: below - detail,
            ..inner
        };
        self.detail = Rect {
            y: inner.y + 2 + below - detail,
            height: detail,
            ..inner
        };
    }

    /// The list area of `tab`: the Contents tab also takes the detail box's rows.
    pub fn list_for(&self, tab: SideTab) -> Rect {
        match tab {
            SideTab::Outline => self.list,
            SideTab::Contents | SideTab::Notes => self.list.union(self.detail),
        }
    }

    /// Where the list of the tab `side` shows goes: its heading lines (the Notes tab's filter)
    /// on top, its rows below. The views draw through it and clicks are mapped through it, so
    /// a row is always selected where it is drawn.
    pub fn side_list(&self, side: &SidePane) -> ListArea {
        let area = self.list_for(side.tab);
        let header = side.header_rows().min(area.height);
        ListArea {
            header: Rect {
                height: header,
                ..area
            },
            rows: Rect {
                y: area.y + header,
                height: area.height - header,
                ..area
            },
        }
    }

    /// Whether the article pane is shown.
    pub fn shows_article(&self) -> bool {
        self.article.is_some()
    }
}

/// A side-pane list on screen: heading lines above its rows, one list row per screen row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListArea {
    /// The heading lines (empty when the list has none).
    pub header: Rect,
    /// The rows.
    pub rows: Rect,
}

impl ListArea {
    /// The indices of the rows shown for a list of `len` rows scrolled to `offset`.
    pub fn shown(&self, offset: usize, len: usize) -> Range<usize> {
        let start = offset.min(len);
        start..(start + usize::from(self.rows.height)).min(len)
    }

    /// The rows of `rows` that fit on screen under `cursor`: each with its index and whether
    /// it is the selected one.
    pub fn visible<'a, T>(
        &self,
        rows: &'a [T],
        cursor: &ListCursor,
    ) -> impl Iterator<Item = (usize, &'a T, bool)> + use<'a, T> {
        let shown = self.shown(cursor.offset, rows.len());
        let selected = cursor.selected;
        rows[shown.clone()]
            .iter()
            .zip(shown)
            .map(move |(row, index)| (index, row, index == selected))
    }

    /// The row drawn at cell `at` for a list of `len` rows scrolled to `offset`, if any.
    pub fn row_at(&self, at: Position, offset: usize, len: usize) -> Option<usize> {
        if !self.rows.contains(at) {
            return None;
        }
        let index = offset + usize::from(at.y - self.rows.y);
        (index < len).then_some(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(width: u16, height: u16, wide: bool, narrow: bool) -> ScreenLayout {
        ScreenLayout::compute(Rect::new(0, 0, width, height), 80, 38, wide, narrow)
    }

    #[test]
    fn wide_terminals_show_both_panes_and_centre_the_text() {
        let l = layout(160, 40, true, false);
        assert!(!l.narrow && !l.too_small);
        assert_eq!(l.side.unwrap().width, 38);
        assert_eq!(l.article.unwrap().width, 122);
        assert_eq!(l.text.width, 80);
        assert_eq!(l.text.x, 21);
        assert_eq!(l.status, Rect::new(0, 39, 160, 1));
        assert_eq!(l.tabs.len(), SideTab::ALL.len());
        assert!(l.detail.height > 0);
    }

    /// On a narrow terminal the article keeps the full width; the side pane opens over it.
    #[test]
    fn narrow_terminals_collapse_the_side_pane() {
        let closed = layout(80, 24, true, false);
        assert!(closed.narrow);
        assert_eq!(closed.side, None);
        assert_eq!(closed.text.width, 78);
        let open = layout(80, 24, true, true);
        assert_eq!(open.article, None);
        assert_eq!(open.side.unwrap().width, 80);
    }

    #[test]
    fn tiny_terminals_are_too_small_and_nothing_underflows() {
        for (w, h) in [(1, 1), (19, 40), (200, 4), (0, 0)] {
            assert!(layout(w, h, true, true).too_small);
        }
        let l = layout(20, 5, true, true);
        assert!(!l.too_small);
        assert_eq!(l.list.height, 2);
    }

    /// Clicks and drawing share [`ListArea`]: a heading line pushes the rows down, and the
    /// row under a cell is the one drawn there, never one past the end of the list.
    #[test]
    fn list_rows_start_below_the_heading_and_map_cells_back_to_rows() {
        let area = ListArea {
            header: Rect::new(10, 2, 20, 1),
            rows: Rect::new(10, 3, 20, 5),
        };
        assert_eq!(area.shown(4, 100), 4..9);
        assert_eq!(area.shown(4, 6), 4..6);
        assert_eq!(area.row_at(Position::new(12, 3), 4, 100), Some(4));
        assert_eq!(area.row_at(Position::new(12, 7), 4, 100), Some(8));
        assert_eq!(area.row_at(Position::new(12, 2), 4, 100), None, "heading");
        assert_eq!(area.row_at(Position::new(12, 8), 4, 100), None, "below");
        assert_eq!(
            area.row_at(Position::new(12, 6), 4, 6),
            None,
            "past the end"
        );
    }
}
