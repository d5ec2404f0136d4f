//! The event loop: draws, waits for terminal events and background results, turns them into
//! [`Action`]s for the update function, and carries out the [`Effect`]s it returns. The
//! outline and the word count are computed on a background thread so the first screen appears
//! at once.

use std::io;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};

use crate::document::Document;

use super::action::Action;
use super::app::{App, Effect};
use super::terminal;
use super::update::update;
use super::view;

/// Time between ticks while something animates.
const TICK: Duration = Duration::from_millis(100);
/// How long to wait for input when nothing animates.
const IDLE_WAIT: Duration = Duration::from_secs(1);

/// Starts the background worker: it sends the word count, then the outline.
pub fn spawn_worker(doc: Arc<Document>) -> Receiver<Action> {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        if sender.send(Action::WordsCounted(doc.word_count())).is_err() {
            return;
        }
        let outline = crate::outline::extract(&doc);
        let _ = sender.send(Action::OutlineReady(Arc::new(outline)));
    });
    receiver
}

/// Turns a terminal event into an action, through the keymap for keys.
pub fn translate(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release && app.notes.captures_keys() => {
            Some(Action::Input(*key))
        }
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            app.keymap.action_for(&app.key_contexts(), key)
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: mouse.column,
                row: mouse.row,
                down: mouse.kind == MouseEventKind::ScrollDown,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            MouseEventKind::Drag(MouseButton::Left) => Some(Action::Drag {
                column: mouse.column,
                row: mouse.row,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        _ => None,
    }
}

/// Runs the reader on the terminal until the user quits; `perform` carries out effects.
pub fn run(mut app: App, mut perform: impl FnMut(Effect)) -> io::Result<()> {
    let mut guard = terminal::setup()?;
    terminal::on_panic_before_restore(super::annotate::write_recovery);
    let results = spawn_worker(Arc::clone(&app.doc));
    let mut worker_done = false;
    let mut outline_received = false;
    let size = guard.terminal.size()?;
    update(&mut app, Action::Resize(size.width, size.height));
    let mut last_tick = Instant::now();
    while !app.quit {
        guard.terminal.draw(|frame| view::draw(frame, &app))?;
        let wait = if app.wants_ticks() {
            TICK.saturating_sub(last_tick.elapsed())
        } else {
            IDLE_WAIT
        };
        let mut events = Vec::new();
        if event::poll(wait)? {
            events.push(event::read()?);
            while event::poll(Duration::ZERO)? {
                events.push(event::read()?);
            }
        }
        handle_events(&mut app, events, &mut perform);
        let mut actions = Vec::new();
        if app.wants_ticks() && last_tick.elapsed() >= TICK {
            last_tick = Instant::now();
            actions.push(Action::Tick);
        }
        while !worker_done {
            match results.try_recv() {
                Ok(action) => {
                    outline_received |= matches!(action, Action::OutlineReady(_));
                    actions.push(action);
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    worker_done = true;
                    if !outline_received {
                        actions.push(Action::OutlineFailed);
                    }
                }
            }
        }
        for action in actions {
            if app.quit {
                break;
            }
            apply(&mut app, action, &mut perform);
        }
    }
    drop(guard);
    Ok(())
}

/// Applies terminal events in the order they came, each translated against the state the
/// ones before it left: after a key that opens the note editor, the keys typed or pasted with
/// it go into the editor, not to the keymap.
pub fn handle_events(app: &mut App, events: Vec<Event>, perform: &mut impl FnMut(Effect)) {
    for event in events {
        if app.quit {
            break;
        }
        if let Some(action) = translate(app, &event) {
            apply(app, action, perform);
        }
    }
}

/// Applies one action and carries out its effects: annotation saving and exports here, the
/// rest through `perform`.
fn apply(app: &mut App, action: Action, perform: &mut impl FnMut(Effect)) {
    for effect in update(app, action) {
        if !super::annotate::perform(app, &effect) {
            perform(effect);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent};

    fn app() -> App {
        let doc = crate::tui::welcome_document();
        App::new(
            Arc::new(doc),
            "welcome",
            super::super::app::Setup::default(),
        )
    }

    fn mouse(kind: MouseEventKind) -> Event {
        Event::Mouse(MouseEvent {
            kind,
            column: 4,
            row: 7,
            modifiers: KeyModifiers::NONE,
        })
    }

    /// Terminal events reach the update function only as actions: keys through the keymap,
    /// key releases ignored (some terminals report them), the wheel and clicks with their cell.
    #[test]
    fn terminal_events_become_actions() {
        let app = app();
        let press = Event::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
        assert_eq!(translate(&app, &press), Some(Action::ScrollDown));
        let mut release = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(translate(&app, &Event::Key(release)), None);
        assert_eq!(
            translate(&app, &mouse(MouseEventKind::ScrollDown)),
            Some(Action::Wheel {
                column: 4,
                row: 7,
                down: true
            })
        );
        assert_eq!(
            translate(&app, &mouse(MouseEventKind::Down(MouseButton::Left))),
            Some(Action::Click { column: 4, row: 7 })
        );
        assert_eq!(
            translate(&app, &mouse(MouseEventKind::Drag(MouseButton::Left))),
            Some(Action::Drag { column: 4, row: 7 })
        );
        assert_eq!(translate(&app, &mouse(MouseEventKind::Moved)), None);
        assert_eq!(
            translate(&app, &Event::Resize(30, 9)),
            Some(Action::Resize(30, 9))
        );
    }

    /// Keys that arrive together (fast typing, a paste, a multiplexer) are each translated
    /// after the ones before them took effect: the text after `:` goes into the command line
    /// rather than running as commands.
    #[test]
    fn keys_arriving_together_reach_what_the_keys_before_them_opened() {
        let mut app = app();
        update(&mut app, Action::Resize(100, 30));
        let keys = ":theme light\n".chars().map(|c| {
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
        });
        let mut effects = Vec::new();
        handle_events(&mut app, keys.collect(), &mut |effect| effects.push(effect));
        assert_eq!(app.theme().name, "light");
        assert!(app.notes.modal.is_none(), "Enter ran the command");
    }

    /// The worker reports the word count and then the outline, so the status bar fills in.
    #[test]
    fn the_worker_sends_words_then_the_outline() {
        let doc = Arc::new(crate::tui::welcome_document());
        let words = doc.word_count();
        let results: Vec<Action> = spawn_worker(Arc::clone(&doc)).iter().collect();
        assert_eq!(results.len(), 2);
        assert_eq!(results[0], Action::WordsCounted(words));
        assert!(matches!(&results[1], Action::OutlineReady(_)));
    }
}
