//! Annotating in the reader: the sentence cursor, the tag palette, the note editor, undo and
//! redo, search and the `:` command line. Its state lives in [`Annotating`] (one field of the
//! [`App`]); [`update`] applies an [`AnnotateAction`] and returns the effects to perform, like
//! the reader's own update function; [`perform`] saves through the annotation store.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Mutex;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_textarea::{TextArea, WrapMode};

use crate::annotations::{Annotation, AnnotationId, Kind, Selector, Store, Tag};
use crate::command::{self, Command};
use crate::history::History;
use crate::motion;
use crate::search::{Direction, IncrementalSearch, Matches};

use super::action::Action;
use super::app::{App, Effect};
use super::config::UserTag;
use super::key_target::{KeyTarget, key_target};
use super::tag_palette;

/// An annotation command, bound to keys through the keymap like every other action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnnotateAction {
    /// `)`: move the sentence cursor to the next sentence.
    NextSentence,
    /// `(`: move the sentence cursor to the previous sentence.
    PrevSentence,
    /// `}`: move the sentence cursor to the next paragraph.
    NextParagraph,
    /// `{`: move the sentence cursor to the start of this or the previous paragraph.
    PrevParagraph,
    /// `h`: highlight the cursor sentence (or retag the highlight there) with the palette.
    Highlight,
    /// `n`: open the note editor on the annotation under the cursor; the next match while a
    /// search is active.
    Note,
    /// `e`: edit the note of the annotation under the cursor.
    EditNote,
    /// `d`: delete the annotation under the cursor.
    Delete,
    /// `u`: undo the last annotation change.
    Undo,
    /// `ctrl-r`: redo the last undone change.
    Redo,
    /// `/`: search forward as you type.
    Search,
    /// `\`: search backward as you type (`?` is the help key).
    SearchBackward,
    /// `N`: the match the other way from the search's direction.
    SearchPrev,
    /// `:`: open the command line.
    CommandLine,
    /// `m`: set a bookmark at the cursor sentence.
    Bookmark,
    /// `'`: list the bookmarks (in the Notes tab) to jump to.
    Bookmarks,
    /// `f`: filter the Notes tab by tag (all, then each tag in turn).
    FilterNotes,
    /// `v`: start a selection at the cursor sentence.
    Select,
}

/// What a prompt in the status bar is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// A search in this direction.
    Search(Direction),
    /// A `:` command.
    Command,
}

/// A one-line prompt typed in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What it is for.
    pub kind: PromptKind,
    /// The text typed so far.
    pub line: String,
    /// Byte offset the search started from.
    pub origin: usize,
}

/// Which annotation the note editor writes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteTarget {
    /// An existing annotation.
    Existing(AnnotationId),
    /// A new highlight, made when the note is saved.
    New {
        /// Its passage (bytes).
        span: Range<usize>,
        /// Its tag (an outline item's kind), if any.
        tag: Option<Tag>,
    },
}

/// The note editor popup.
#[derive(Debug, Clone)]
pub struct NoteEditor {
    /// Where the note goes.
    pub target: NoteTarget,
    /// The text being edited.
    pub text: TextArea<'static>,
    /// The note as it was when the editor opened.
    pub original: String,
    /// Whether the editor is asking before discarding typed text.
    pub confirming: bool,
}

impl NoteEditor {
    fn new(target: NoteTarget, note: &str) -> NoteEditor {
        let mut text = TextArea::new(note.lines().map(str::to_owned).collect());
        text.set_wrap_mode(WrapMode::WordOrGlyph);
        text.move_cursor(tui_textarea::CursorMove::Bottom);
        text.move_cursor(tui_textarea::CursorMove::End);
        NoteEditor {
            target,
            text,
            original: note.to_owned(),
            confirming: false,
        }
    }

    /// The note typed, without trailing blank lines.
    pub fn note(&self) -> String {
        self.text.lines().join("\n").trim_end().to_owned()
    }
}

/// A window or prompt that takes every key while it is open.
#[derive(Debug, Clone)]
pub enum Modal {
    /// The tag palette, to tag byte range `span` (or retag annotation `existing`).
    Palette {
        /// The passage to highlight (empty when retagging an orphan).
        span: Range<usize>,
        /// The highlight being retagged, if any.
        existing: Option<AnnotationId>,
    },
    /// The note editor.
    Editor(Box<NoteEditor>),
    /// A search or command prompt.
    Prompt(Prompt),
    /// A selection being extended by word and sentence motions.
    Select(crate::selection::Selection),
}

/// The search shown in the article.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    /// The matches, recomputed as the query is typed.
    pub incremental: IncrementalSearch,
    /// Which way `n` goes.
    pub direction: Option<Direction>,
    /// Index of the current match.
    pub current: Option<usize>,
}

