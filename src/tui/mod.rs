//! The full-screen reader, the only module that talks to a terminal.
//!
//! Built the way gitui, television and yazi are: the state is split per pane ([`app`],
//! [`article_pane`], [`side_pane`]); every change is an [`action::Action`] (the bindable ones
//! are the keymap's vocabulary) applied by the pure [`update::update`], which returns the I/O
//! to perform as [`app::Effect`]s; the [`view`]s draw from `&App` without changing it. Keys
//! ([`keymap`]) and colours ([`theme`]) are TOML data; [`runtime`] runs the event loop and the
//! background outline, [`terminal`] sets the terminal up and restores it on every exit path.

pub mod action;
pub mod annotate;
pub mod app;
pub mod article_pane;
pub mod config;
pub mod key_target;
pub mod keymap;
pub mod layout;
pub mod notes_tab;
pub mod positions;
pub mod runtime;
pub mod side_pane;
pub mod tag_palette;
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
pub const EXIT_USAGE: i32 = crate::cli::EXIT_USAGE;

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
    let configured = config.theme.as_ref().and_then(|name| {
        let found = themes.position(name);
        if found.is_none() {
            problems.push(format!(
                "config: unknown theme {name:?} (the themes are {})",
                themes.names()
            ));
        }
        found
    });
    let theme = match (&options.theme, no_color) {
        (Some(name), _) => themes.position(name).ok_or_else(|| CliError {
            message: format!("unknown theme {name:?}; the themes are {}", themes.names()),
            exit_code: EXIT_USAGE,
        })?,
        (None, true) => themes.position(NO_COLOR_THEME).unwrap_or(0),
        (None, false) => configured.unwrap_or(0),
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
        tags: config.tags,
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
    let annotations = file.map(|path| {
        crate::annotations::Store::open(
            path,
            &doc,
            crate::annotations::StoreOptions::from_environment(),
        )
    });
    let mut app = App::new(Arc::new(doc), name, setup);
    match annotations {
        Some(Ok(store)) => {
            if let Some(problem) = store.problem() {
                app.complain(format!(
                    "Annotations: {problem}; new work goes to a recovery file"
                ));
            } else if let Some(warning) = store.control_character_warning() {
                app.say(format!("Annotations: {warning}"));
            }
            app.notes.store = Some(store);
            app.notes.article = file.map(Path::to_path_buf);
        }
        Some(Err(error)) => app.complain(format!("Annotations unavailable: {error}")),
        None => {}
    }
    let mut save_problem = None;
    runtime::run(app, |effect| match effect {
        Effect::SavePosition(offset) => {
            if let (Some(store), Some(path)) = (&store, file) {
                if let Err(error) = store.save(path, offset) {
                    save_problem = Some(error);
                }
            }
        }
        Effect::SaveAnnotations | Effect::Export(_) => {}
    })
    .map_err(terminal_error)?;
    if let Some(error) = save_problem {
        eprintln!("margent: could not remember the reading position: {error}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folders(root: &Path) -> Folders {
        Folders {
            config: root.join("config"),
            data: root.join("data"),
        }
    }

    /// Theme choice: `--theme` wins, then `NO_COLOR` (monochrome), then the config file.
    #[test]
    fn the_theme_comes_from_the_flag_no_color_or_config() {
        let root = tempfile::tempdir().unwrap();
        let folders = folders(root.path());
        std::fs::create_dir_all(&folders.config).unwrap();
        std::fs::write(folders.config_file(), "theme = \"gruvbox-dark\"").unwrap();
        let name = |setup: &Setup| setup.themes.themes[setup.theme].name.clone();
        let options = Options::default();
        assert_eq!(
            name(&load_setup(Some(&folders), &options, false).unwrap()),
            "gruvbox-dark"
        );
        assert_eq!(
            name(&load_setup(Some(&folders), &options, true).unwrap()),
            "monochrome"
        );
        let light = Options {
            theme: Some("light".into()),
        };
        assert_eq!(
            name(&load_setup(Some(&folders), &light, true).unwrap()),
            "light"
        );
        let unknown = Options {
            theme: Some("neon".into()),
        };
        let error = load_setup(Some(&folders), &unknown, false).unwrap_err();
        assert_eq!(error.exit_code, EXIT_USAGE);
        assert!(error.message.contains("neon") && error.message.contains("solarized-dark"));
    }

    /// A broken config still opens the reader, with the defaults and a message saying why.
    #[test]
    fn config_problems_become_one_message_and_defaults() {
        let root = tempfile::tempdir().unwrap();
        let folders = folders(root.path());
        std::fs::create_dir_all(folders.themes()).unwrap();
        std::fs::write(
            folders.config_file(),
            "theme = \"nope\"\n[keys]\nfly = [\"f\"]",
        )
        .unwrap();
        std::fs::write(folders.themes().join("bad.toml"), "\"ui.text\" = 3").unwrap();
        let setup = load_setup(Some(&folders), &Options::default(), false).unwrap();
        assert_eq!(setup.theme, 0);
        let message = setup.message.unwrap();
        assert!(message.error);
        assert!(message.text.contains("bad.toml"), "{}", message.text);
        assert!(message.text.contains("2 more problems"), "{}", message.text);
    }

    #[test]
    fn the_welcome_article_teaches_the_keys() {
        let doc = welcome_document();
        let words = doc.word_count();
        assert!((600..=1000).contains(&words), "{words} words");
        let keys = [
            "`j`", "`Tab`", "`Enter`", "`?`", "`q`", "`T`", "`b`", "`o`", "`h`", "`n`", "`/`",
            "`\\`", "`f`", "`e`", "`d`", "`u`", "`v`",
        ];
        for key in keys {
            assert!(WELCOME.contains(key), "the welcome article mentions {key}");
        }
        assert!(
            WELCOME.contains("drag the mouse"),
            "mouse selection is taught"
        );
        assert!(WELCOME.contains("**Notes** tab"), "the Notes tab is taught");
    }
}
