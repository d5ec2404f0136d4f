//! Choosing the element that holds the article, after chrome has been detached.
//!
//! Semantic markup wins when it is trustworthy: `<article>`, `[itemprop=articleBody]`,
//! `[role=main]` or `<main>`, provided it holds a fair share of the page's prose. Otherwise the
//! element with the best text-density score is taken, in the spirit of the Readability
//! algorithm: every paragraph scores by its length and comma count, hands that score to its
//! parent (in full) and grandparent (half) and further ancestors (less), each candidate gets a
//! bonus or penalty from its tag and `class`/`id` words, and the total is scaled down by the
//! share of its text that sits in links (menus and link lists are mostly links).

use std::collections::HashMap;

use scraper::{ElementRef, Html, Node, Selector};

use super::chrome::class_words;

/// Paragraphs shorter than this (in characters) are not scored.
const MIN_PARAGRAPH_CHARS: usize = 25;

/// How many ancestors a paragraph's score reaches.
const SCORED_ANCESTORS: usize = 5;

/// A semantic container is taken only if it holds at least this share of the prose of the
/// best-scoring element.
const SEMANTIC_SHARE: f64 = 0.5;

/// `class`/`id` words that suggest article content.
const POSITIVE_WORDS: &[&str] = &[
    "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story",
];

/// `class`/`id` words that suggest anything else.
const NEGATIVE_WORDS: &[&str] = &[
    "comment", "meta", "footer", "footnote", "sidebar", "widget", "sponsor", "promo", "related",
    "share", "social", "shoutbox", "masthead", "combx", "hidden", "banner", "nav", "menu",
];

/// The element to read the article from.
pub fn main_container(page: &Html) -> ElementRef<'_> {
    let body = select_first(page, "body").unwrap_or_else(|| page.root_element());
    let best = best_scored(body).unwrap_or(body);
    let best_prose = prose_chars(best);
    semantic_candidates(page)
        .into_iter()
        .find(|candidate| {
            let prose = prose_chars(*candidate);
            prose > 0
                && prose as f64 >= SEMANTIC_SHARE * best_prose as f64
                && (contains(*candidate, best) || contains(best, *candidate) || prose >= best_prose)
        })
        .unwrap_or(best)
}

/// Semantic containers in order of preference: the `<article>` with the most prose, the
/// `articleBody`, then `[role=main]` and `<main>`.
fn semantic_candidates(page: &Html) -> Vec<ElementRef<'_>> {
    let mut candidates = Vec::new();
    let by_prose = |selector: &str| {
        let mut found: Vec<_> = select_all(page, selector);
        found.sort_by_key(|element| std::cmp::Reverse(prose_chars(*element)));
        found
    };
    candidates.extend(by_prose("article").into_iter().take(1));
    candidates.extend(by_prose("[itemprop=articleBody]").into_iter().take(1));
    candidates.extend(select_all(page, "[role=main]"));
    candidates.extend(select_all(page, "main"));
    candidates
}

/// The element with the best text-density score under `root`, if any paragraph was scored.
fn best_scored(root: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let mut scores: HashMap<_, f64> = HashMap::new();
    let mut candidates = Vec::new();
    for paragraph in root
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|element| is_paragraph_like(*element))
    {
        let text = super::collapse_whitespace(&paragraph.text().collect::<String>());
        let chars = text.chars().count();
        if chars < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let commas = text
            .chars()
            .filter(|c| matches!(c, ',' | '，' | '、'))
            .count();
        let score = 1.0 + commas as f64 + (chars / 100).min(3) as f64;
        for (depth, ancestor) in paragraph
            .ancestors()
            .filter_map(ElementRef::wrap)
            .take(SCORED_ANCESTORS)
            .enumerate()
        {
            let divider = match depth {
                0 => 1.0,
                1 => 2.0,
                _ => depth as f64 * 3.0,
            };
            let total = scores.entry(ancestor.id()).or_insert_with(|| {
                candidates.push(ancestor);
                initial_score(ancestor)
            });
            *total += score / divider;
            if ancestor.id() == root.id() {
                break;
            }
        }
    }
    let mut best: Option<(ElementRef, f64)> = None;
    for candidate in candidates {
        let score = scores[&candidate.id()] * (1.0 - link_density(candidate));
        if best.is_none_or(|(_, top)| score > top) {
            best = Some((candidate, score));
        }
    }
    best.map(|(element, _)| element)
}

