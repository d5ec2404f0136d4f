//! Key bindings as data: the default keymap is a TOML file compiled into the binary, and the
//! user's config can rebind any action. Each binding carries the description shown by the help
//! overlay and written to `docs/keys.md`.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::action::Action;

/// The default keymap, as shipped.
pub const DEFAULT_KEYMAP: &str = include_str!("keymap.toml");

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum KeyContext {
    /// Everywhere.
    #[default]
    Global,
    /// Only while the article pane has focus.
    Article,
    /// Only while the side pane has focus.
    Side,
}

impl KeyContext {
    /// The name used in the keymap file.
    pub fn name(self) -> &'static str {
        match self {
            KeyContext::Global => "global",
            KeyContext::Article => "article",
            KeyContext::Side => "side",
        }
    }
}

/// One key with its modifiers, as written in the keymap (`j`, `G`, `ctrl-d`, `pagedown`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    /// The key.
    pub code: KeyCode,
    /// Ctrl and Alt (Shift is folded into the character for printable keys).
    pub modifiers: KeyModifiers,
}

/// Named keys and their crossterm codes.
const NAMED_KEYS: &[(&str, KeyCode)] = &[
    ("space", KeyCode::Char(' ')),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
];

impl KeyChord {
    /// Parses the keymap notation: an optional `ctrl-`, `alt-` or `shift-` prefix (repeatable)
    /// then a single character, a named key (`space`, `enter`, `pagedown`…) or `f1`–`f12`.
    pub fn parse(text: &str) -> Result<KeyChord, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (prefix, modifier) = if lower.starts_with("ctrl-") {
                ("ctrl-", KeyModifiers::CONTROL)
            } else if lower.starts_with("alt-") {
                ("alt-", KeyModifiers::ALT)
            } else if lower.starts_with("shift-") {
                ("shift-", KeyModifiers::SHIFT)
            } else {
                break;
            };
            if rest.len() == prefix.len() {
                break;
            }
            modifiers |= modifier;
            rest = &rest[prefix.len()..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => {
                let lower = rest.to_ascii_lowercase();
                if let Some((_, code)) = NAMED_KEYS.iter().find(|(name, _)| *name == lower) {
                    *code
                } else if let Some(n) = lower
                    .strip_prefix('f')
                    .and_then(|n| n.parse::<u8>().ok())
                    .filter(|n| (1..=12).contains(n))
                {
                    KeyCode::F(n)
                } else {
                    return Err(format!("unknown key {text:?}"));
                }
            }
        };
        Ok(KeyChord::normalised(code, modifiers))
    }

    /// The chord a terminal key event stands for.
    pub fn from_event(event: &KeyEvent) -> KeyChord {
        KeyChord::normalised(event.code, event.modifiers)
    }

    /// Folds Shift into printable characters (`shift-g` is `G`) and drops other modifiers
    /// that never reach bindings (Super, Hyper, Meta).
    fn normalised(code: KeyCode, modifiers: KeyModifiers) -> KeyChord {
        let mut modifiers =
            modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            }
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        KeyChord { code, modifiers }
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (modifier, prefix) in [
            (KeyModifiers::CONTROL, "ctrl-"),
            (KeyModifiers::ALT, "alt-"),
            (KeyModifiers::SHIFT, "shift-"),
        ] {
            if self.modifiers.contains(modifier) {
                f.write_str(prefix)?;
            }
        }
        if let Some((name, _)) = NAMED_KEYS.iter().find(|(_, code)| *code == self.code) {
            return f.write_str(name);
        }
        match self.code {
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// One entry of the keymap.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    /// The action's keymap name.
    pub name: String,
    /// The action the keys trigger.
    pub action: Action,
    /// The keys, in the order they are listed.
    pub keys: Vec<KeyChord>,
    /// Where the binding applies.
    pub context: KeyContext,
    /// What the action does, for the help overlay and `docs/keys.md`.
    pub description: String,
}

