//! Colour themes as data: TOML tables of named UI roles (helix-style `ui.text`,
//! `markup.quote`, `outline.claim`, `tag.evidence`…), each with `fg`, `bg` and `modifiers`
//! drawn from a `[palette]`. Built-in themes are compiled in; files in the user's config folder
//! override or add to them. A role a theme leaves out falls back to its parent (`ui.border` for
//! `ui.border.focused`) and finally to the terminal's default. The user's own tags are drawn
//! in a `tag.NAME` style when the theme has one, else in the colour the config gives them, else
//! in one of the theme's `tag-colours` picked by the name (see [`Theme::tag_style`]).

use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

use crate::annotations::Tag;

/// A named role a theme gives a style to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Body text; the base every other article role is laid over.
    Text,
    /// The article's headline in the title block.
    Title,
    /// Author, date and publisher under the headline.
    Byline,
    /// The standfirst under the byline.
    Standfirst,
    /// Rules and separators.
    Rule,
    /// Headings inside the article.
    Heading,
    /// Block quotes and their bar.
    Quote,
    /// List bullets.
    ListMarker,
    /// Preformatted blocks.
    Raw,
    /// Emphasised text.
    Emphasis,
    /// Strongly emphasised text.
    Strong,
    /// Inline code.
    Code,
    /// Link text.
    Link,
    /// Boilerplate blocks (share widgets, bios, credits), when unfolded.
    Boilerplate,
    /// The one-line stand-in for a folded boilerplate block.
    BoilerplateFold,
    /// The selected row of a list.
    Selection,
    /// A passage briefly marked after a jump.
    Mark,
    /// The status bar.
    StatusBar,
    /// The message in the status bar.
    StatusMessage,
    /// An error message in the status bar.
    StatusError,
    /// Pane borders.
    Border,
    /// The border of the focused pane.
    BorderFocused,
    /// An inactive side-pane tab.
    Tab,
    /// The active side-pane tab.
    TabActive,
    /// An outline group header.
    OutlineGroup,
    /// Outline claims.
    OutlineClaim,
    /// Outline quotes.
    OutlineQuote,
    /// Outline recommendations.
    OutlineRecommendation,
    /// Speakers, actors and other details in the side pane.
    OutlineMeta,
    /// The outline item or heading at the reading position.
    OutlineCurrent,
    /// Keys in the help overlay.
    HelpKey,
    /// The help overlay's text and frame.
    Help,
    /// The "terminal too small" notice.
    Notice,
    /// Highlights tagged "claim".
    TagClaim,
    /// Highlights tagged "quote".
    TagQuote,
    /// Highlights tagged "recommendation".
    TagRecommendation,
    /// Highlights tagged "evidence".
    TagEvidence,
    /// Highlights tagged "question".
    TagQuestion,
    /// Highlights tagged "important".
    TagImportant,
    /// The base of highlights with the user's own tags; the background comes from the tag's
    /// `tag.NAME` style, its configured colour or the theme's `tag-colours`.
    TagUser,
}

impl Role {
    /// Every role, in the order of [`Role::name`]'s table.
    pub const ALL: [Role; 40] = [
        Role::Text,
        Role::Title,
        Role::Byline,
        Role::Standfirst,
        Role::Rule,
        Role::Heading,
        Role::Quote,
        Role::ListMarker,
        Role::Raw,
        Role::Emphasis,
        Role::Strong,
        Role::Code,
        Role::Link,
        Role::Boilerplate,
        Role::BoilerplateFold,
        Role::Selection,
        Role::Mark,
        Role::StatusBar,
        Role::StatusMessage,
        Role::StatusError,
        Role::Border,
        Role::BorderFocused,
        Role::Tab,
        Role::TabActive,
        Role::OutlineGroup,
        Role::OutlineClaim,
        Role::OutlineQuote,
        Role::OutlineRecommendation,
        Role::OutlineMeta,
        Role::OutlineCurrent,
        Role::HelpKey,
        Role::Help,
        Role::Notice,
        Role::TagClaim,
        Role::TagQuote,
        Role::TagRecommendation,
        Role::TagEvidence,
        Role::TagQuestion,
        Role::TagImportant,
        Role::TagUser,
    ];