impl SearchState {
    /// The matches of the active search (empty when none).
    pub fn matches(&self) -> &Matches {
        self.incremental.current()
    }

    /// Whether a search is active (matches are marked and `n` goes to the next one).
    pub fn is_active(&self) -> bool {
        self.direction.is_some() && !self.matches().is_empty()
    }

    /// The status bar's `"3/17"` for the current match, from Enter until Esc clears the search.
    pub fn counter(&self) -> Option<String> {
        let current = self.current.filter(|_| self.is_active())?;
        Some(self.matches().counter(current))
    }
}

/// The annotation state of the reader.
#[derive(Debug, Clone, Default)]
pub struct Annotating {
    /// The article's annotations; `None` when the article is not a file (the welcome).
    pub store: Option<Store>,
    /// The article's path, for exports.
    pub article: Option<PathBuf>,
    /// Changes of this session, for undo and redo.
    pub history: History,
    /// The sentence under the cursor, once the cursor has been used.
    pub cursor: Option<usize>,
    /// The open palette, editor or prompt.
    pub modal: Option<Modal>,
    /// The search.
    pub search: SearchState,
    /// The user's tags from the config file, offered by the palette after the built-in ones.
    pub config_tags: Vec<UserTag>,
    /// Tags added this session with `:tag NAME`, offered after the config's.
    pub user_tags: Vec<Tag>,
    /// The tag last picked (Enter in the palette).
    pub last_tag: Option<Tag>,
    /// The byte under the last left-button press in the article, where a drag selects from.
    pub drag_anchor: Option<usize>,
}

impl Annotating {
    /// Whether keys go to the open palette, editor or prompt rather than the keymap.
    pub fn captures_keys(&self) -> bool {
        self.modal.is_some()
    }

    /// The tags of the palette, in the order of their keys (see [`tag_palette`]): built-ins,
    /// config tags, this session's `:tag` tags, then the other tags the article's annotations
    /// use.
    pub fn palette(&self) -> Vec<Tag> {
        let used = self
            .store
            .iter()
            .flat_map(|store| store.set().annotations.iter())
            .filter_map(|annotation| annotation.tag.as_ref());
        tag_palette::palette_tags(
            self.config_tags.iter().map(|user| &user.tag),
            &self.user_tags,
            used,
        )
    }

    /// The user's config entry for `tag`, if the config declares it.
    pub fn config_tag(&self, tag: &Tag) -> Option<&UserTag> {
        self.config_tags.iter().find(|user| user.tag == *tag)
    }
}

/// The annotations in memory and where they go if margent panics, kept for the panic hook.
static RECOVERY: Mutex<Option<(PathBuf, String)>> = Mutex::new(None);

/// Writes the annotations last recorded by [`perform`] to the recovery file beside the
/// article. Called by the panic hook before the terminal is restored; never panics.
pub fn write_recovery() {
    if let Ok(guard) = RECOVERY.try_lock()
        && let Some((path, text)) = guard.as_ref()
    {
        let _ = std::fs::write(path, text);
    }
}

/// Applies an annotation action; returns the effects the runtime must carry out.
pub fn update(app: &mut App, action: AnnotateAction) -> Vec<Effect> {
    let target = key_target(app);
    if matches!(action, AnnotateAction::Note)
        && target == KeyTarget::Cursor
        && app.notes.search.is_active()
    {
        step_search(app, false);
        return Vec::new();
    }
    match action {
        AnnotateAction::NextSentence => move_cursor(app, motion::next_sentence),
        AnnotateAction::PrevSentence => move_cursor(app, |_, i| motion::previous_sentence(i)),
        AnnotateAction::NextParagraph => move_cursor(app, motion::next_paragraph),
        AnnotateAction::PrevParagraph => move_cursor(app, motion::previous_paragraph),
        AnnotateAction::Highlight => return highlight(app, target),
        AnnotateAction::Note => open_editor(app, target, true),
        AnnotateAction::EditNote => open_editor(app, target, false),
        AnnotateAction::Delete => return delete(app, target),
        AnnotateAction::Undo => return replay(app, true),
        AnnotateAction::Redo => return replay(app, false),
        AnnotateAction::Search => search_article(app, Direction::Forward),
        AnnotateAction::SearchBackward => search_article(app, Direction::Backward),
        AnnotateAction::SearchPrev => step_search(app, true),
        AnnotateAction::CommandLine => open_prompt(app, PromptKind::Command),
        AnnotateAction::Bookmark => return bookmark(app),
        AnnotateAction::Select => {
            focus_article(app);
            if let Some(index) = cursor(app) {
                let start = app.doc.sentences[index].span.start;
                app.notes.modal = Some(Modal::Select(crate::selection::Selection::at(start)));
                app.say(
                    "Selecting: w b e ) ( } { extend, h highlights, n adds a note, Esc cancels",
                );
            }
        }
        AnnotateAction::Bookmarks => {
            app.side.notes.bookmarks_only = true;
            app.side.notes.filter = None;
            app.side.notes.cursor = super::side_pane::ListCursor::default();
            show_notes_tab(app);
            app.say("Bookmarks: Enter jumps, f lists every annotation again");
        }
        AnnotateAction::FilterNotes => {
            let tags = app.notes.palette();
            app.side.notes.cycle_filter(&tags);
            show_notes_tab(app);
            match &app.side.notes.filter {
                Some(tag) => app.say(format!("Notes: {tag} only")),
                None => app.say("Notes: all"),
            }
        }
    }
    Vec::new()
}

