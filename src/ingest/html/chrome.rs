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

/// `class`/`id` words (whole words, or prefixes of a word) that mark chrome.
const CHROME_WORD_PREFIXES: &[&str] = &[
    "nav",
    "menu",
    "sidebar",
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "promo",
    "advert",
    "cookie",
    "newsletter",
    "subscri",
    "footer",
    "breadcrumb",
    "hidden",
    "popup",
    "modal",
    "sponsor",
    "masthead",
    "toolbar",
];

/// `class`/`id` words that mark chrome only as whole words (as prefixes they would catch
/// innocent words, like "ad" in "adapt" or "address").
const CHROME_WORDS: &[&str] = &["ad", "ads", "sr-only", "skip"];

/// `class`/`id` words that mark an element as article content; they veto the chrome words, so
/// `<div class="post-content has-sidebar">` is kept.
const CONTENT_WORDS: &[&str] = &[
    "article", "content", "main", "body", "post", "entry", "story", "text", "page", "blog",
];

/// How aggressively to strip chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// Tags, roles, hidden elements and `class`/`id` words.
    Full,
    /// Tags, roles and hidden elements only: the fallback when the words removed too much.
    TagsOnly,
}

/// Detaches every chrome element from the tree.
pub fn strip(html: &mut Html, strictness: Strictness) {
    let doomed: Vec<_> = html
        .tree
        .root()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|element| is_chrome(*element, strictness))
        .map(|element| element.id())
        .collect();
    for id in doomed {
        if let Some(mut node) = html.tree.get_mut(id) {
            node.detach();
        }
    }
}

/// Whether `element` is chrome (its descendants go with it).
pub fn is_chrome(element: ElementRef, strictness: Strictness) -> bool {
    let name = element.value().name();
    if matches!(name, "html" | "body" | "article" | "main") {
        return false;
    }
    if CHROME_TAGS.contains(&name) || is_site_header(element) || is_hidden(element) {
        return true;
    }
    if element
        .attr("role")
        .is_some_and(|role| CHROME_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    strictness == Strictness::Full && has_chrome_words(element) && !holds_article(element)
}

/// A `<header>` outside any `<article>`/`<main>` is the site's masthead; inside one it holds
/// the headline and byline and is kept.
fn is_site_header(element: ElementRef) -> bool {
    element.value().name() == "header"
        && !element.ancestors().filter_map(ElementRef::wrap).any(|a| {
            matches!(a.value().name(), "article" | "main") || a.attr("role") == Some("main")
        })
}

/// Hidden by the `hidden` attribute, `aria-hidden="true"` or an inline `display:none` /
/// `visibility:hidden` style.
pub fn is_hidden(element: ElementRef) -> bool {
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
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
        if label.eq_ignore_ascii_case("sr-only") {
            words.push("sr-only".into());
        }
    }
    words
}

fn has_chrome_words(element: ElementRef) -> bool {
    let words = class_words(element);
    let chrome = words.iter().any(|word| {
        CHROME_WORDS.contains(&word.as_str())
            || CHROME_WORD_PREFIXES
                .iter()
                .any(|prefix| word.starts_with(prefix))
    });
    chrome
        && !words
            .iter()
            .any(|word| CONTENT_WORDS.contains(&word.as_str()))
}

/// Whether an element wraps the article itself (then class words on it describe the page
/// layout, not chrome).
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
            assert!(
                is_chrome(first(&html, selector), Strictness::TagsOnly),
                "{selector}"
            );
        }
        assert!(!is_chrome(first(&html, "p:last-child"), Strictness::Full));
    }

    #[test]
    fn class_words_mark_chrome_but_not_inside_words() {
        // Share bars and sidebars carry their purpose in class names; "ad" must be a whole
        // word so that "header", "shadow" or "lead" do not trigger it.
        let html = Html::parse_document(
            r#"<div class="shareBar">a</div><div id="ad-slot-3">b</div>
            <div class="lead shadow">c</div>"#,
        );
        assert!(is_chrome(first(&html, ".shareBar"), Strictness::Full));
        assert!(is_chrome(first(&html, "#ad-slot-3"), Strictness::Full));
        assert!(!is_chrome(first(&html, ".lead"), Strictness::Full));
        assert!(!is_chrome(first(&html, ".shareBar"), Strictness::TagsOnly));
    }

    #[test]
    fn layout_classes_on_article_wrappers_are_not_chrome() {
        // Themes put words like "sidebar" on the wrapper of the whole page ("has-sidebar");
        // removing it would remove the article.
        let html = Html::parse_document(
            r#"<div class="layout has-sidebar"><article><p>Text</p></article></div>
            <div class="post-content with-comments"><p>More</p></div>"#,
        );
        assert!(!is_chrome(first(&html, ".layout"), Strictness::Full));
        assert!(!is_chrome(first(&html, ".post-content"), Strictness::Full));
    }

    #[test]
    fn only_the_site_header_is_dropped() {
        // A header inside the article holds the headline and byline; the page's own header
        // holds the logo and menu.
        let html = Html::parse_document(
            "<header id=site>Logo</header><article><header id=head><h1>T</h1></header></article>",
        );
        assert!(is_chrome(first(&html, "#site"), Strictness::TagsOnly));
        assert!(!is_chrome(first(&html, "#head"), Strictness::TagsOnly));
    }

    #[test]
    fn strip_detaches_chrome_subtrees() {
        let mut html = Html::parse_document(
            "<body><p>Body text</p><aside><p>Aside</p></aside><div class=comments>C</div></body>",
        );
        strip(&mut html, Strictness::Full);
        let text: String = html.root_element().text().collect();
        assert_eq!(text, "Body text");
    }
}