    /// The role's name in theme files.
    pub fn name(self) -> &'static str {
        match self {
            Role::Text => "ui.text",
            Role::Title => "ui.title",
            Role::Byline => "ui.byline",
            Role::Standfirst => "ui.standfirst",
            Role::Rule => "ui.rule",
            Role::Heading => "ui.heading",
            Role::Quote => "markup.quote",
            Role::ListMarker => "markup.list",
            Role::Raw => "markup.raw",
            Role::Emphasis => "markup.italic",
            Role::Strong => "markup.bold",
            Role::Code => "markup.code",
            Role::Link => "markup.link",
            Role::Boilerplate => "ui.boilerplate",
            Role::BoilerplateFold => "ui.boilerplate.fold",
            Role::Selection => "ui.selection",
            Role::Mark => "ui.mark",
            Role::StatusBar => "ui.statusbar",
            Role::StatusMessage => "ui.statusbar.message",
            Role::StatusError => "ui.statusbar.error",
            Role::Border => "ui.border",
            Role::BorderFocused => "ui.border.focused",
            Role::Tab => "ui.tab",
            Role::TabActive => "ui.tab.active",
            Role::OutlineGroup => "outline.group",
            Role::OutlineClaim => "outline.claim",
            Role::OutlineQuote => "outline.quote",
            Role::OutlineRecommendation => "outline.recommendation",
            Role::OutlineMeta => "outline.meta",
            Role::OutlineCurrent => "outline.current",
            Role::HelpKey => "ui.help.key",
            Role::Help => "ui.help",
            Role::Notice => "ui.notice",
            Role::TagClaim => "tag.claim",
            Role::TagQuote => "tag.quote",
            Role::TagRecommendation => "tag.recommendation",
            Role::TagEvidence => "tag.evidence",
            Role::TagQuestion => "tag.question",
            Role::TagImportant => "tag.important",
            Role::TagUser => "tag.user",
        }
    }

    /// The role's place in [`Role::ALL`] (its declaration order).
    fn index(self) -> usize {
        self as usize
    }
}

/// The built-in themes, compiled into the binary: `(name, TOML)`.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("dark", include_str!("../../themes/dark.toml")),
    ("light", include_str!("../../themes/light.toml")),
    (
        "solarized-dark",
        include_str!("../../themes/solarized-dark.toml"),
    ),
    (
        "gruvbox-dark",
        include_str!("../../themes/gruvbox-dark.toml"),
    ),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
    ("monochrome", include_str!("../../themes/monochrome.toml")),
];

/// The theme used when `NO_COLOR` is set.
pub const NO_COLOR_THEME: &str = "monochrome";

/// A resolved theme: one style per role.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// The theme's name.
    pub name: String,
    styles: Vec<Style>,
    /// `tag.NAME` styles for tags that are not built in, by tag name.
    tag_styles: BTreeMap<String, Style>,
    /// Background colours for the user's tags that have no style or colour of their own.
    tag_colours: Vec<Color>,
}

impl Theme {
    /// The style of `role`.
    pub fn style(&self, role: Role) -> Style {
        self.styles[role.index()]
    }

    /// The style of `role` laid over body text.
    pub fn text(&self, role: Role) -> Style {
        self.style(Role::Text).patch(self.style(role))
    }