/// A left-button press anywhere: ends a selection and forgets the last press. Returns `false`
/// while a palette, editor or prompt is open: those take every input until closed.
pub fn begin_click(app: &mut App) -> bool {
    app.notes.drag_anchor = None;
    match app.notes.modal {
        Some(Modal::Select(_)) => {
            app.notes.modal = None;
            app.status.message = None;
            true
        }
        Some(_) => false,
        None => true,
    }
}

/// A left-button press in the article pane at cell (column, row): the sentence cursor moves to
/// the sentence there, and a drag from here selects (see [`drag_selection`]).
pub fn press_in_article(app: &mut App, column: u16, row: u16) {
    let Some(byte) = byte_under_pointer(app, column, row) else {
        return;
    };
    app.notes.drag_anchor = Some(byte);
    if let Some(index) = app
        .doc
        .sentence_at(byte)
        .filter(|&index| shown_in_text(app, index))
    {
        app.notes.cursor = Some(index);
    }
}

/// The pointer moved with the left button held: selects whole words from the press to the
/// pointer, like `v`, once it has left the character pressed (a shaky click stays a click).
/// Cells outside the text column count as its nearest edge.
pub fn drag_selection(app: &mut App, column: u16, row: u16) {
    let text = app.layout().text;
    if text.width == 0 || text.height == 0 {
        return;
    }
    let column = column.clamp(text.x, text.x + text.width - 1);
    let row = row.clamp(text.y, text.y + text.height - 1);
    let Some(byte) = byte_under_pointer(app, column, row) else {
        return;
    };
    let mut selection = match (&app.notes.modal, app.notes.drag_anchor) {
        (Some(Modal::Select(selection)), _) => *selection,
        (None, Some(anchor)) if anchor != byte => {
            app.say("Selecting: drag to extend, h highlights, n adds a note, Esc cancels");
            crate::selection::Selection::at(anchor)
        }
        _ => return,
    };
    selection.drag_to(&app.doc, byte);
    app.notes.modal = Some(Modal::Select(selection));
}

/// The document byte under cell (column, row) of the terminal, if the text column shows one.
fn byte_under_pointer(app: &mut App, column: u16, row: u16) -> Option<usize> {
    let text = app.layout().text;
    let at = ratatui::layout::Position::new(column, row);
    if !text.contains(at) {
        return None;
    }
    app.article.byte_at(&app.doc, row - text.y, column - text.x)
}

/// A key while selecting: motions move the selection's head, `h` and `n` act on the selected
/// passage, Esc cancels.
fn select_key(
    app: &mut App,
    key: KeyEvent,
    mut selection: crate::selection::Selection,
) -> Vec<Effect> {
    use crate::motion::Motion;
    let motion = match key.code {
        KeyCode::Char('w') => Some(Motion::WordForward),
        KeyCode::Char('b') => Some(Motion::WordBackward),
        KeyCode::Char('e') => Some(Motion::WordEnd),
        KeyCode::Char(')') => Some(Motion::SentenceForward),
        KeyCode::Char('(') => Some(Motion::SentenceBackward),
        KeyCode::Char('}') => Some(Motion::ParagraphForward),
        KeyCode::Char('{') => Some(Motion::ParagraphBackward),
        _ => None,
    };
    if let Some(motion) = motion {
        selection.extend(&app.doc, motion);
        let head = selection.head;
        app.notes.modal = Some(Modal::Select(selection));
        reveal(app, head..head);
        return Vec::new();
    }
    let span = selection.span(&app.doc);
    match key.code {
        KeyCode::Esc => app.status.message = None,
        KeyCode::Char('h') if !span.is_empty() => {
            app.notes.modal = Some(Modal::Palette {
                span,
                existing: None,
            });
        }
        KeyCode::Char('n') if !span.is_empty() => {
            app.notes.modal = Some(Modal::Editor(Box::new(NoteEditor::new(
                NoteTarget::New { span, tag: None },
                "",
            ))));
        }
        _ => app.notes.modal = Some(Modal::Select(selection)),
    }
    Vec::new()
}

