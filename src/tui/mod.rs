//! The full-screen reader, the only module that talks to a terminal.
//!
//! Built the way gitui, television and yazi are: the state is split per pane ([`app`],
//! [`article_pane`], [`side_pane`]); every change is an [`action::Action`] (the bindable ones
//! are the keymap's vocabulary) applied by the pure [`update::update`], which returns the I/O
//! to perform as [`app::Effect`]s; the [`view`]s draw from `&App` without changing it. Keys
//! ([`keymap`]) and colours ([`theme`]) are TOML data; [`runtime`] runs the event loop and the
//! background outline, [`terminal`] sets the terminal up and restores it on every exit path.

pub mod action;
pub mod app;
pub mod article_pane;
pub mod config;
pub mod keymap;
pub mod layout;
pub mod positions;
pub mod runtime;
pub mod side_pane;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod wrap;

use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;

use crate::cli::CliError;
use crate::document::{Document, Format};

use app::{App, Effect, Message, Setup};
use config::{Config, Folders};
use keymap::Keymap;
use positions::PositionStore;
use theme::{NO_COLOR_THEME, ThemeSet};

/// The built-in welcome article shown by `margent` without a file.
pub const WELCOME: &str = include_str!("welcome.md");

/// Exit code when the terminal cannot be used (not a terminal, or it failed).
pub const EXIT_TERMINAL: i32 = 10;

/// Exit code for a bad command line (an unknown theme).
pub const EXIT_USAGE: i32 = 2;

/// Choices from the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The theme asked for with `--theme`.
    pub theme: Option<String>,
}

/// The welcome article as a document.
pub fn welcome_document() -> Document {
    crate::ingest::parse(WELCOME, Format::Markdown)
}

/// The default config file's text, for `margent --print-config`.
pub fn default_config() -> String {
    Config::default_text(&Keymap::default_keymap())
}

/// Everything the reader needs besides the article: settings, keys, themes, with the
/// problems found while reading them.
pub fn load_setup(
    folders: Option<&Folders>,
    options: &Options,
    no_color: bool,
) -> Result<Setup, CliError> {
    let mut problems = Vec::new();
    let (config, problem) = folders.map_or_else(
        || (Config::default(), None),
        |folders| Config::load(&folders.config_file()),
    );
    problems.extend(problem);
    let themes_folder = folders.map(Folders::themes);
    let (themes, theme_problems) = ThemeSet::load(themes_folder.as_deref());
    problems.extend(theme_problems);
    let mut keymap = Keymap::default_keymap();
    problems.extend(keymap.rebind(&config.keys));
    let theme = match (&options.theme, no_color, &config.theme) {
        (Some(name), _, _) => themes.position(name).ok_or_else(|| CliError {
            message: format!("unknown theme {name:?}; the themes are {}", themes.names()),
            exit_code: EXIT_USAGE,
        })?,
        (None, true, _) => themes.position(NO_COLOR_THEME).unwrap_or(0),
        (None, false, Some(name)) => themes.position(name).unwrap_or_else(|| {
            problems.push(format!(
                "config: unknown theme {name:?} (the themes are {}); using dark",
                themes.names()
            ));
            0
        }),
        (None, false, None) => 0,
    };
    let message = match problems.len() {
        0 => None,
        1 => Some(problems.remove(0)),
        more => Some(format!("{} (and {} more problems)", problems[0], more - 1)),
    };
    Ok(Setup {
        keymap,
        themes,
        theme,
        text_width: config.text_width,
        side_width: config.side_width,
        start_at: None,
        message: message.map(|text| Message { text, error: true }),
    })
}

/// Opens the reader on `file`, or on the welcome article without one.
pub fn run(file: Option<&Path>, options: &Options) -> Result<(), CliError> {
    let terminal_error = |error: std::io::Error| CliError {
        message: format!("the terminal failed: {error}"),
        exit_code: EXIT_TERMINAL,
    };
    let folders = Folders::from_system();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
    let mut setup = load_setup(folders.as_ref(), options, no_color)?;
    let (doc, name) = match file {
        Some(path) => {
            let doc = crate::ingest::load(path)?;
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            (doc, name)
        }
        None => (welcome_document(), String::from("welcome")),
    };
    if !std::io::stdout().is_terminal() {
        return Err(CliError {
            message: String::from(
                "the reader needs a terminal; for a report on standard output use `margent info FILE`",
            ),
            exit_code: EXIT_TERMINAL,
        });
    }
    let store = folders
        .as_ref()
        .map(|folders| PositionStore::in_folder(&folders.data));
    if let (Some(store), Some(path)) = (&store, file) {
        setup.start_at = store.load(path).map(|chars| doc.byte_offset(chars));
    }
    let app = App::new(Arc::new(doc), name, setup);
    let mut save_problem = None;
    runtime::run(app, |effect| match effect {
        Effect::SavePosition(offset) => {
            if let (Some(store), Some(path)) = (&store, file) {
                if let Err(error) = store.save(path, offset) {
                    save_problem = Some(error);
                }
            }
        }
    })
    .map_err(terminal_error)?;
    if let Some(error) = save_problem {
        eprintln!("margent: could not remember the reading position: {error}");
    }
    Ok(())
}