    /// The style a highlight with `tag` is drawn in: untagged ones in the mark style,
    /// built-in tags in their `tag.*` role, the user's own tags in the theme's `tag.NAME`
    /// style if it has one, else the `tag.user` style on `configured` (the colour the config
    /// gives the tag), else on a colour from `tag-colours` (or, failing those, the built-in
    /// tags' backgrounds) that depends only on the name, so a tag keeps its colour.
    pub fn tag_style(&self, tag: Option<&Tag>, configured: Option<Color>) -> Style {
        let name = match tag {
            None => return self.style(Role::Mark),
            Some(Tag::Custom(name)) => name,
            Some(built_in) => return self.style(built_in_tag_role(built_in)),
        };
        if let Some(style) = self.tag_styles.get(name) {
            return *style;
        }
        let base = self.style(Role::TagUser);
        if let Some(colour) = configured {
            return base.bg(colour);
        }
        let built_in: Vec<Color>;
        let colours = if self.tag_colours.is_empty() {
            built_in = Tag::BUILT_IN
                .iter()
                .filter_map(|tag| self.style(built_in_tag_role(tag)).bg)
                .collect();
            &built_in
        } else {
            &self.tag_colours
        };
        match colours.len() {
            0 if base == Style::default() => self.style(Role::Mark),
            0 => base,
            count => base.bg(colours[name_hash(name) % count]),
        }
    }

    /// Parses a theme file's TOML. Roles it does not name fall back to their parent role.
    pub fn parse(name: &str, text: &str) -> Result<Theme, String> {
        let table: toml::Table = toml::from_str(text).map_err(|error| error.to_string())?;
        Theme::from_table(name, &table)
    }

    fn from_table(name: &str, table: &toml::Table) -> Result<Theme, String> {
        let palette: BTreeMap<String, String> = match table.get("palette") {
            Some(value) => value
                .as_table()
                .ok_or("`palette` must be a table of colours")?
                .iter()
                .map(|(key, value)| {
                    value
                        .as_str()
                        .map(|colour| (key.clone(), colour.to_owned()))
                        .ok_or_else(|| format!("palette colour {key:?} must be a string"))
                })
                .collect::<Result<_, _>>()?,
            None => BTreeMap::new(),
        };
        let tag_colours = match table.get(TAG_COLOURS) {
            Some(value) => value
                .as_array()
                .ok_or("`tag-colours` must be a list of colours")?
                .iter()
                .map(|item| {
                    let text = item.as_str().unwrap_or_default();
                    resolve_colour(TAG_COLOURS, text, &palette)
                })
                .collect::<Result<_, _>>()?,
            None => Vec::new(),
        };
        let mut declared: BTreeMap<&str, Style> = BTreeMap::new();
        for (key, value) in table {
            if key == "palette" || key == "inherits" || key == TAG_COLOURS {
                continue;
            }
            let style = parse_style(key, value, &palette)?;
            declared.insert(key.as_str(), style);
        }
        let tag_styles = declared
            .iter()
            .filter(|(key, _)| !Role::ALL.iter().any(|role| role.name() == **key))
            .filter_map(|(key, style)| Some((key.strip_prefix("tag.")?.to_owned(), *style)))
            .collect();
        let styles = Role::ALL
            .iter()
            .map(|role| {
                let mut scope = role.name();
                loop {
                    if let Some(style) = declared.get(scope) {
                        return *style;
                    }
                    match scope.rfind('.') {
                        Some(dot) => scope = &scope[..dot],
                        None => return Style::default(),
                    }
                }
            })
            .collect();
        Ok(Theme {
            name: name.to_owned(),
            styles,
            tag_styles,
            tag_colours,
        })
    }
}

/// The theme key listing background colours for the user's tags.
const TAG_COLOURS: &str = "tag-colours";

/// The role a built-in tag is drawn in; a custom tag has no role of its own and gets
/// `tag.user`.
fn built_in_tag_role(tag: &Tag) -> Role {
    match tag {
        Tag::Claim => Role::TagClaim,
        Tag::Quote => Role::TagQuote,
        Tag::Recommendation => Role::TagRecommendation,
        Tag::Evidence => Role::TagEvidence,
        Tag::Question => Role::TagQuestion,
        Tag::Important => Role::TagImportant,
        Tag::Custom(_) => Role::TagUser,
    }
}