/// Shows the Notes tab with focus, through the reader's own tab switching.
fn show_notes_tab(app: &mut App) {
    for _ in 0..super::side_pane::SideTab::ALL.len() {
        if app.side.tab == super::side_pane::SideTab::Notes {
            break;
        }
        super::update::update(app, Action::NextTab);
    }
    if app.layout().side.is_some() {
        app.focus = super::app::Focus::Side;
    }
    refresh_notes(app);
}

/// Brings the Notes tab's rows up to date while it is shown.
pub fn refresh_notes(app: &mut App) {
    if app.side.tab != super::side_pane::SideTab::Notes {
        return;
    }
    if let Some(store) = &app.notes.store {
        app.side.notes.refresh(store, &app.doc);
    }
}

/// Where Enter on the selected Notes row jumps: its passage, with the cursor on it. Orphans
/// have nowhere to go; the status bar says so.
pub fn notes_target(app: &mut App) -> Option<Range<usize>> {
    let row = app
        .side
        .notes
        .rows
        .get(app.side.notes.cursor.selected)?
        .clone();
    match row {
        super::notes_tab::NotesRow::Placed { span, .. } => {
            app.notes.cursor = app.doc.sentence_at(span.start);
            Some(span)
        }
        super::notes_tab::NotesRow::Orphan { quote, .. } => {
            app.complain(format!(
                "Orphaned: \"{quote}\" is no longer in this text (kept in the sidecar)"
            ));
            None
        }
        super::notes_tab::NotesRow::OrphanHeader(_) => None,
    }
}

fn bookmark(app: &mut App) -> Vec<Effect> {
    if !require_store(app) {
        return Vec::new();
    }
    let Some(index) = cursor(app) else {
        return Vec::new();
    };
    let at = app.doc.sentences[index].span.start;
    let notes = &mut app.notes;
    let Some(store) = notes.store.as_mut() else {
        return Vec::new();
    };
    let annotation = Annotation::new(Kind::Bookmark, Selector::at(&app.doc, at));
    notes.history.add(store, &app.doc, annotation);
    let key = app.key_hint(&Action::Annotate(AnnotateAction::Bookmarks));
    app.say(format!("Bookmark set ({key} lists bookmarks)"));
    vec![Effect::SaveAnnotations]
}

/// Handles a key while a palette, editor or prompt is open.
pub fn input(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    match app.notes.modal.take() {
        Some(Modal::Palette { span, existing }) => palette_key(app, key, span, existing),
        Some(Modal::Editor(editor)) => editor_key(app, key, *editor),
        Some(Modal::Prompt(prompt)) => prompt_key(app, key, prompt),
        Some(Modal::Select(selection)) => select_key(app, key, selection),
        None => Vec::new(),
    }
}

/// Esc outside any popup: clears an active search and what the status bar said of it.
/// Returns whether it did anything.
pub fn cancel(app: &mut App) -> bool {
    if app.notes.search.direction.is_some() {
        app.notes.search = SearchState::default();
        app.status.message = None;
        true
    } else {
        false
    }
}

/// Carries out [`Effect::SaveAnnotations`] and [`Effect::Export`]; other effects are left to
/// the caller. Failures go to the status bar, never further.
pub fn perform(app: &mut App, effect: &Effect) -> bool {
    match effect {
        Effect::SaveAnnotations => {
            save(app);
            true
        }
        Effect::Export(format) => {
            export(app, *format);
            true
        }
        _ => false,
    }
}

fn save(app: &mut App) {
    let Some(store) = app.notes.store.as_mut() else {
        return;
    };
    let recovery = app
        .notes
        .article
        .as_deref()
        .map(crate::annotations::sidecar::recovery_path);
    if let (Some(path), Ok(mut guard)) = (recovery, RECOVERY.lock()) {
        *guard = Some((path, crate::annotations::sidecar::render(store.set())));
    }
    match store.save(&app.doc) {
        Ok(saved) => match saved.problem {
            Some(problem) => app.complain(format!(
                "Saved to {} instead: {problem}",
                saved.path.display()
            )),
            None if saved.merged => app.say("Saved (merged with changes made on disk)"),
            None => {}
        },
        Err(error) => app.complain(format!("Not saved: {error}")),
    }
}

fn export(app: &mut App, format: crate::export::Format) {
    let Some(article) = app.notes.article.clone() else {
        app.complain("Nothing to export: this article is not a file");
        return;
    };
    let options = crate::export::ExportOptions::default();
    match crate::export::export_file(&article, format, &options) {
        Ok(path) => app.say(format!("Exported to {}", path.display())),
        Err(error) => app.complain(format!("Export failed: {error}")),
    }
}

