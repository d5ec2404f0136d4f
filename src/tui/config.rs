//! The reader's config file (`config.toml` in the config folder from `directories`): theme,
//! text width, side pane width and key bindings. A broken file gives a clear message and the
//! defaults; `margent --print-config` prints the default file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::keymap::Keymap;

/// Default width of the text column, in columns.
pub const DEFAULT_TEXT_WIDTH: u16 = 80;
/// Default width of the side pane, in columns.
pub const DEFAULT_SIDE_WIDTH: u16 = 38;

/// The reader's settings.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The theme's name; `None` means the default (or monochrome under `NO_COLOR`).
    pub theme: Option<String>,
    /// The widest the text column gets, in columns (20–400).
    pub text_width: u16,
    /// The side pane's width, in columns (16–200).
    pub side_width: u16,
    /// Key bindings: action name → keys, replacing that action's defaults.
    pub keys: BTreeMap<String, Vec<String>>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: None,
            text_width: DEFAULT_TEXT_WIDTH,
            side_width: DEFAULT_SIDE_WIDTH,
            keys: BTreeMap::new(),
        }
    }
}

/// The folders margent reads its settings from and keeps its data in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folders {
    /// Holds `config.toml` and `themes/`.
    pub config: PathBuf,
    /// Holds `positions.toml` (reading positions).
    pub data: PathBuf,
}

impl Folders {
    /// The platform's folders for margent (`~/.config/margent`, `~/.local/share/margent` on
    /// Linux), when a home folder is known.
    pub fn from_system() -> Option<Folders> {
        let dirs = directories::ProjectDirs::from("", "", "margent")?;
        Some(Folders {
            config: dirs.config_dir().to_path_buf(),
            data: dirs.data_dir().to_path_buf(),
        })
    }

    /// Path of the config file.
    pub fn config_file(&self) -> PathBuf {
        self.config.join("config.toml")
    }

    /// Folder of the user's themes.
    pub fn themes(&self) -> PathBuf {
        self.config.join("themes")
    }
}

impl Config {
    /// Parses a config file's text, checking the value ranges.
    pub fn parse(text: &str) -> Result<Config, String> {
        let config: Config = toml::from_str(text).map_err(|error| error.to_string())?;
        if !(20..=400).contains(&config.text_width) {
            return Err(format!(
                "text_width must be between 20 and 400, not {}",
                config.text_width
            ));
        }
        if !(16..=200).contains(&config.side_width) {
            return Err(format!(
                "side_width must be between 16 and 200, not {}",
                config.side_width
            ));
        }
        Ok(config)
    }

    /// Reads the config file at `path`: a missing file gives the defaults silently, a broken
    /// one the defaults and a message saying what is wrong.
    pub fn load(path: &Path) -> (Config, Option<String>) {
        match std::fs::read_to_string(path) {
            Ok(text) => match Config::parse(&text) {
                Ok(config) => (config, None),
                Err(error) => (
                    Config::default(),
                    Some(format!(
                        "{}: {}; using the defaults",
                        path.display(),
                        first_line(&error)
                    )),
                ),
            },
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => (Config::default(), None),
            Err(error) => (
                Config::default(),
                Some(format!("{}: {error}; using the defaults", path.display())),
            ),
        }
    }

    /// The default config file, with every setting and key binding written out and explained.
    pub fn default_text(keymap: &Keymap) -> String {
        let mut out = format!(
            "# margent's config file. Put it in margent's config folder as config.toml\n\
             # (on Linux ~/.config/margent/config.toml). Every line is optional.\n\n\
             # Colour theme: dark, light, solarized-dark, gruvbox-dark, high-contrast, monochrome,\n\
             # or the name of a themes/NAME.toml file beside this one. NO_COLOR selects monochrome.\n\
             theme = \"dark\"\n\n\
             # The widest the text column gets, in columns.\n\
             text_width = {DEFAULT_TEXT_WIDTH}\n\n\
             # The side pane's width, in columns.\n\
             side_width = {DEFAULT_SIDE_WIDTH}\n\n\
             # Key bindings: action = [keys]. Keys are single characters, named keys (space,\n\
             # enter, esc, tab, backtab, backspace, up, down, left, right, home, end, pageup,\n\
             # pagedown, f1-f12), optionally prefixed by ctrl-, alt- or shift-.\n\
             [keys]\n"
        );
        for binding in keymap.bindings() {
            let keys: Vec<String> = binding
                .keys
                .iter()
                .map(|key| format!("{:?}", key.to_string()))
                .collect();
            out.push_str(&format!(
                "# {}\n{} = [{}]\n",
                binding.description,
                binding.name,
                keys.join(", ")
            ));
        }
        out
    }
}

fn first_line(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    match lines.as_slice() {
        [] => String::from("unreadable"),
        [only] => (*only).to_owned(),
        [first, .., last] => format!("{first} {}", last.trim()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The printed default must itself be a valid config that changes nothing, so users can
    /// start from it.
    #[test]
    fn the_printed_default_parses_back_to_the_defaults() {
        let keymap = Keymap::default_keymap();
        let config = Config::parse(&Config::default_text(&keymap)).unwrap();
        assert_eq!(config.text_width, DEFAULT_TEXT_WIDTH);
        assert_eq!(config.theme.as_deref(), Some("dark"));
        let mut rebound = keymap.clone();
        assert!(rebound.rebind(&config.keys).is_empty());
        assert_eq!(rebound.bindings(), keymap.bindings());
    }

    #[test]
    fn broken_files_fall_back_with_a_message() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("config.toml");
        assert_eq!(Config::load(&path), (Config::default(), None));
        std::fs::write(&path, "text_width = \"wide\"").unwrap();
        let (config, message) = Config::load(&path);
        assert_eq!(config, Config::default());
        assert!(message.unwrap().contains("config.toml"));
        std::fs::write(&path, "text_width = 5").unwrap();
        assert!(
            Config::load(&path)
                .1
                .unwrap()
                .contains("between 20 and 400")
        );
        std::fs::write(&path, "colour = 1").unwrap();
        assert!(Config::load(&path).1.unwrap().contains("colour"));
        std::fs::write(&path, "text_width = 60\n[keys]\nquit = [\"x\"]").unwrap();
        let (config, message) = Config::load(&path);
        assert_eq!((config.text_width, message), (60, None));
        assert_eq!(config.keys["quit"], vec!["x".to_owned()]);
    }
}