/// Paragraphs, preformatted text, table cells, and `div`s holding text with no block inside
/// (many pages write paragraphs as bare `div`s).
fn is_paragraph_like(element: ElementRef) -> bool {
    match element.value().name() {
        "p" | "pre" | "td" => true,
        "div" | "section" => !element.children().any(|child| {
            ElementRef::wrap(child).is_some_and(|c| {
                matches!(
                    c.value().name(),
                    "p" | "div"
                        | "section"
                        | "article"
                        | "blockquote"
                        | "ul"
                        | "ol"
                        | "table"
                        | "pre"
                        | "h1"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "h5"
                        | "h6"
                )
            })
        }),
        _ => false,
    }
}

/// Score a candidate starts with, from its tag and its `class`/`id` words.
fn initial_score(element: ElementRef) -> f64 {
    let tag = match element.value().name() {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let words = class_words(element);
    let has = |list: &[&str]| {
        words
            .iter()
            .any(|word| list.iter().any(|cue| word.starts_with(cue)))
    };
    let mut weight = 0.0;
    if has(POSITIVE_WORDS) {
        weight += 25.0;
    }
    if has(NEGATIVE_WORDS) {
        weight -= 25.0;
    }
    tag + weight
}

/// Share of an element's text that is link text.
pub fn link_density(element: ElementRef) -> f64 {
    let total = text_chars(element);
    if total == 0 {
        return 0.0;
    }
    let links: usize = element
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "a")
        .map(text_chars)
        .sum();
    (links as f64 / total as f64).min(1.0)
}

/// Characters of text in an element, not counting white space.
fn text_chars(element: ElementRef) -> usize {
    element
        .text()
        .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
        .sum()
}

/// Characters of text outside links: a measure of how much prose an element holds.
pub fn prose_chars(element: ElementRef) -> usize {
    element
        .descendants()
        .filter(|node| {
            matches!(node.value(), Node::Text(_))
                && !node
                    .ancestors()
                    .take_while(|a| a.id() != element.id())
                    .any(|a| a.value().as_element().is_some_and(|e| e.name() == "a"))
        })
        .filter_map(|node| node.value().as_text())
        .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
        .sum()
}

/// Whether `outer` is `inner` or one of its ancestors.
fn contains(outer: ElementRef, inner: ElementRef) -> bool {
    inner.id() == outer.id() || inner.ancestors().any(|a| a.id() == outer.id())
}

fn select_first<'a>(page: &'a Html, selector: &str) -> Option<ElementRef<'a>> {
    select_all(page, selector).into_iter().next()
}

fn select_all<'a>(page: &'a Html, selector: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(selector).expect("selectors in this module are valid");
    page.select(&selector).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id_of(page: &Html) -> Option<String> {
        main_container(page).attr("id").map(str::to_owned)
    }

    fn prose(words: usize) -> String {
        "Words, with commas, and length enough to look like prose. ".repeat(words)
    }

    #[test]
    fn dense_prose_beats_link_lists_without_semantic_markup() {
        // Most pages have no <article>: the article is the block with long, comma-rich
        // paragraphs, while menus and "more stories" lists are short and mostly links.
        let links =
            "<p><a href=a>Another story with a long enough headline here</a></p>".repeat(20);
        let page = Html::parse_document(&format!(
            "<body><div id=links>{links}</div><div id=story><p>{}</p><p>{}</p></div></body>",
            prose(4),
            prose(5)
        ));
        assert_eq!(id_of(&page).as_deref(), Some("story"));
    }

    #[test]
    fn article_element_is_preferred_when_it_holds_the_prose() {
        // Semantic markup is the author's own statement of where the article is, and it keeps
        // the headline and standfirst that a density score would cut off.
        let page = Html::parse_document(&format!(
            "<body><article id=a><h1>Head</h1><div><p>{}</p></div></article></body>",
            prose(6)
        ));
        assert_eq!(id_of(&page).as_deref(), Some("a"));
    }

    #[test]
    fn small_article_teasers_do_not_win() {
        // Pages often mark each teaser in a list as <article>; a teaser holding a sliver of
        // the page's prose is not the article.
        let page = Html::parse_document(&format!(
            "<body><article id=teaser><p>{}</p></article><div id=story><p>{}</p></div></body>",
            prose(1),
            prose(8)
        ));
        assert_eq!(id_of(&page).as_deref(), Some("story"));
    }

    #[test]
    fn link_density_counts_link_text() {
        let page = Html::parse_document("<div><a href=x>abcd</a>efgh</div>");
        let div = select_first(&page, "div").unwrap();
        assert!((link_density(div) - 0.5).abs() < 1e-9);
        assert_eq!(prose_chars(div), 4);
    }
}