/// FNV-1a over the name's bytes: the same on every run and every build, unlike the standard
/// library's hasher, so a tag keeps its fallback colour from one session to the next.
fn name_hash(name: &str) -> usize {
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    (hash % (u64::from(u32::MAX) + 1)) as usize
}

/// A colour written in a theme: a `[palette]` name, a colour name or `#rrggbb`.
fn resolve_colour(
    key: &str,
    text: &str,
    palette: &BTreeMap<String, String>,
) -> Result<Color, String> {
    let resolved = palette.get(text).map_or(text, String::as_str);
    Color::from_str(resolved).map_err(|_| format!("{key}: unknown colour {text:?}"))
}

fn parse_style(
    key: &str,
    value: &toml::Value,
    palette: &BTreeMap<String, String>,
) -> Result<Style, String> {
    let colour = |text: &str| resolve_colour(key, text, palette);
    match value {
        toml::Value::String(fg) => Ok(Style::default().fg(colour(fg)?)),
        toml::Value::Table(table) => {
            let mut style = Style::default();
            for (field, value) in table {
                match (field.as_str(), value) {
                    ("fg", toml::Value::String(text)) => style = style.fg(colour(text)?),
                    ("bg", toml::Value::String(text)) => style = style.bg(colour(text)?),
                    ("modifiers", toml::Value::Array(items)) => {
                        for item in items {
                            let name = item.as_str().unwrap_or_default();
                            style =
                                style
                                    .add_modifier(modifier(name).ok_or_else(|| {
                                        format!("{key}: unknown modifier {item}")
                                    })?);
                        }
                    }
                    _ => return Err(format!("{key}: unexpected field `{field}`")),
                }
            }
            Ok(style)
        }
        _ => Err(format!("{key}: a style is a colour or a table")),
    }
}

fn modifier(name: &str) -> Option<Modifier> {
    Some(match name {
        "bold" => Modifier::BOLD,
        "dim" => Modifier::DIM,
        "italic" => Modifier::ITALIC,
        "underlined" => Modifier::UNDERLINED,
        "slow_blink" => Modifier::SLOW_BLINK,
        "reversed" => Modifier::REVERSED,
        "hidden" => Modifier::HIDDEN,
        "crossed_out" => Modifier::CROSSED_OUT,
        _ => return None,
    })
}

/// The themes available to the reader, in cycling order.
#[derive(Debug, Clone)]
pub struct ThemeSet {
    /// The themes; built-ins first, then the user's own.
    pub themes: Vec<Theme>,
}

impl ThemeSet {
    /// The built-in themes only.
    pub fn built_in() -> ThemeSet {
        let themes = BUILT_IN
            .iter()
            .map(|(name, text)| Theme::parse(name, text).expect("built-in themes are valid"))
            .collect();
        ThemeSet { themes }
    }

    /// The built-in themes plus `*.toml` files in `folder`: a file named like a built-in theme
    /// is laid over it (only the roles and palette entries it sets change), another name adds
    /// a theme (`inherits = "NAME"` starts it from an existing one). Returns one message per
    /// file that could not be used.
    pub fn load(folder: Option<&Path>) -> (ThemeSet, Vec<String>) {
        let mut set = ThemeSet::built_in();
        let mut problems = Vec::new();
        let Some(entries) = folder.and_then(|folder| std::fs::read_dir(folder).ok()) else {
            return (set, problems);
        };
        let mut paths: Vec<_> = entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
            .collect();
        paths.sort();
        for path in paths {
            let name = path
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .unwrap_or_default();
            match set.user_theme(&name, &path) {
                Ok(theme) => set.insert(theme),
                Err(error) => {
                    problems.push(format!("theme {}: {error}; it is not used", path.display()))
                }
            }
        }
        (set, problems)
    }