/// The cursor sentence, placing the cursor on the first sentence on screen if it is unset or
/// scrolled out of view.
fn cursor(app: &mut App) -> Option<usize> {
    let index = shown_cursor(app, &visible_span(app))?;
    app.notes.cursor = Some(index);
    Some(index)
}

/// The sentence the cursor is on as drawn: the cursor sentence while it is on screen, else
/// the first sentence on screen (where the next cursor key starts from), so a reader always
/// sees where `)` and `h` will act. `visible` is the text on screen ([`visible_span`]), which
/// the caller drawing a frame has already worked out.
pub fn shown_cursor(app: &App, visible: &Range<usize>) -> Option<usize> {
    if app.doc.sentences.is_empty() {
        return None;
    }
    let on_screen = app.notes.cursor.filter(|&i| {
        let span = &app.doc.sentences[i].span;
        span.end > visible.start && span.start < visible.end
    });
    on_screen.or_else(|| {
        let first = app.doc.sentence_at(visible.start)?;
        (first..app.doc.sentences.len()).find(|&i| shown_in_text(app, i))
    })
}

/// Whether sentence `index` is drawn in the article's text, so the cursor may rest on it: not
/// a headline repeated in the title block, not folded boilerplate.
pub fn shown_in_text(app: &App, index: usize) -> bool {
    let block = app.doc.sentences[index].block;
    !super::wrap::shown_in_title_block(&app.doc, block)
        && (app.article.boilerplate_open || !app.doc.blocks[block].is_boilerplate())
}

/// The byte range of the article on screen, as of the last layout.
pub fn visible_span(app: &App) -> Range<usize> {
    let doc = &app.doc;
    let start = app.article.reading;
    let mut rows = usize::from(app.article.height);
    let mut unit = app.article.top.unit;
    let mut skip = app.article.top.line;
    let mut end = start;
    while rows > 0 && unit < super::wrap::unit_count(doc) {
        let lines = app.article.wrap.peek(doc, unit);
        for line in lines.iter().skip(skip).take(rows) {
            rows -= 1;
            if let Some(line_end) = line
                .pieces
                .iter()
                .rev()
                .find_map(|piece| match &piece.text {
                    super::wrap::PieceText::Doc(range) => Some(range.end),
                    super::wrap::PieceText::Owned(_) => None,
                })
            {
                end = end.max(line_end);
            }
        }
        unit += 1;
        skip = 0;
    }
    start..end.max(start)
}

/// Moves the sentence cursor with `step`, onto sentences drawn in the text. Moving it is
/// working in the article, so the article takes the focus (and `h` `n` `e` `d` act there).
fn move_cursor(app: &mut App, step: impl Fn(&crate::document::Document, usize) -> Option<usize>) {
    focus_article(app);
    let Some(mut here) = cursor(app) else { return };
    while let Some(next) = step(&app.doc, here) {
        here = next;
        if shown_in_text(app, next) {
            app.notes.cursor = Some(next);
            reveal(app, app.doc.sentences[next].span.clone());
            return;
        }
    }
}

/// Opens the search prompt; the search runs in the article, so the article takes the focus
/// (and `n`/`N` then step through matches instead of acting on a side-pane row).
fn search_article(app: &mut App, direction: Direction) {
    focus_article(app);
    open_prompt(app, PromptKind::Search(direction));
}

/// Gives the article the focus, when it is on screen.
fn focus_article(app: &mut App) {
    if app.layout().shows_article() {
        app.focus = super::app::Focus::Article;
    }
}

/// Scrolls the article so that `span` is on screen, if it is not.
fn reveal(app: &mut App, span: Range<usize>) {
    let visible = visible_span(app);
    if span.start < visible.start || span.end > visible.end {
        let context = usize::from(app.article.height / 3);
        app.article.show_byte(&app.doc, span.start, context);
    }
}

/// The annotation whose passage overlaps the cursor sentence, preferring the latest-starting.
fn under_cursor(app: &mut App) -> Option<(AnnotationId, Range<usize>)> {
    let index = cursor(app)?;
    let sentence = app.doc.sentences[index].span.clone();
    let store = app.notes.store.as_ref()?;
    store
        .in_reading_order()
        .into_iter()
        .filter_map(|(annotation, placement)| {
            let span = placement.span.clone()?;
            let overlaps = span.start < sentence.end.max(sentence.start + 1)
                && span.end.max(span.start + 1) > sentence.start;
            overlaps.then(|| (annotation.id.clone(), span))
        })
        .next_back()
}

fn require_store(app: &mut App) -> bool {
    if app.notes.store.is_some() {
        return true;
    }
    app.complain("Annotations are kept beside an article file; open one with `margent FILE`");
    false
}

