//! Terminal setup and the one restore function used on every exit path: normal quit, error,
//! `Drop` of the guard, and the panic hook (the release profile aborts on panic, which skips
//! `Drop`).

use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Once, OnceLock};

use crossterm::cursor::Show;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// Whether the terminal is currently set up by us (so restore runs once, and only then).
static ACTIVE: AtomicBool = AtomicBool::new(false);
static PANIC_HOOK: Once = Once::new();
/// Work the panic hook does before restoring the terminal (saving annotations in memory).
static BEFORE_RESTORE: OnceLock<fn()> = OnceLock::new();

/// Registers `work` to run in the panic hook before the terminal is restored (once per
/// process; later registrations are ignored).
pub fn on_panic_before_restore(work: fn()) {
    let _ = BEFORE_RESTORE.set(work);
}

/// The terminal in raw mode on the alternate screen; restores it when dropped.
pub struct TerminalGuard {
    /// The ratatui terminal to draw on.
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

/// Puts the terminal in raw mode on the alternate screen with mouse reporting, after
/// installing the panic hook that restores it.
pub fn setup() -> io::Result<TerminalGuard> {
    install_panic_hook();
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let result = (|| {
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            Clear(ClearType::All)
        )?;
        let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        // No `Terminal::clear`: it asks the terminal for the cursor position, which not
        // every terminal answers; the screen was cleared above.
        terminal.hide_cursor()?;
        Ok(TerminalGuard { terminal })
    })();
    if result.is_err() {
        restore();
    }
    result
}

/// Gives the terminal back: mouse reporting off, main screen, cursor shown, raw mode off.
/// Safe to call any number of times; only the first call after [`setup`] does anything.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut stdout = io::stdout();
    let _ = execute!(stdout, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
    let _ = stdout.flush();
}

/// A panic hook, in the form [`std::panic::set_hook`] takes.
pub type PanicHook = Box<dyn Fn(&std::panic::PanicHookInfo<'_>) + Send + Sync + 'static>;

/// The panic hook margent installs, built from its three steps so their order can be tested
/// without a terminal: first the work registered in `before_restore` (saving the annotations
/// held in memory, so notes are safe even if giving the terminal back fails or hangs), then
/// `restore`, then `previous` (the standard hook, whose message then lands on the main screen
/// instead of the alternate one that is about to vanish).
pub fn panic_hook(
    before_restore: &'static OnceLock<fn()>,
    restore: fn(),
    previous: PanicHook,
) -> PanicHook {
    Box::new(move |info| {
        if let Some(work) = before_restore.get() {
            work();
        }
        restore();
        previous(info);
    })
}

fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(panic_hook(&BEFORE_RESTORE, restore, previous));
    });
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}
