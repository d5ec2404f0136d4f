//! Page chrome: the parts of a web page that are not the article (scripts, menus, sidebars,
//! share bars, comment threads, cookie banners, hidden elements), recognised by tag, ARIA role,
//! `class`/`id` words and hiding attributes — general cues only, never a site's name.

use scraper::{ElementRef, Html};

/// Tags that never hold article prose.
const CHROME_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "iframe", "svg",
    "button", "select", "input", "textarea", "object", "embed", "canvas", "dialog", "menu", "head",
    "link", "meta",
];

/// ARIA roles of landmarks and widgets that are not the article.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "search",
    "dialog",
    "alertdialog",
    "button",
    "toolbar",
];

/// `class`/`id` word prefixes that mark clutter, with the reason a kept block is flagged for.
const CLUTTER_PREFIXES: &[(&str, &str)] = &[
    ("nav", "navigation"),
    ("menu", "navigation"),
    ("breadcrumb", "navigation"),
    ("toolbar", "navigation"),
    ("sidebar", "sidebar"),
    ("comment", "comments"),
    ("share", "share widget"),
    ("sharing", "share widget"),
    ("social", "share widget"),
    ("related", "related links"),
    ("promo", "promotion"),
    ("sponsor", "promotion"),
    ("advert", "advertisement"),
    ("cookie", "cookie notice"),
    ("newsletter", "subscription prompt"),
    ("subscri", "subscription prompt"),
    ("footer", "footer"),
    ("popup", "popup"),
    ("modal", "popup"),
    ("masthead", "masthead"),
];

/// `class`/`id` words that mark clutter only as whole words (as prefixes they would catch
/// innocent words, like "ad" in "adapt" or "address").
const CLUTTER_WORDS: &[(&str, &str)] = &[
    ("ad", "advertisement"),
    ("ads", "advertisement"),
    ("skip", "navigation"),
];

/// `class`/`id` words of elements that are hidden from readers.
const HIDDEN_WORDS: &[&str] = &["hidden", "sr-only", "visually-hidden", "screen-reader-text"];

/// `class`/`id` words that veto the clutter words: `<div class="post-content has-sidebar">`
/// is the article, not a sidebar.
const CONTENT_WORDS: &[&str] = &["article", "body", "content", "main", "column", "story"];

/// How aggressively to strip chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// Tags, roles, hidden elements and `class`/`id` words.
    Full,
    /// Tags, roles and hidden elements only: the fallback when the words removed too much.
    TagsOnly,
}

/// Detaches every chrome element from the tree: always the non-content tags, roles and hidden
/// elements; with [`Strictness::Full`] also the elements [`clutter_reason`] names.
pub fn strip(html: &mut Html, strictness: Strictness) {
    let doomed: Vec<_> = html
        .tree
        .root()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|element| {
            is_chrome(*element)
                || strictness == Strictness::Full && clutter_reason(*element).is_some()
        })
        .map(|element| element.id())
        .collect();
    for id in doomed {
        if let Some(mut node) = html.tree.get_mut(id) {
            node.detach();
        }
    }
}

/// Whether `element` is chrome that is dropped wherever it is (its descendants go with it):
/// non-content tags, the site's header, chrome ARIA roles and hidden elements.
pub fn is_chrome(element: ElementRef) -> bool {
    let name = element.value().name();
    if matches!(name, "html" | "body" | "article" | "main") {
        return false;
    }
    CHROME_TAGS.contains(&name)
        || is_site_header(element)
        || is_hidden(element)
        || element
            .attr("role")
            .is_some_and(|role| CHROME_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()))
}

/// Why an element is page clutter by its `class`/`id` words (share bars, related links, ad
/// slots, newsletter prompts…), or `None`. Outside the article such elements are dropped;
/// inside it they are kept as blocks flagged with this reason.
pub fn clutter_reason(element: ElementRef) -> Option<&'static str> {
    if matches!(element.value().name(), "html" | "body" | "article" | "main") {
        return None;
    }
    let words = class_words(element);
    if words
        .iter()
        .any(|word| CONTENT_WORDS.contains(&word.as_str()))
    {
        return None;
    }
    let reason = words.iter().find_map(|word| {
        CLUTTER_WORDS
            .iter()
            .find(|(cue, _)| word == cue)
            .or_else(|| {
                CLUTTER_PREFIXES
                    .iter()
                    .find(|(prefix, _)| word.starts_with(prefix))
            })
            .map(|(_, reason)| *reason)
    })?;
    (!holds_article(element)).then_some(reason)
}

/// A `<header>` outside any `<article>`/`<main>` is the site's masthead; inside one it holds
/// the headline and byline and is kept.
fn is_site_header(element: ElementRef) -> bool {
    element.value().name() == "header"
        && !element.ancestors().filter_map(ElementRef::wrap).any(|a| {
            matches!(a.value().name(), "article" | "main") || a.attr("role") == Some("main")
        })
}