/// The keymap: bindings in display order and a lookup table.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
    lookup: HashMap<(KeyContext, KeyChord), Action>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeymapFile {
    binding: Vec<BindingEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BindingEntry {
    action: String,
    keys: Vec<String>,
    #[serde(default)]
    context: KeyContext,
    description: String,
}

/// What the key table cannot say, in Markdown (`code` spans): the mouse, and why backslash
/// searches backward. Shown under the table in `docs/keys.md` and in the help overlay.
pub const KEY_NOTES: [&str; 2] = [
    "The mouse wheel scrolls the pane under the pointer; a click on a side-pane tab switches to \
     it and a click on a row selects it. Dragging with the left button over the article selects \
     whole words; after the release `h` highlights and `n` notes the selection, as after `v`.",
    "`?` is the help key, so search backward with `\\`; as in vim, `n` goes on in the search's \
     direction and `N` the other way.",
];

impl Keymap {
    /// Parses a keymap file.
    pub fn parse(text: &str) -> Result<Keymap, String> {
        let file: KeymapFile = toml::from_str(text).map_err(|error| error.to_string())?;
        let mut bindings = Vec::new();
        for entry in file.binding {
            let action = Action::from_name(&entry.action)
                .ok_or_else(|| format!("unknown action {:?}", entry.action))?;
            let keys = entry
                .keys
                .iter()
                .map(|key| KeyChord::parse(key))
                .collect::<Result<Vec<_>, _>>()?;
            bindings.push(Binding {
                name: entry.action,
                action,
                keys,
                context: entry.context,
                description: entry.description,
            });
        }
        let mut keymap = Keymap {
            bindings,
            lookup: HashMap::new(),
        };
        keymap.rebuild_lookup();
        Ok(keymap)
    }

    /// The built-in keymap.
    pub fn default_keymap() -> Keymap {
        Keymap::parse(DEFAULT_KEYMAP).expect("the built-in keymap is valid")
    }

    /// The bindings in display order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The action bound to `key`, trying the contexts in order (the focused pane first).
    pub fn action_for(&self, contexts: &[KeyContext], key: &KeyEvent) -> Option<Action> {
        let chord = KeyChord::from_event(key);
        contexts
            .iter()
            .find_map(|context| self.lookup.get(&(*context, chord)).cloned())
    }

    /// Rebinds actions from the config's `[keys]` table (`action-name = ["key", …]`): the
    /// listed keys replace the action's defaults and are taken away from any other action in
    /// the same context. Returns one message per entry that could not be applied.
    pub fn rebind(&mut self, keys: &BTreeMap<String, Vec<String>>) -> Vec<String> {
        let mut problems = Vec::new();
        for (name, texts) in keys {
            let Some(index) = self.bindings.iter().position(|b| &b.name == name) else {
                problems.push(format!("[keys]: unknown action {name:?}"));
                continue;
            };
            let parsed: Result<Vec<KeyChord>, String> =
                texts.iter().map(|text| KeyChord::parse(text)).collect();
            match parsed {
                Ok(chords) => {
                    let context = self.bindings[index].context;
                    for other in self.bindings.iter_mut().filter(|b| b.context == context) {
                        other.keys.retain(|key| !chords.contains(key));
                    }
                    self.bindings[index].keys = chords;
                }
                Err(error) => problems.push(format!("[keys] {name}: {error}")),
            }
        }
        self.rebuild_lookup();
        problems
    }

    /// The keys bound to `action` in any context, for hints in the interface.
    pub fn keys_for(&self, action: &Action) -> Vec<KeyChord> {
        self.bindings
            .iter()
            .filter(|binding| &binding.action == action)
            .flat_map(|binding| binding.keys.iter().copied())
            .collect()
    }

    /// The key reference as Markdown: the text of `docs/keys.md`.
    pub fn to_markdown(&self) -> String {
        let mut out = String::from(
            "# Keys\n\nThe reader's key bindings, generated from the built-in keymap \
             (`src/tui/keymap.toml`).\nRebind any action in `config.toml`'s `[keys]` table \
             (see `margent --print-config`).\n\n| keys | action | where | what it does |\n\
             |---|---|---|---|\n",
        );
        for binding in &self.bindings {
            let keys: Vec<String> = binding
                .keys
                .iter()
                .map(|key| format!("`{}`", key.to_string().replace('|', "\\|")))
                .collect();
            out.push_str(&format!(
                "| {} | `{}` | {} | {} |\n",
                keys.join(" "),
                binding.name,
                binding.context.name(),
                binding.description
            ));
        }
        for note in KEY_NOTES {
            out.push('\n');
            out.push_str(note);
            out.push('\n');
        }
        out
    }

    fn rebuild_lookup(&mut self) {
        self.lookup = self
            .bindings
            .iter()
            .flat_map(|binding| {
                binding
                    .keys
                    .iter()
                    .map(|key| ((binding.context, *key), binding.action.clone()))
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::BINDABLE;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn notation_parses_and_prints_back() {
        for text in [
            "j", "G", "ctrl-d", "pagedown", "space", "?", "f1", "alt-x", "backtab",
        ] {
            assert_eq!(KeyChord::parse(text).unwrap().to_string(), text);
        }
        assert!(KeyChord::parse("hyper-j").is_err());
        assert!(KeyChord::parse("f13").is_err());
    }

    /// Terminals report `G` as either `G` or `shift-G`; both must reach the binding.
    #[test]
    fn shift_is_folded_into_characters() {
        let keymap = Keymap::default_keymap();
        let contexts = [KeyContext::Global];
        assert_eq!(
            keymap.action_for(&contexts, &key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            keymap.action_for(&contexts, &key(KeyCode::Char('G'), KeyModifiers::NONE)),
            Some(Action::Bottom)
        );
        assert_eq!(
            keymap.action_for(&contexts, &key(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Action::HalfPageDown)
        );
    }

    #[test]
    fn every_bindable_action_has_a_default_key() {
        let keymap = Keymap::default_keymap();
        for (name, action) in BINDABLE {
            assert!(!keymap.keys_for(action).is_empty(), "{name} has no key");
        }
    }

    #[test]
    fn rebinding_moves_a_key_and_reports_mistakes() {
        let mut keymap = Keymap::default_keymap();
        let mut keys = BTreeMap::new();
        keys.insert("bottom".to_owned(), vec!["j".to_owned()]);
        keys.insert("no-such".to_owned(), vec!["x".to_owned()]);
        keys.insert("top".to_owned(), vec!["hyper-q".to_owned()]);
        let problems = keymap.rebind(&keys);
        assert_eq!(problems.len(), 2, "{problems:?}");
        let contexts = [KeyContext::Global];
        assert_eq!(
            keymap.action_for(&contexts, &key(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::Bottom)
        );
        assert_eq!(
            keymap.action_for(&contexts, &key(KeyCode::Char('G'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            keymap.action_for(&contexts, &key(KeyCode::Down, KeyModifiers::NONE)),
            Some(Action::ScrollDown)
        );
        assert_eq!(
            keymap.action_for(&contexts, &key(KeyCode::Char('g'), KeyModifiers::NONE)),
            Some(Action::Top),
            "a failed rebind keeps the defaults"
        );
    }
}
