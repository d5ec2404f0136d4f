//! The reader's config file (`config.toml` in the config folder from `directories`): theme,
//! text width, side pane width, the user's own tags and key bindings. A broken file gives a
//! clear message and the defaults; a bad tag entry is reported and left out while the rest
//! works; `margent --print-config` prints the default file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use ratatui::style::Color;
use serde::Deserialize;

use crate::annotations::Tag;

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
    /// The `tags` entries as written; [`Config::parse`] turns the valid ones into
    /// [`Config::tags`].
    #[serde(rename = "tags")]
    tag_entries: Vec<toml::Value>,
    /// The user's own tags, in the order written, offered by the palette after the built-in
    /// ones.
    #[serde(skip)]
    pub tags: Vec<UserTag>,
    /// One message per tag entry that was left out, saying why.
    #[serde(skip)]
    pub warnings: Vec<String>,
}

/// A tag the user declared in the config file.
#[derive(Debug, Clone, PartialEq)]
pub struct UserTag {
    /// The tag.
    pub tag: Tag,
    /// What the tag is for, shown beside it in the palette.
    pub description: Option<String>,
    /// The colour its highlights are drawn on, unless the theme has a `tag.NAME` style.
    pub colour: Option<Color>,
}

impl UserTag {
    /// Reads one `tags` entry: a bare name (`"method"`) or a table with `name` and optional
    /// `description` and `colour`. Names follow the rules of `:tag`; built-in names and
    /// unknown fields are refused so a mistake does not pass unnoticed.
    pub fn from_entry(entry: &toml::Value) -> Result<UserTag, String> {
        let (name, description, colour) = match entry {
            toml::Value::String(name) => (name.as_str(), None, None),
            toml::Value::Table(table) => {
                let text = |field: &str| -> Result<Option<&str>, String> {
                    match table.get(field) {
                        None => Ok(None),
                        Some(toml::Value::String(text)) => Ok(Some(text.as_str())),
                        Some(_) => Err(format!("`{field}` must be a string")),
                    }
                };
                if let Some(field) = table
                    .keys()
                    .find(|key| !["name", "description", "colour", "color"].contains(&key.as_str()))
                {
                    return Err(format!(
                        "unknown field `{field}` (a tag has name, description and colour)"
                    ));
                }
                let name = text("name")?.ok_or("a tag needs a `name`")?;
                let colour = match (text("colour")?, text("color")?) {
                    (Some(_), Some(_)) => return Err(String::from("give `colour` only once")),
                    (colour, color) => colour.or(color),
                };
                (name, text("description")?, colour)
            }
            _ => return Err(String::from("a tag is a name or a table with a `name`")),
        };
        let tag = Tag::parse_new(name).map_err(|error| format!("{name:?}: {error}"))?;
        if tag.is_built_in() {
            return Err(format!(
                "{name:?} is built in already (its colour is the theme's tag.{tag})"
            ));
        }
        let colour = colour
            .map(|text| {
                Color::from_str(text).map_err(|_| {
                    format!("{name:?}: unknown colour {text:?} (use a name such as \"cyan\" or \"#88c0d0\")")
                })
            })
            .transpose()?;
        Ok(UserTag {
            tag,
            description: description
                .map(str::trim)
                .filter(|text| !text.is_empty())
                .map(str::to_owned),
            colour,
        })
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: None,
            text_width: DEFAULT_TEXT_WIDTH,
            side_width: DEFAULT_SIDE_WIDTH,
            keys: BTreeMap::new(),
            tag_entries: Vec::new(),
            tags: Vec::new(),
            warnings: Vec::new(),
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
    /// Parses a config file's text, checking the value ranges. Tag entries that cannot be used
    /// are left out with a message in [`Config::warnings`].
    pub fn parse(text: &str) -> Result<Config, String> {
        let mut config: Config = toml::from_str(text).map_err(|error| error.to_string())?;
        for (number, entry) in config.tag_entries.iter().enumerate() {
            match UserTag::from_entry(entry) {
                Ok(tag) if config.tags.iter().any(|known| known.tag == tag.tag) => config
                    .warnings
                    .push(format!("tags: {:?} is declared twice", tag.tag.name())),
                Ok(tag) => config.tags.push(tag),
                Err(error) => config.warnings.push(format!(
                    "tags entry {}: {error}; it is left out",
                    number + 1
                )),
            }
        }
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
                Ok(mut config) => {
                    let warnings = std::mem::take(&mut config.warnings);
                    let message = (!warnings.is_empty())
                        .then(|| format!("{}: {}", path.display(), warnings.join("; ")));
                    (config, message)
                }
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
             # Your own tags, offered by the tag palette (h) after the six built-in ones\n\
             # (claim, quote, recommendation, evidence, question, important): the first takes\n\
             # key 7, and past 9 the letters a, b, c... take over. Each needs a name (the rules\n\
             # of :tag); description and colour are optional. The colour is a name (cyan) or\n\
             # #rrggbb; a theme's \"tag.NAME\" style wins over it, and a tag without either gets\n\
             # one of the theme's tag-colours, picked by its name. `tags = [\"method\", \"to read\"]`\n\
             # is the short form for names only.\n\
             # [[tags]]\n\
             # name = \"method\"\n\
             # description = \"how the study was done\"\n\
             # colour = \"#88c0d0\"\n\n\
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
        assert!(config.tags.is_empty() && config.warnings.is_empty());
        let uncommented: String = Config::default_text(&keymap)
            .lines()
            .skip_while(|line| *line != "# [[tags]]")
            .take_while(|line| line.starts_with('#'))
            .map(|line| format!("{}\n", line.trim_start_matches("# ")))
            .collect();
        let example = Config::parse(&uncommented).unwrap();
        assert_eq!(
            example.tags.len(),
            1,
            "the commented example is a working tag"
        );
        assert!(example.warnings.is_empty(), "{:?}", example.warnings);
        let mut rebound = keymap.clone();
        assert!(rebound.rebind(&config.keys).is_empty());
        assert_eq!(rebound.bindings(), keymap.bindings());
    }

    /// Tags can be written as bare names or as tables with a description and colour; both
    /// forms must give the same tag, in the order written.
    #[test]
    fn tags_are_names_or_tables_with_a_description_and_colour() {
        let config = Config::parse(
            "[[tags]]\nname = \" method \"\ndescription = \"how it was done\"\ncolour = \"#88c0d0\"\n\
             [[tags]]\nname = \"to read\"\ncolor = \"cyan\"",
        )
        .unwrap();
        assert_eq!(
            config.tags,
            [
                UserTag {
                    tag: Tag::Custom("method".into()),
                    description: Some("how it was done".into()),
                    colour: Some(Color::Rgb(0x88, 0xc0, 0xd0)),
                },
                UserTag {
                    tag: Tag::Custom("to read".into()),
                    description: None,
                    colour: Some(Color::Cyan),
                },
            ]
        );
        let short = Config::parse("tags = [\"method\", \"to read\"]").unwrap();
        let names: Vec<&str> = short.tags.iter().map(|user| user.tag.name()).collect();
        assert_eq!(names, ["method", "to read"]);
    }

    /// Each mistake in a tag entry names the entry and what is wrong, and only that entry is
    /// left out, so one typo does not cost the user every other tag.
    #[test]
    fn bad_tag_entries_are_left_out_with_a_reason() {
        let config = Config::parse(
            "tags = [\"\", \"Quote\", 3, { name = \"x\", colour = \"beige-ish\" }, \
             { name = \"y\", size = 2 }, { description = \"no name\" }, \"fine\", \"fine\"]",
        )
        .unwrap();
        let names: Vec<&str> = config.tags.iter().map(|user| user.tag.name()).collect();
        assert_eq!(names, ["fine"]);
        let expected = [
            "entry 1: \"\": a tag name cannot be empty",
            "entry 2: \"Quote\" is built in",
            "entry 3: a tag is a name or a table",
            "entry 4: \"x\": unknown colour \"beige-ish\"",
            "entry 5: unknown field `size`",
            "entry 6: a tag needs a `name`",
            "\"fine\" is declared twice",
        ];
        assert_eq!(
            config.warnings.len(),
            expected.len(),
            "{:?}",
            config.warnings
        );
        for (warning, part) in config.warnings.iter().zip(expected) {
            assert!(warning.contains(part), "{warning:?} should say {part:?}");
        }
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("config.toml");
        std::fs::write(&path, "text_width = 60\ntags = [\"\", \"kept\"]").unwrap();
        let (config, message) = Config::load(&path);
        assert_eq!(config.text_width, 60);
        assert_eq!(config.tags.len(), 1);
        let message = message.unwrap();
        assert!(
            message.contains("config.toml") && message.contains("entry 1"),
            "{message}"
        );
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