    fn user_theme(&self, name: &str, path: &Path) -> Result<Theme, String> {
        let text = std::fs::read_to_string(path).map_err(|error| error.to_string())?;
        let user: toml::Table = toml::from_str(&text).map_err(|error| error.to_string())?;
        let base_name = match user.get("inherits") {
            Some(value) => Some(
                value
                    .as_str()
                    .ok_or("`inherits` must be a theme name")?
                    .to_owned(),
            ),
            None => BUILT_IN
                .iter()
                .any(|(built_in, _)| *built_in == name)
                .then(|| name.to_owned()),
        };
        let mut table = match base_name {
            Some(base) => {
                let source = BUILT_IN
                    .iter()
                    .find(|(built_in, _)| *built_in == base)
                    .map(|(_, text)| *text)
                    .ok_or_else(|| format!("inherits unknown theme {base:?}"))?;
                toml::from_str::<toml::Table>(source).map_err(|error| error.to_string())?
            }
            None => toml::Table::new(),
        };
        for (key, value) in user {
            match (table.get_mut(&key), value) {
                (Some(toml::Value::Table(base)), toml::Value::Table(over)) if key == "palette" => {
                    base.extend(over);
                }
                (_, value) => {
                    table.insert(key, value);
                }
            }
        }
        Theme::from_table(name, &table)
    }

    fn insert(&mut self, theme: Theme) {
        match self.themes.iter_mut().find(|t| t.name == theme.name) {
            Some(existing) => *existing = theme,
            None => self.themes.push(theme),
        }
    }

