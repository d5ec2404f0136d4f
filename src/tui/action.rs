//! The reader's vocabulary: every change to the app state is an [`Action`]. The bindable ones
//! have a kebab-case name used by the keymap, the config file and the help overlay.

use std::sync::Arc;

use crossterm::event::KeyEvent;

use crate::outline::Outline;

use super::annotate::AnnotateAction;

/// Something that changes the reader's state: a bound command, or an event from the terminal or
/// the background worker.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Leave the reader (the reading position is saved first).
    Quit,
    /// Scroll the focused pane down one line / select the next item.
    ScrollDown,
    /// Scroll the focused pane up one line / select the previous item.
    ScrollUp,
    /// Scroll down a screenful.
    PageDown,
    /// Scroll up a screenful.
    PageUp,
    /// Scroll down half a screen.
    HalfPageDown,
    /// Scroll up half a screen.
    HalfPageUp,
    /// Go to the beginning.
    Top,
    /// Go to the end.
    Bottom,
    /// Move focus between the article and the side pane.
    FocusNext,
    /// Show the next side-pane tab.
    NextTab,
    /// Show the previous side-pane tab.
    PrevTab,
    /// Jump to the selected side-pane item, or open/close a group header.
    Activate,
    /// Fold or unfold the outline group of the selected row.
    ToggleGroup,
    /// Switch the outline between reading order and strongest first.
    ToggleOrder,
    /// Unfold or fold the boilerplate blocks.
    ToggleBoilerplate,
    /// Show or hide the side pane.
    ToggleSidePane,
    /// Open or close the help overlay.
    Help,
    /// Close the overlay, clear the mark and the message.
    Cancel,
    /// Switch to the next theme.
    CycleTheme,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A clock tick (about ten a second while something is animating).
    Tick,
    /// The mouse wheel turned over cell (column, row); `down` is towards the end.
    Wheel {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
        /// Whether the wheel turned towards the end of the text.
        down: bool,
    },
    /// A left click on cell (column, row).
    Click {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
    },
    /// The pointer moved to cell (column, row) with the left button held (a drag).
    Drag {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
    },
    /// The background worker counted the article's words.
    WordsCounted(usize),
    /// The background worker finished the outline.
    OutlineReady(Arc<Outline>),
    /// The background worker stopped without an outline.
    OutlineFailed,
    /// An annotation command (cursor, highlight, note, undo, search…).
    Annotate(AnnotateAction),
    /// A key typed into an open palette, note editor or prompt.
    Input(KeyEvent),
}

/// The bindable actions with their names, in the order the help overlay lists them.
pub const BINDABLE: &[(&str, Action)] = &[
    ("quit", Action::Quit),
    ("scroll-down", Action::ScrollDown),
    ("scroll-up", Action::ScrollUp),
    ("page-down", Action::PageDown),
    ("page-up", Action::PageUp),
    ("half-page-down", Action::HalfPageDown),
    ("half-page-up", Action::HalfPageUp),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("focus-next", Action::FocusNext),
    ("next-tab", Action::NextTab),
    ("prev-tab", Action::PrevTab),
    ("activate", Action::Activate),
    ("toggle-group", Action::ToggleGroup),
    ("toggle-order", Action::ToggleOrder),
    ("toggle-boilerplate", Action::ToggleBoilerplate),
    ("toggle-side-pane", Action::ToggleSidePane),
    ("help", Action::Help),
    ("cancel", Action::Cancel),
    ("cycle-theme", Action::CycleTheme),
    (
        "next-sentence",
        Action::Annotate(AnnotateAction::NextSentence),
    ),
    (
        "prev-sentence",
        Action::Annotate(AnnotateAction::PrevSentence),
    ),
    (
        "next-paragraph",
        Action::Annotate(AnnotateAction::NextParagraph),
    ),
    (
        "prev-paragraph",
        Action::Annotate(AnnotateAction::PrevParagraph),
    ),
    ("highlight", Action::Annotate(AnnotateAction::Highlight)),
    ("note", Action::Annotate(AnnotateAction::Note)),
    ("edit-note", Action::Annotate(AnnotateAction::EditNote)),
    ("delete", Action::Annotate(AnnotateAction::Delete)),
    ("undo", Action::Annotate(AnnotateAction::Undo)),
    ("redo", Action::Annotate(AnnotateAction::Redo)),
    ("search", Action::Annotate(AnnotateAction::Search)),
    (
        "search-backward",
        Action::Annotate(AnnotateAction::SearchBackward),
    ),
    ("search-prev", Action::Annotate(AnnotateAction::SearchPrev)),
    (
        "command-line",
        Action::Annotate(AnnotateAction::CommandLine),
    ),
    ("bookmark", Action::Annotate(AnnotateAction::Bookmark)),
    ("bookmarks", Action::Annotate(AnnotateAction::Bookmarks)),
    (
        "filter-notes",
        Action::Annotate(AnnotateAction::FilterNotes),
    ),
    ("select", Action::Annotate(AnnotateAction::Select)),
];

impl Action {
    /// The bindable action called `name`, if any.
    pub fn from_name(name: &str) -> Option<Action> {
        BINDABLE
            .iter()
            .find(|(known, _)| *known == name)
            .map(|(_, action)| action.clone())
    }

    /// The keymap name of a bindable action; `None` for events.
    pub fn name(&self) -> Option<&'static str> {
        BINDABLE
            .iter()
            .find(|(_, action)| action == self)
            .map(|(name, _)| *name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_events_have_none() {
        for (name, action) in BINDABLE {
            assert_eq!(Action::from_name(name).as_ref(), Some(action));
            assert_eq!(action.name(), Some(*name));
        }
        assert_eq!(Action::Tick.name(), None);
        assert_eq!(Action::from_name("no-such-action"), None);
    }
}