/// `h`: the palette for the cursor sentence or a Notes-tab annotation (to retag it); an
/// outline item is highlighted with its kind at once.
fn highlight(app: &mut App, target: KeyTarget) -> Vec<Effect> {
    if !require_store(app) {
        return Vec::new();
    }
    match target {
        KeyTarget::Cursor => open_palette(app),
        KeyTarget::Annotation { id, .. } if is_bookmark(app, &id) => {
            app.say("Bookmarks have no tag; d deletes one");
        }
        KeyTarget::Annotation { id, span } => {
            app.notes.modal = Some(Modal::Palette {
                span: span.unwrap_or_default(),
                existing: Some(id),
            });
        }
        KeyTarget::OutlineItem {
            span,
            tag,
            highlight,
        } => return tag_passage(app, span, highlight, tag),
        KeyTarget::Nothing(why) => app.say(why),
    }
    Vec::new()
}

fn is_bookmark(app: &App, id: &AnnotationId) -> bool {
    app.notes
        .store
        .as_ref()
        .and_then(|store| store.get(id))
        .is_some_and(|annotation| annotation.kind == Kind::Bookmark)
}

fn open_palette(app: &mut App) {
    let Some(index) = cursor(app) else { return };
    let existing = under_cursor(app).filter(|(id, _)| {
        app.notes
            .store
            .as_ref()
            .and_then(|store| store.get(id))
            .is_some_and(|a| a.kind == Kind::Highlight)
    });
    let span = existing
        .as_ref()
        .map_or_else(|| app.doc.sentences[index].span.clone(), |(_, s)| s.clone());
    app.notes.modal = Some(Modal::Palette {
        span,
        existing: existing.map(|(id, _)| id),
    });
}

fn palette_key(
    app: &mut App,
    key: KeyEvent,
    span: Range<usize>,
    existing: Option<AnnotationId>,
) -> Vec<Effect> {
    let picked = match key.code {
        KeyCode::Char(key) => {
            tag_palette::index_for(key).and_then(|index| app.notes.palette().get(index).cloned())
        }
        KeyCode::Enter => Some(app.notes.last_tag.clone().unwrap_or(Tag::Claim)),
        KeyCode::Esc => return Vec::new(),
        _ => None,
    };
    // A key that picks nothing (not a palette key, or one past the last tag) keeps it open.
    let Some(tag) = picked else {
        app.notes.modal = Some(Modal::Palette { span, existing });
        return Vec::new();
    };
    tag_passage(app, span, existing, tag)
}

/// Highlights `span` with `tag`, or retags `existing`.
fn tag_passage(
    app: &mut App,
    span: Range<usize>,
    existing: Option<AnnotationId>,
    tag: Tag,
) -> Vec<Effect> {
    app.notes.last_tag = Some(tag.clone());
    let notes = &mut app.notes;
    let Some(store) = notes.store.as_mut() else {
        return Vec::new();
    };
    match existing {
        Some(id) => {
            let retag = tag.clone();
            notes
                .history
                .update(store, &id, move |a| a.tag = Some(retag));
        }
        None => {
            let mut annotation =
                Annotation::new(Kind::Highlight, Selector::from_span(&app.doc, span));
            annotation.tag = Some(tag.clone());
            notes.history.add(store, &app.doc, annotation);
        }
    }
    app.say(format!("Highlighted as {tag}"));
    vec![Effect::SaveAnnotations]
}

/// `n` (`create`) or `e`: the note editor on the annotation `target` names, or, for `n`, on a
/// new highlight of the cursor sentence or the outline item.
fn open_editor(app: &mut App, target: KeyTarget, create: bool) {
    if !require_store(app) {
        return;
    }
    let target = match target {
        KeyTarget::Cursor => {
            let Some(index) = cursor(app) else { return };
            match under_cursor(app) {
                Some((id, _)) => NoteTarget::Existing(id),
                None if create => NoteTarget::New {
                    span: app.doc.sentences[index].span.clone(),
                    tag: None,
                },
                None => {
                    app.complain("No annotation under the cursor");
                    return;
                }
            }
        }
        KeyTarget::Annotation { id, .. }
        | KeyTarget::OutlineItem {
            highlight: Some(id),
            ..
        } => NoteTarget::Existing(id),
        KeyTarget::OutlineItem { span, tag, .. } if create => NoteTarget::New {
            span,
            tag: Some(tag),
        },
        KeyTarget::OutlineItem { .. } => {
            app.complain(NOT_HIGHLIGHTED);
            return;
        }
        KeyTarget::Nothing(why) => {
            app.say(why);
            return;
        }
    };
    let note = match &target {
        NoteTarget::Existing(id) => app
            .notes
            .store
            .as_ref()
            .and_then(|store| store.get(id))
            .and_then(|a| a.note.clone())
            .unwrap_or_default(),
        NoteTarget::New { .. } => String::new(),
    };
    app.notes.modal = Some(Modal::Editor(Box::new(NoteEditor::new(target, &note))));
}