    /// The index of the theme called `name`.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.themes.iter().position(|theme| theme.name == name)
    }

    /// The themes' names, comma-separated, for messages.
    pub fn names(&self) -> String {
        self.themes
            .iter()
            .map(|theme| theme.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every built-in theme must parse and give the article text and each outline kind a
    /// visible style of its own, or the outline would not be told apart on screen.
    #[test]
    fn built_in_themes_parse_and_style_the_key_roles() {
        let set = ThemeSet::built_in();
        assert_eq!(set.themes.len(), BUILT_IN.len());
        for theme in &set.themes {
            for role in [
                Role::Heading,
                Role::Selection,
                Role::StatusBar,
                Role::OutlineClaim,
                Role::OutlineQuote,
                Role::OutlineRecommendation,
                Role::TagEvidence,
            ] {
                assert_ne!(
                    theme.style(role),
                    Style::default(),
                    "{} {role:?}",
                    theme.name
                );
            }
        }
        let mono = &set.themes[set.position(NO_COLOR_THEME).unwrap()];
        for role in Role::ALL {
            let style = mono.style(role);
            assert!(
                style.fg.is_none() && style.bg.is_none(),
                "{role:?} has colour"
            );
        }
    }

    #[test]
    fn role_indices_follow_the_table() {
        for (index, role) in Role::ALL.iter().enumerate() {
            assert_eq!(role.index(), index, "{role:?}");
        }
    }

    /// Roles fall back to their parent scope so a theme need not spell out every role.
    #[test]
    fn missing_roles_fall_back_to_their_parent() {
        let theme = Theme::parse(
            "t",
            "\"ui.border\" = \"sea\"\n\"outline\" = { modifiers = [\"bold\"] }\n[palette]\nsea = \"#0000ff\"",
        )
        .unwrap();
        assert_eq!(
            theme.style(Role::BorderFocused).fg,
            Some(Color::Rgb(0, 0, 255))
        );
        assert!(
            theme
                .style(Role::OutlineQuote)
                .add_modifier
                .contains(Modifier::BOLD)
        );
        assert_eq!(theme.style(Role::Text), Style::default());
    }

    /// A user tag's colour comes from the most specific place that gives one: the theme's
    /// `tag.NAME` style, then the config's colour, then `tag-colours` picked by the name (so
    /// the same tag looks the same in every session), then the built-in tags' backgrounds.
    #[test]
    fn user_tags_take_the_theme_style_then_the_config_colour_then_a_stable_fallback() {
        let theme = Theme::parse(
            "t",
            "\"tag.user\" = { fg = \"#000000\" }\n\"tag.method\" = { bg = \"#010101\" }\n\
             tag-colours = [\"sea\", \"#020202\", \"#030303\"]\n[palette]\nsea = \"#0000ff\"",
        )
        .unwrap();
        let method = Tag::Custom("method".into());
        let red = Some(Color::Red);
        assert_eq!(
            theme.tag_style(Some(&method), red).bg,
            Some(Color::Rgb(1, 1, 1))
        );
        let aside = Tag::Custom("aside".into());
        let configured = theme.tag_style(Some(&aside), red);
        assert_eq!(
            (configured.fg, configured.bg),
            (Some(Color::Rgb(0, 0, 0)), red)
        );
        let palette = [
            Color::Rgb(0, 0, 255),
            Color::Rgb(2, 2, 2),
            Color::Rgb(3, 3, 3),
        ];
        let names = ["aside", "later", "to read", "x", "y", "zz"];
        let mut seen = Vec::new();
        for name in names {
            let tag = Tag::Custom(name.into());
            let fallback = theme.tag_style(Some(&tag), None).bg.unwrap();
            assert!(palette.contains(&fallback), "{name}: {fallback:?}");
            assert_eq!(
                theme.tag_style(Some(&tag), None).bg,
                Some(fallback),
                "stable"
            );
            seen.push(fallback);
        }
        seen.dedup();
        assert!(seen.len() > 1, "different names spread over the colours");
        assert_eq!(name_hash("aside"), name_hash("aside"));
        assert_eq!(name_hash(""), 0xcbf2_9ce4_8422_2325_u64 as u32 as usize);

        let plain = Theme::parse("p", "\"tag.claim\" = { bg = \"#040404\" }").unwrap();
        assert_eq!(
            plain.tag_style(Some(&aside), None).bg,
            Some(Color::Rgb(4, 4, 4)),
            "without tag-colours the built-in tags' backgrounds are used"
        );
        assert_eq!(
            plain.tag_style(Some(&Tag::Claim), red).bg,
            Some(Color::Rgb(4, 4, 4))
        );
        let set = ThemeSet::built_in();
        let mono = &set.themes[set.position(NO_COLOR_THEME).unwrap()];
        assert_ne!(mono.tag_style(Some(&aside), None), Style::default());
    }

    #[test]
    fn mistakes_are_reported_with_the_role() {
        let error = Theme::parse("t", "\"ui.text\" = \"not-a-colour\"").unwrap_err();
        assert!(error.contains("ui.text"), "{error}");
        let error = Theme::parse("t", "\"ui.text\" = { modifiers = [\"sparkly\"] }").unwrap_err();
        assert!(error.contains("sparkly"), "{error}");
    }

    #[test]
    fn user_files_override_and_add_themes() {
        let folder = tempfile::tempdir().unwrap();
        std::fs::write(folder.path().join("dark.toml"), "\"ui.text\" = \"#010203\"").unwrap();
        std::fs::write(
            folder.path().join("mine.toml"),
            "inherits = \"light\"\n\"ui.heading\" = \"lightred\"",
        )
        .unwrap();
        std::fs::write(folder.path().join("broken.toml"), "\"ui.text\" = [").unwrap();
        let (set, problems) = ThemeSet::load(Some(folder.path()));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("broken.toml"));
        let dark = &set.themes[set.position("dark").unwrap()];
        assert_eq!(dark.style(Role::Text).fg, Some(Color::Rgb(1, 2, 3)));
        assert_ne!(
            dark.style(Role::Heading),
            Style::default(),
            "the rest is kept"
        );
        let mine = &set.themes[set.position("mine").unwrap()];
        assert_eq!(mine.style(Role::Heading).fg, Some(Color::LightRed));
        assert_eq!(
            mine.style(Role::Selection),
            set.themes[set.position("light").unwrap()].style(Role::Selection)
        );
    }
}