/// Hidden by the `hidden` attribute, `aria-hidden="true"`, an inline `display:none` /
/// `visibility:hidden` style, or a screen-reader-only class.
pub fn is_hidden(element: ElementRef) -> bool {
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    let styled_hidden = element.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    });
    styled_hidden
        || element.value().classes().any(|class| {
            HIDDEN_WORDS
                .iter()
                .any(|word| class.eq_ignore_ascii_case(word))
        })
}

/// The lower-case words of an element's `class` and `id`, split at `-`, `_`, spaces and
/// camel-case humps (`shareBar` → `share`, `bar`).
pub fn class_words(element: ElementRef) -> Vec<String> {
    let mut words = Vec::new();
    let value = element.value();
    for label in value.classes().chain(value.id()) {
        let mut word = String::new();
        let mut previous_lower = false;
        for c in label.chars() {
            let boundary = !c.is_alphanumeric() || (c.is_uppercase() && previous_lower);
            if boundary && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            }
            previous_lower = c.is_lowercase();
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

/// Whether an element wraps the article itself (then class words on it describe the page
/// layout, not clutter).
fn holds_article(element: ElementRef) -> bool {
    element.descendants().filter_map(ElementRef::wrap).any(|d| {
        matches!(d.value().name(), "article" | "main")
            || d.attr("itemprop") == Some("articleBody")
            || d.attr("role") == Some("main")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first<'a>(html: &'a Html, tag: &str) -> ElementRef<'a> {
        html.select(&scraper::Selector::parse(tag).unwrap())
            .next()
            .unwrap()
    }

    #[test]
    fn chrome_tags_roles_and_hidden_elements_are_chrome() {
        // Menus, scripts, landmarks and hidden text are never part of what a reader reads.
        let html = Html::parse_document(
            r#"<body><nav>x</nav><div role="navigation">y</div><p hidden>z</p>
            <p style="display: none">w</p><p>kept</p></body>"#,
        );
        for selector in ["nav", "div", "p[hidden]", "p[style]"] {
            assert!(is_chrome(first(&html, selector)), "{selector}");
        }
        assert!(!is_chrome(first(&html, "p:last-child")));
    }

    #[test]
    fn class_words_mark_clutter_but_not_inside_words() {
        // Share bars and ad slots carry their purpose in class names; "ad" must be a whole
        // word so that "address", "shadow" or "lead" do not trigger it.
        let html = Html::parse_document(
            r#"<div class="shareBar">a</div><div id="ad-slot-3">b</div>
            <div class="lead shadow address">c</div>"#,
        );
        assert_eq!(
            clutter_reason(first(&html, ".shareBar")),
            Some("share widget")
        );
        assert_eq!(
            clutter_reason(first(&html, "#ad-slot-3")),
            Some("advertisement")
        );
        assert_eq!(clutter_reason(first(&html, ".lead")), None);
        assert!(!is_chrome(first(&html, ".shareBar")));
    }

    #[test]
    fn layout_classes_on_article_wrappers_are_not_clutter() {
        // Themes put words like "sidebar" on the wrapper of the whole page ("has-sidebar");
        // removing it would remove the article.
        let html = Html::parse_document(
            r#"<div class="layout has-sidebar"><article><p>Text</p></article></div>
            <div class="post-content with-comments"><p>More</p></div>"#,
        );
        assert_eq!(clutter_reason(first(&html, ".layout")), None);
        assert_eq!(clutter_reason(first(&html, ".post-content")), None);
    }

    #[test]
    fn only_the_site_header_is_dropped() {
        // A header inside the article holds the headline and byline; the page's own header
        // holds the logo and menu.
        let html = Html::parse_document(
            "<header id=site>Logo</header><article><header id=head><h1>T</h1></header></article>",
        );
        assert!(is_chrome(first(&html, "#site")));
        assert!(!is_chrome(first(&html, "#head")));
    }

    #[test]
    fn screen_reader_only_text_is_hidden() {
        // "Share on Facebook" and similar labels are often written for screen readers only.
        let html = Html::parse_document(r#"<span class="sr-only">Opens in new window</span>"#);
        assert!(is_chrome(first(&html, "span")));
    }

    #[test]
    fn strip_detaches_chrome_subtrees() {
        let mut html = Html::parse_document(
            "<body><p>Body text</p><aside><p>Aside</p></aside><div class=comments>C</div></body>",
        );
        let mut lenient = html.clone();
        strip(&mut html, Strictness::Full);
        let text: String = html.root_element().text().collect();
        assert_eq!(text, "Body text");
        strip(&mut lenient, Strictness::TagsOnly);
        let text: String = lenient.root_element().text().collect();
        assert_eq!(text, "Body textC");
    }
}
