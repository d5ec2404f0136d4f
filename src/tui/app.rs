//! The reader's whole state, split per pane: the article, the side pane, the status bar and
//! the overlays. [`super::update::update`] is the only thing that changes it; the views only
//! read it.

use std::sync::Arc;

use ratatui::layout::Rect;

use crate::document::Document;

use super::annotate::Annotating;
use super::article_pane::ArticlePane;
use super::config::{DEFAULT_SIDE_WIDTH, DEFAULT_TEXT_WIDTH};
use super::keymap::{KeyContext, Keymap};
use super::layout::ScreenLayout;
use super::side_pane::{OutlineStatus, SidePane};
use super::theme::{Theme, ThemeSet};

/// Which pane receives movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The article text.
    Article,
    /// The side pane (outline or contents).
    Side,
}

/// A window drawn over the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The key reference, scrolled by `offset` rows.
    Help {
        /// First row shown.
        offset: usize,
    },
}

/// A short message in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// What it says.
    pub text: String,
    /// Whether it reports a problem.
    pub error: bool,
}

/// State of the status bar.
#[derive(Debug, Clone, Default)]
pub struct StatusBar {
    /// The article's file name.
    pub file_name: String,
    /// The last message, until cleared.
    pub message: Option<Message>,
    /// Words in the article, once counted.
    pub words: Option<usize>,
}

/// Work the runtime performs for the update function, which does no I/O itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Remember the reading position (a character offset) for this article.
    SavePosition(usize),
    /// Save the annotations through the store now.
    SaveAnnotations,
    /// Export the annotations in this format.
    Export(crate::export::Format),
}

/// What the reader starts with besides the article.
#[derive(Debug, Clone)]
pub struct Setup {
    /// Key bindings.
    pub keymap: Keymap,
    /// Available themes.
    pub themes: ThemeSet,
    /// Index of the theme to start with.
    pub theme: usize,
    /// Widest text column.
    pub text_width: u16,
    /// Side pane width.
    pub side_width: u16,
    /// Byte offset to open at (a remembered reading position).
    pub start_at: Option<usize>,
    /// A message to show at once (config problems…).
    pub message: Option<Message>,
    /// The user's own tags from the config file.
    pub tags: Vec<super::config::UserTag>,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            keymap: Keymap::default_keymap(),
            themes: ThemeSet::built_in(),
            theme: 0,
            text_width: DEFAULT_TEXT_WIDTH,
            side_width: DEFAULT_SIDE_WIDTH,
            start_at: None,
            message: None,
            tags: Vec::new(),
        }
    }
}

/// The reader's state.
#[derive(Debug, Clone)]
pub struct App {
    /// The article.
    pub doc: Arc<Document>,
    /// Key bindings (also the help overlay's content).
    pub keymap: Keymap,
    /// Available themes.
    pub themes: ThemeSet,
    /// Index of the theme in use.
    pub theme: usize,
    /// Widest text column.
    pub text_width: u16,
    /// Side pane width.
    pub side_width: u16,
    /// The pane with focus.
    pub focus: Focus,
    /// The article pane.
    pub article: ArticlePane,
    /// The side pane.
    pub side: SidePane,
    /// The status bar.
    pub status: StatusBar,
    /// The overlay shown, if any.
    pub overlay: Option<Overlay>,
    /// The terminal's size.
    pub area: Rect,
    /// Number of boilerplate blocks.
    pub boilerplate_blocks: usize,
    /// Set once the user asked to quit.
    pub quit: bool,
    /// Highlights, notes, the sentence cursor, search and the command line.
    pub notes: Annotating,
}

impl App {
    /// A reader on `doc`, shown under `file_name`. It draws nothing until told its size with
    /// [`super::action::Action::Resize`].
    pub fn new(doc: Arc<Document>, file_name: impl Into<String>, setup: Setup) -> App {
        let side = SidePane::new(&doc);
        let boilerplate_blocks = doc.blocks.iter().filter(|b| b.is_boilerplate()).count();
        App {
            article: ArticlePane::starting_at(setup.start_at),
            side,
            keymap: setup.keymap,
            theme: setup.theme.min(setup.themes.themes.len().saturating_sub(1)),
            themes: setup.themes,
            text_width: setup.text_width,
            side_width: setup.side_width,
            focus: Focus::Article,
            status: StatusBar {
                file_name: file_name.into(),
                message: setup.message,
                words: None,
            },
            overlay: None,
            area: Rect::default(),
            boilerplate_blocks,
            quit: false,
            notes: Annotating {
                config_tags: setup.tags,
                ..Annotating::default()
            },
            doc,
        }
    }

    /// The theme in use.
    pub fn theme(&self) -> &Theme {
        &self.themes.themes[self.theme]
    }

    /// The style highlights with `tag` are drawn in, in the theme in use (with the colour the
    /// config gives the tag, if any).
    pub fn tag_style(&self, tag: Option<&crate::annotations::Tag>) -> ratatui::style::Style {
        let configured = tag
            .and_then(|tag| self.notes.config_tag(tag))
            .and_then(|user| user.colour);
        self.theme().tag_style(tag, configured)
    }

    /// Where everything goes on the current screen.
    pub fn layout(&self) -> ScreenLayout {
        ScreenLayout::compute(
            self.area,
            self.text_width,
            self.side_width,
            self.side.open_wide,
            self.side.open_narrow,
        )
    }

    /// The keymap contexts to try for a key, the focused pane's first.
    pub fn key_contexts(&self) -> [KeyContext; 2] {
        match self.focus {
            Focus::Article => [KeyContext::Article, KeyContext::Global],
            Focus::Side => [KeyContext::Side, KeyContext::Global],
        }
    }

    /// Whether something on screen changes with time (a fading mark, outline progress), so
    /// the runtime should send ticks.
    pub fn wants_ticks(&self) -> bool {
        self.article.mark.is_some()
            || matches!(self.side.outline.status, OutlineStatus::Computing { .. })
    }

    /// Sets the status-bar message.
    pub fn say(&mut self, text: impl Into<String>) {
        self.status.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    /// Sets an error message in the status bar.
    pub fn complain(&mut self, text: impl Into<String>) {
        self.status.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    /// The reading position as a character offset (what is remembered between sessions).
    pub fn reading_char_offset(&mut self) -> usize {
        let byte = self.article.top_byte(&self.doc);
        self.doc.char_offset(byte)
    }

    /// The first key bound to `action`, for hints (`?` for help…).
    pub fn key_hint(&self, action: &super::action::Action) -> String {
        self.keymap
            .keys_for(action)
            .first()
            .map_or_else(|| String::from("(unbound)"), ToString::to_string)
    }
}