/// Why `e` or `d` on an outline item did nothing.
const NOT_HIGHLIGHTED: &str =
    "This outline item is not highlighted: h highlights it, n adds a note";

fn editor_key(app: &mut App, key: KeyEvent, mut editor: NoteEditor) -> Vec<Effect> {
    if editor.confirming {
        match key.code {
            KeyCode::Char('y') | KeyCode::Char('Y') => app.say("Note discarded"),
            _ => {
                editor.confirming = false;
                app.notes.modal = Some(Modal::Editor(Box::new(editor)));
            }
        }
        return Vec::new();
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('s') if ctrl => save_note(app, editor),
        KeyCode::Esc => {
            if editor.note() == editor.original.trim_end() {
                return Vec::new();
            }
            editor.confirming = true;
            app.notes.modal = Some(Modal::Editor(Box::new(editor)));
            Vec::new()
        }
        _ => {
            editor.text.input(key);
            app.notes.modal = Some(Modal::Editor(Box::new(editor)));
            Vec::new()
        }
    }
}

fn save_note(app: &mut App, editor: NoteEditor) -> Vec<Effect> {
    let note = editor.note();
    let note = (!note.is_empty()).then_some(note);
    let notes = &mut app.notes;
    let Some(store) = notes.store.as_mut() else {
        return Vec::new();
    };
    match editor.target {
        NoteTarget::Existing(id) => {
            if !notes.history.update(store, &id, move |a| a.note = note) {
                return Vec::new();
            }
        }
        NoteTarget::New { span, tag } => {
            let mut annotation =
                Annotation::new(Kind::Highlight, Selector::from_span(&app.doc, span));
            annotation.note = note;
            annotation.tag = tag;
            notes.history.add(store, &app.doc, annotation);
        }
    }
    app.say("Note saved");
    vec![Effect::SaveAnnotations]
}

/// `d`: deletes the annotation under the cursor, selected in the Notes tab, or made of the
/// selected outline item.
fn delete(app: &mut App, target: KeyTarget) -> Vec<Effect> {
    if !require_store(app) {
        return Vec::new();
    }
    let id = match target {
        KeyTarget::Cursor => match under_cursor(app) {
            Some((id, _)) => id,
            None => {
                app.complain("No annotation under the cursor");
                return Vec::new();
            }
        },
        KeyTarget::Annotation { id, .. }
        | KeyTarget::OutlineItem {
            highlight: Some(id),
            ..
        } => id,
        KeyTarget::OutlineItem { .. } => {
            app.complain(NOT_HIGHLIGHTED);
            return Vec::new();
        }
        KeyTarget::Nothing(why) => {
            app.say(why);
            return Vec::new();
        }
    };
    let notes = &mut app.notes;
    let Some(store) = notes.store.as_mut() else {
        return Vec::new();
    };
    let Some(removed) = notes.history.remove(store, &id) else {
        return Vec::new();
    };
    let key = app.key_hint(&Action::Annotate(AnnotateAction::Undo));
    app.say(format!("Deleted {} ({key} undoes)", removed.kind.name()));
    vec![Effect::SaveAnnotations]
}

fn replay(app: &mut App, undo: bool) -> Vec<Effect> {
    let notes = &mut app.notes;
    let Some(store) = notes.store.as_mut() else {
        return Vec::new();
    };
    let replayed = if undo {
        notes.history.undo(store, &app.doc)
    } else {
        notes.history.redo(store, &app.doc)
    };
    match replayed {
        Some(replayed) => {
            let span = app
                .notes
                .store
                .as_ref()
                .and_then(|store| store.placement(replayed.edit.id()))
                .and_then(|placement| placement.span.clone());
            if let Some(span) = span {
                if let Some(index) = app.doc.sentence_at(span.start) {
                    app.notes.cursor = Some(index);
                }
                reveal(app, span);
            }
            app.say(replayed.message());
            vec![Effect::SaveAnnotations]
        }
        None => {
            app.say(if undo {
                "Nothing to undo"
            } else {
                "Nothing to redo"
            });
            Vec::new()
        }
    }
}

fn open_prompt(app: &mut App, kind: PromptKind) {
    let origin = cursor(app).map_or(app.article.reading, |i| app.doc.sentences[i].span.start);
    if matches!(kind, PromptKind::Search(_)) {
        app.notes.search = SearchState::default();
    }
    app.notes.modal = Some(Modal::Prompt(Prompt {
        kind,
        line: String::new(),
        origin,
    }));
}

fn prompt_key(app: &mut App, key: KeyEvent, mut prompt: Prompt) -> Vec<Effect> {
    match key.code {
        KeyCode::Esc => {
            if matches!(prompt.kind, PromptKind::Search(_)) {
                app.notes.search = SearchState::default();
            }
            app.status.message = None;
            Vec::new()
        }
        KeyCode::Enter => match prompt.kind {
            PromptKind::Search(direction) => {
                app.notes.search.direction =
                    (!app.notes.search.matches().is_empty()).then_some(direction);
                if app.notes.search.direction.is_none() && !prompt.line.is_empty() {
                    app.complain(format!("Not found: {}", prompt.line));
                }
                Vec::new()
            }
            PromptKind::Command => run_command(app, &prompt.line),
        },
        KeyCode::Backspace => {
            if prompt.line.pop().is_none() {
                return prompt_key(app, KeyEvent::from(KeyCode::Esc), prompt);
            }
            prompt_changed(app, prompt)
        }
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
            prompt.line.push(c);
            prompt_changed(app, prompt)
        }
        _ => {
            app.notes.modal = Some(Modal::Prompt(prompt));
            Vec::new()
        }
    }
}

fn prompt_changed(app: &mut App, prompt: Prompt) -> Vec<Effect> {
    if let PromptKind::Search(direction) = prompt.kind {
        let result = app
            .notes
            .search
            .incremental
            .update(&app.doc.text, &prompt.line);
        match result {
            Ok(matches) => {
                let hit = matches.nearest(prompt.origin, direction);
                let span = hit.map(|hit| matches.ranges[hit.index].clone());
                app.notes.search.current = hit.map(|hit| hit.index);
                if let Some(span) = span {
                    reveal(app, span);
                }
                app.status.message = None;
            }
            Err(error) => app.complain(error.to_string()),
        }
    }
    app.notes.modal = Some(Modal::Prompt(prompt));
    Vec::new()
}

/// `n` (`backwards` false) or `N` (true): the next match in the search's direction or against
/// it, moving the cursor and the view there; the status bar's counter follows (see
/// [`SearchState::counter`]).
fn step_search(app: &mut App, backwards: bool) {
    let Some(direction) = app.notes.search.direction else {
        app.say("No search; / starts one");
        return;
    };
    let direction = if backwards {
        direction.reversed()
    } else {
        direction
    };
    let matches = app.notes.search.matches();
    let position = app
        .notes
        .search
        .current
        .and_then(|i| matches.ranges.get(i))
        .map_or(app.article.reading, |r| r.start);
    let Some(hit) = matches.step(position, direction) else {
        return;
    };
    let span = matches.ranges[hit.index].clone();
    app.notes.search.current = Some(hit.index);
    if let Some(index) = app.doc.sentence_at(span.start) {
        app.notes.cursor = Some(index);
    }
    reveal(app, span);
    if hit.wrapped {
        app.say("Search wrapped around");
    } else {
        app.status.message = None;
    }
}

fn run_command(app: &mut App, line: &str) -> Vec<Effect> {
    let command = match command::parse(line) {
        Ok(command) => command,
        Err(error) => {
            app.complain(error.to_string());
            return Vec::new();
        }
    };
    match command {
        Command::Write => {
            if require_store(app) {
                app.say("Saved");
                return vec![Effect::SaveAnnotations];
            }
            Vec::new()
        }
        Command::Quit => super::update::update(app, Action::Quit),
        Command::WriteQuit => {
            let mut effects = vec![Effect::SaveAnnotations];
            effects.extend(super::update::update(app, Action::Quit));
            effects
        }
        Command::Theme(name) => {
            match app.themes.position(&name) {
                Some(index) => {
                    app.theme = index;
                    app.say(format!("Theme: {name}"));
                }
                None => app.complain(format!(
                    "Unknown theme {name:?}; the themes are {}",
                    app.themes.names()
                )),
            }
            Vec::new()
        }
        Command::Export(format) => vec![Effect::SaveAnnotations, Effect::Export(format)],
        Command::Tag(tag) => {
            if !tag.is_built_in() && !app.notes.user_tags.contains(&tag) {
                app.notes.user_tags.push(tag.clone());
            }
            if !require_store(app) {
                return Vec::new();
            }
            let Some(index) = cursor(app) else {
                return Vec::new();
            };
            let existing = under_cursor(app);
            let span = existing
                .as_ref()
                .map_or_else(|| app.doc.sentences[index].span.clone(), |(_, s)| s.clone());
            tag_passage(app, span, existing.map(|(id, _)| id), tag)
        }
    }
}
