//! Page metadata: title, author, date, publisher, tags and standfirst, from `<meta>` tags
//! (Open Graph, Twitter cards, Dublin Core, plain `name`s), JSON-LD, microdata
//! (`itemprop`), `rel=author` links, byline elements and "By …" lines, and `<title>` with the
//! site's name stripped.

use std::collections::HashMap;

use scraper::{ElementRef, Html, Selector};

use super::chrome::class_words;
use super::jsonld::{self, LinkedData};
use super::{clean_text, collapse_whitespace};
use crate::document::Metadata;
use crate::ingest::dates::parse_date;

/// Separators sites put between a headline and their own name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / "];

/// A site-name segment of `<title>` is at most this many words.
const MAX_SITE_NAME_WORDS: usize = 4;

/// A person's name (or a few joined) is at most this many words.
const MAX_NAME_WORDS: usize = 10;

/// `class`/`id` words of elements that hold the byline.
const BYLINE_WORDS: &[&str] = &[
    "byline",
    "author",
    "authors",
    "writer",
    "creator",
    "contributor",
];

/// `class`/`id` words of elements that hold the standfirst.
const STANDFIRST_WORDS: &[&str] = &[
    "dek",
    "deck",
    "standfirst",
    "subtitle",
    "subheadline",
    "subhead",
    "strapline",
    "kicker",
];

/// What the article reader found that helps read the metadata.
#[derive(Debug, Clone, Copy, Default)]
pub struct ArticleHints<'a> {
    /// The element holding the article: bylines inside it are preferred to those of teasers
    /// elsewhere on the page.
    pub container: Option<ElementRef<'a>>,
    /// The headings of the article's text, used to recognise the headline inside `<title>`.
    pub headings: &'a [String],
}

/// Gathers the page's metadata.
pub fn extract(page: &Html, hints: ArticleHints) -> Metadata {
    let meta = MetaTags::read(page);
    let linked = jsonld::extract(page);
    let publisher = publisher(&meta, &linked);
    Metadata {
        title: title(page, &meta, &linked, publisher.as_deref(), hints.headings),
        author: author(page, &meta, &linked, hints.container),
        date: date(page, &meta, &linked),
        tags: tags(&meta, &linked),
        standfirst: standfirst(page, &meta, &linked),
        publisher,
    }
}

/// `<meta>` values by key, in page order, `property` (RDFa, which Open Graph and Dublin Core
/// define) before `name` and `itemprop`. Keys are lower-cased with dots read as colons, so
/// `DC.title`, `dc.title` and `dc:title` are one key; a `property` may list several keys.
struct MetaTags {
    values: HashMap<String, Vec<String>>,
}

impl MetaTags {
    fn read(page: &Html) -> MetaTags {
        let mut values: HashMap<String, Vec<String>> = HashMap::new();
        let tags = select_all(page, "meta[content]");
        for attribute in ["property", "name", "itemprop"] {
            for element in &tags {
                let Some(keys) = element.attr(attribute) else {
                    continue;
                };
                let content = clean_text(element.attr("content").unwrap_or_default());
                if content.is_empty() {
                    continue;
                }
                for key in keys.split_whitespace() {
                    values
                        .entry(meta_key(key))
                        .or_default()
                        .push(content.clone());
                }
            }
        }
        MetaTags { values }
    }

    /// The first value under any of `keys`, tried in order.
    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|key| self.values.get(*key)?.first().cloned())
    }

    /// Every value under `key`.
    fn all(&self, key: &str) -> &[String] {
        self.values.get(key).map_or(&[], Vec::as_slice)
    }
}

/// A `<meta>` key, lower-cased, dots read as colons.
fn meta_key(key: &str) -> String {
    key.trim().to_ascii_lowercase().replace('.', ":")
}

fn title(
    page: &Html,
    meta: &MetaTags,
    linked: &LinkedData,
    publisher: Option<&str>,
    headings: &[String],
) -> Option<String> {
    let document_title = select_all(page, "title")
        .first()
        .map(|element| clean_text(&element.text().collect::<String>()))
        .filter(|title| !title.is_empty());
    let declared = linked_title(linked, document_title.as_deref(), publisher).or_else(|| {
        meta.first(&[
            "dc:title",
            "dcterm:title",
            "dcterms:title",
            "og:title",
            "twitter:title",
            "title",
            "parsely-title",
        ])
    });
    declared
        .or(document_title)
        .map(|title| strip_site_name(&title, publisher, headings))
        .or_else(|| {
            select_all(page, "h1")
                .first()
                .map(|h1| clean_text(&h1.text().collect::<String>()))
        })
        .filter(|title| !title.is_empty())
}

/// The JSON-LD title: when `headline` and `name` differ (pages put the site's name, or a short
/// description, in one of them), the name if `<title>` contains it but not the headline and
/// it is not the publisher's name; else the headline.
fn linked_title(
    linked: &LinkedData,
    document_title: Option<&str>,
    publisher: Option<&str>,
) -> Option<String> {
    match (&linked.headline, &linked.name) {
        (Some(headline), Some(name)) if fold(headline) != fold(name) => {
            let page_title = fold(document_title.unwrap_or_default());
            let is_publisher = publisher.is_some_and(|p| fold(p).contains(&fold(name)));
            if !is_publisher
                && !page_title.contains(&fold(headline))
                && page_title.contains(&fold(name))
            {
                Some(name.clone())
            } else {
                Some(headline.clone())
            }
        }
        (headline, name) => headline.clone().or_else(|| name.clone()),
    }
}

/// Strips a site name from a title written as "Headline | Site", "Site - Headline" or
/// "Headline - Section - Site": the part matching one of the article's headings wins; else
/// segments equal to the publisher go; else short (site-name-sized) segments at either end go
/// while a longer headline remains.
pub fn strip_site_name(title: &str, publisher: Option<&str>, headings: &[String]) -> String {
    let wanted = fold(title);
    if let Some(heading) = headings.iter().find(|heading| {
        let heading = fold(heading);
        !heading.is_empty() && (heading == wanted || is_segment_run(&wanted, &heading))
    }) {
        return heading.clone();
    }
    let Some(separator) = TITLE_SEPARATORS.iter().find(|sep| title.contains(**sep)) else {
        return title.to_owned();
    };
    let mut segments: Vec<&str> = title.split(separator).map(str::trim).collect();
    if let Some(publisher) = publisher.map(fold).filter(|p| !p.is_empty()) {
        let is_publisher = |segment: &str| {
            let segment = fold(segment);
            segment == publisher || publisher.contains(&segment) && segment.len() > 2
        };
        while segments.len() > 1 && segments.last().is_some_and(|s| is_publisher(s)) {
            segments.pop();
        }
        while segments.len() > 1 && segments.first().is_some_and(|s| is_publisher(s)) {
            segments.remove(0);
        }
    }
    loop {
        let words = |segment: &str| segment.split_whitespace().count();
        let rest = |skip_first: bool| -> usize {
            let range = if skip_first {
                1..segments.len()
            } else {
                0..segments.len() - 1
            };
            segments[range].iter().map(|s| words(s)).sum()
        };
        if segments.len() < 2 {
            break;
        }
        let last = words(segments[segments.len() - 1]);
        let first = words(segments[0]);
        if last <= MAX_SITE_NAME_WORDS && rest(false) > last && rest(false) >= 3 {
            segments.pop();
        } else if first <= MAX_SITE_NAME_WORDS && rest(true) > first && rest(true) >= 3 {
            segments.remove(0);
        } else {
            break;
        }
    }
    segments.join(separator)
}

/// Whether `part` is a whole run of separator-delimited segments of `title` (both folded).
fn is_segment_run(title: &str, part: &str) -> bool {
    TITLE_SEPARATORS.iter().any(|separator| {
        title.starts_with(&format!("{part}{separator}"))
            || title.ends_with(&format!("{separator}{part}"))
            || title.contains(&format!("{separator}{part}{separator}"))
    })
}

/// Lower-cases, unifies curly quotes and collapses white space, for comparisons.
fn fold(text: &str) -> String {
    collapse_whitespace(text)
        .chars()
        .map(|c| match c {
            '‘' | '’' => '\'',
            '“' | '”' => '"',
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
}

fn author(
    page: &Html,
    meta: &MetaTags,
    linked: &LinkedData,
    container: Option<ElementRef>,
) -> Option<String> {
    let mut sources: Vec<Vec<String>> = vec![linked.authors.clone()];
    for key in [
        "dc:creator",
        "dcterm:creator",
        "dcterms:creator",
        "author",
        "article:author",
        "og:article:author",
        "parsely-author",
    ] {
        sources.push(meta.all(key).to_vec());
    }
    // Elements can belong to teasers of other articles: those inside the article come first,
    // and only the first that gives a name is used.
    let elements = [
        in_article_first(
            select_all(page, "[itemprop~=author]")
                .into_iter()
                .filter(|element| element.value().name() != "meta")
                .collect(),
            container,
        )
        .into_iter()
        .map(microdata_name)
        .collect::<Vec<_>>(),
        in_article_first(select_all(page, "a[rel~=author]"), container)
            .into_iter()
            .map(element_text)
            .collect(),
        in_article_first(byline_elements(page), container)
            .into_iter()
            .map(element_text)
            .collect(),
        in_article_first(by_lines(page), container)
            .into_iter()
            .map(element_text)
            .collect(),
    ];
    sources.extend(elements.into_iter().map(|texts| {
        texts
            .iter()
            .filter_map(|text| clean_byline(text))
            .find(|name| looks_capitalised(name))
            .into_iter()
            .collect()
    }));
    sources.into_iter().find_map(|candidates| {
        let mut names: Vec<String> = Vec::new();
        for name in candidates.iter().filter_map(|c| clean_byline(c)) {
            if !names.iter().any(|known| fold(known) == fold(&name)) {
                names.push(name);
            }
        }
        (!names.is_empty()).then(|| names.join(", "))
    })
}

/// Puts the elements inside the article's container before the others, keeping page order.
fn in_article_first<'a>(
    elements: Vec<ElementRef<'a>>,
    container: Option<ElementRef>,
) -> Vec<ElementRef<'a>> {
    let Some(container) = container else {
        return elements;
    };
    let (inside, outside): (Vec<_>, Vec<_>) = elements.into_iter().partition(|element| {
        element.id() == container.id() || element.ancestors().any(|a| a.id() == container.id())
    });
    inside.into_iter().chain(outside).collect()
}

/// The name in a microdata `author` element: its `itemprop=name` part, its `content`, or its
/// text.
fn microdata_name(element: ElementRef) -> String {
    let name = Selector::parse("[itemprop~=name]").expect("valid selector");
    element
        .select(&name)
        .next()
        .map(|name| {
            name.attr("content")
                .map_or_else(|| element_text(name), clean_text)
        })
        .or_else(|| element.attr("content").map(clean_text))
        .unwrap_or_else(|| element_text(element))
}

/// Elements of the page whose `class`/`id` holds one of `words`, in document order.
fn elements_marked<'a>(
    page: &'a Html,
    words: &'a [&str],
) -> impl Iterator<Item = ElementRef<'a>> + 'a {
    page.root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(move |element| {
            class_words(*element)
                .iter()
                .any(|word| words.contains(&word.as_str()))
        })
}

/// Elements whose `class`/`id` marks them as the byline.
fn byline_elements(page: &Html) -> Vec<ElementRef<'_>> {
    elements_marked(page, BYLINE_WORDS).collect()
}

/// Short lines of the page that read "By Jane Doe": elements whose text opens with "By".
/// Only elements whose first text starts so are read in full, keeping this linear.
fn by_lines(page: &Html) -> Vec<ElementRef<'_>> {
    page.root_element()
        .descendants()
        .filter(|node| {
            node.value()
                .as_text()
                .is_some_and(|text| opens_with_by(text))
        })
        .filter_map(|node| node.parent().and_then(ElementRef::wrap))
        .filter(|element| {
            matches!(element.value().name(), "p" | "div" | "span" | "li")
                && element
                    .text()
                    .find(|text| !text.trim().is_empty())
                    .is_some_and(opens_with_by)
        })
        .collect()
}

/// Whether text opens with the word "by" ("By Jane", "by: Jane", "BY\nJane").
fn opens_with_by(text: &str) -> bool {
    let mut chars = text.trim_start().chars();
    matches!(chars.next(), Some('b' | 'B'))
        && matches!(chars.next(), Some('y' | 'Y'))
        && chars.next().is_some_and(|c| c.is_whitespace() || c == ':')
}

/// Turns a byline ("By Jane Doe | March 3, 2024", "Written by X and Y") into the author's
/// name(s); `None` when it is not a name (a URL, a long sentence, a date).
pub fn clean_byline(byline: &str) -> Option<String> {
    let mut text = collapse_whitespace(byline);
    if text.contains("://") || text.starts_with("www.") || text.contains('@') {
        return None;
    }
    for cut in [
        " | ",
        " • ",
        " · ",
        " — ",
        " – ",
        " - ",
        " on ",
        " updated ",
        " Updated ",
    ] {
        if let Some(at) = text.find(cut) {
            text.truncate(at);
        }
    }
    let lower = text.to_lowercase();
    for prefix in [
        "written by",
        "posted by",
        "words by",
        "by:",
        "by",
        "author:",
    ] {
        if lower.starts_with(prefix)
            && text[prefix.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            text = text[prefix.len()..].to_owned();
            break;
        }
    }
    let name = text
        .trim_matches(|c: char| c.is_whitespace() || ",;:|".contains(c))
        .to_owned();
    let words = name.split_whitespace().count();
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let digits = name.chars().filter(|c| c.is_ascii_digit()).count();
    (words > 0
        && words <= MAX_NAME_WORDS
        && letters > digits * 2
        && letters >= 2
        && !name.contains(':')
        && name
            .split_whitespace()
            .any(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 2))
    .then_some(name)
}

/// Lower-case words allowed inside names ("Ann and Bo", "Ludwig van Beethoven").
const NAME_PARTICLES: &[&str] = &[
    "and", "de", "del", "der", "di", "da", "du", "la", "le", "van", "von", "y", "et", "und", "bin",
    "al", "of", "to", "the",
];

/// Whether most words of a name are capitalised, as names are (scripts without case pass):
/// "About the author" or a headline fragment in a byline element is not a name. (Names
/// declared in meta tags or JSON-LD are trusted as written.)
fn looks_capitalised(name: &str) -> bool {
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty() && !NAME_PARTICLES.contains(&word.to_lowercase().as_str()))
        .collect();
    let cased: Vec<char> = words
        .iter()
        .filter_map(|word| word.chars().next())
        .filter(|c| c.is_lowercase() || c.is_uppercase())
        .collect();
    let upper = cased.iter().filter(|c| c.is_uppercase()).count();
    cased.is_empty() || upper * 3 >= cased.len() * 2
}

fn date(page: &Html, meta: &MetaTags, linked: &LinkedData) -> Option<String> {
    let mut candidates: Vec<String> = Vec::new();
    candidates.extend(meta.first(&["article:published_time"]));
    candidates.extend(linked.date_published.clone());
    candidates.extend(meta.first(&[
        "datepublished",
        "dc:date:issued",
        "dcterms:issued",
        "dc:date",
        "dcterms:date",
        "dcterms:created",
        "parsely-pub-date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publication_date",
        "date",
        "og:published_time",
    ]));
    for element in select_all(
        page,
        "[itemprop~=datePublished], time[pubdate], time[datetime]",
    ) {
        candidates.extend(
            element
                .attr("datetime")
                .or(element.attr("content"))
                .map(str::to_owned),
        );
        candidates.push(element_text(element));
    }
    candidates
        .iter()
        .find_map(|candidate| to_iso_date(candidate).or_else(|| parse_date(candidate)))
}

/// The `YYYY-MM-DD` date at the start of a machine-written ISO 8601 timestamp (dates written
/// for people, such as "Feb. 17, 2026", go to [`parse_date`]).
fn to_iso_date(text: &str) -> Option<String> {
    let head = text.trim().get(..10)?;
    let bytes = head.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    (digits(0..4) && bytes[4] == b'-' && digits(5..7) && bytes[7] == b'-' && digits(8..10))
        .then(|| head.to_owned())
}

fn publisher(meta: &MetaTags, linked: &LinkedData) -> Option<String> {
    meta.first(&["og:site_name"])
        .or_else(|| linked.publisher.clone())
        .or_else(|| meta.first(&["application-name", "dc:publisher", "dcterms:publisher"]))
        .filter(|name| !name.contains("://"))
}

fn tags(meta: &MetaTags, linked: &LinkedData) -> Vec<String> {
    let split = |values: &[String]| -> Vec<String> {
        values
            .iter()
            .flat_map(|value| value.split([',', ';']))
            .map(clean_text)
            .filter(|tag| !tag.is_empty())
            .collect()
    };
    let mut found = split(meta.all("article:tag"));
    if found.is_empty() {
        found = linked.keywords.clone();
    }
    if found.is_empty() {
        found = split(meta.all("keywords"));
    }
    if found.is_empty() {
        found = split(meta.all("news_keywords"));
    }
    let mut unique: Vec<String> = Vec::new();
    for tag in found {
        if !unique.iter().any(|known| fold(known) == fold(&tag)) {
            unique.push(tag);
        }
    }
    unique
}

fn standfirst(page: &Html, meta: &MetaTags, linked: &LinkedData) -> Option<String> {
    meta.first(&["og:description", "twitter:description"])
        .or_else(|| linked.description.clone())
        .or_else(|| meta.first(&["description", "dc:description", "dcterms:description"]))
        .or_else(|| {
            elements_marked(page, STANDFIRST_WORDS)
                .map(element_text)
                .find(|text| text.split_whitespace().count() >= 4)
        })
}

/// An element's text, cleaned.
fn element_text(element: ElementRef) -> String {
    clean_text(&element.text().collect::<String>())
}

fn select_all<'a>(page: &'a Html, selector: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(selector).expect("selectors in this module are valid");
    page.select(&selector).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> Metadata {
        extract(&Html::parse_document(html), ArticleHints::default())
    }

    #[test]
    fn site_names_are_stripped_from_document_titles() {
        // <title> usually ends (or starts) with the site's name, which is not the headline.
        let strip = |title: &str| strip_site_name(title, None, &[]);
        assert_eq!(
            strip("Rates rise again in March | The Ledger"),
            "Rates rise again in March"
        );
        assert_eq!(strip("Daily Post - Why cities flood"), "Why cities flood");
        assert_eq!(
            strip("Why cities flood - Opinion - Daily Post"),
            "Why cities flood"
        );
        // A plain hyphenated title is left alone, and so is one with no longer part.
        assert_eq!(strip("A well-known fact"), "A well-known fact");
        assert_eq!(strip("Home | Site"), "Home | Site");
    }

    #[test]
    fn the_publisher_and_the_article_heading_guide_title_stripping() {
        // When the site's name is known it is removed even if it is long; when the article's
        // own heading is one side of the separator, that side is the headline.
        assert_eq!(
            strip_site_name(
                "Short take | The Very Long Name Of A Paper",
                Some("The Very Long Name of a Paper"),
                &[]
            ),
            "Short take"
        );
        assert_eq!(
            strip_site_name("Tides - Encyclopaedia", None, &["Tides".to_owned()]),
            "Tides"
        );
    }

    #[test]
    fn declared_titles_win_over_the_document_title() {
        // og:title and JSON-LD headline are written for sharing and are the cleanest headline.
        let found = meta_of(
            r#"<title>Something else | Site</title><meta property="og:title" content="Real headline &amp;amp; more">"#,
        );
        assert_eq!(found.title.as_deref(), Some("Real headline & more"));
    }

    #[test]
    fn author_urls_are_rejected_for_names() {
        // article:author is often a profile URL; a URL is not a name, so the next source is
        // used.
        let found = meta_of(
            r#"<meta property="article:author" content="https://social.example/jdoe">
            <body><span class="byline">By Jane Doe | March 3, 2024</span></body>"#,
        );
        assert_eq!(found.author.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn json_ld_name_is_used_when_the_headline_is_a_description() {
        // Some pages put a one-line description in JSON-LD `headline` and the title in
        // `name`; <title> tells which is the title. The site's own name never is.
        let page = |title: &str, name: &str| {
            meta_of(&format!(
                r#"<title>{title}</title><meta property="og:site_name" content="Site Org">
                <script type="application/ld+json">{{"@type":"Article","name":"{name}",
                "headline":"square matrix equal to its own transpose"}}</script>"#
            ))
            .title
        };
        assert_eq!(
            page("Symmetric matrix - Encyclopaedia", "Symmetric matrix").as_deref(),
            Some("Symmetric matrix")
        );
        assert_eq!(
            page("Site Org", "Site Org").as_deref(),
            Some("square matrix equal to its own transpose")
        );
    }

    #[test]
    fn dublin_core_keys_match_in_any_spelling_and_property_lists() {
        // DC.title, dc.title and dc:title are the same key; `property` may hold several keys.
        let found = meta_of(
            r#"<meta name="author" content="Not This"><meta property="x:y dc:creator" content="Rae Moss">
            <meta name="DC.title" content="Dublin title"><meta property="og:title" content="OG title">"#,
        );
        assert_eq!(found.author.as_deref(), Some("Rae Moss"));
        assert_eq!(found.title.as_deref(), Some("Dublin title"));
    }

    #[test]
    fn byline_elements_inside_the_article_win_and_must_look_like_names() {
        // Teasers of other stories carry their own bylines; an "About the author" heading
        // carries the byline class but is not a name.
        let html = Html::parse_document(
            r#"<body><div class="teaser"><span class="byline">By Other Person</span></div>
            <article><h3 class="author-title">About the author</h3>
            <span class="byline">By Mia Chen</span><p>Text.</p></article></body>"#,
        );
        let article = html
            .select(&Selector::parse("article").unwrap())
            .next()
            .unwrap();
        let hints = ArticleHints {
            container: Some(article),
            headings: &[],
        };
        assert_eq!(extract(&html, hints).author.as_deref(), Some("Mia Chen"));
    }

    #[test]
    fn bylines_are_cleaned_into_names() {
        // Bylines carry a "By" prefix, dates and roles that are not part of the name.
        assert_eq!(clean_byline("By  Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(
            clean_byline("Written by Ann Lee and Bo Kim - Updated 3pm").as_deref(),
            Some("Ann Lee and Bo Kim")
        );
        assert_eq!(clean_byline("Byron Small").as_deref(), Some("Byron Small"));
        assert_eq!(clean_byline("https://example.org/me"), None);
        assert_eq!(clean_byline("12/03/2024"), None);
        assert_eq!(
            clean_byline(&"word ".repeat(30)),
            None,
            "a paragraph is not a name"
        );
    }

    #[test]
    fn microdata_and_by_lines_give_authors() {
        // Pages without meta tags still mark the author in microdata or print "By X".
        let microdata = meta_of(
            r#"<body><div itemprop="author" itemscope><span itemprop="name">Kim Li</span>
            <span>Staff writer</span></div></body>"#,
        );
        assert_eq!(microdata.author.as_deref(), Some("Kim Li"));
        let by_line = meta_of("<body><p>By Omar Haddad</p><p>Text of the article.</p></body>");
        assert_eq!(by_line.author.as_deref(), Some("Omar Haddad"));
    }

    #[test]
    fn dates_come_from_meta_json_ld_or_time_elements() {
        // Publication dates live in different places on different pages; all are reduced to
        // an ISO date.
        let from_meta =
            meta_of(r#"<meta property="article:published_time" content="2023-06-07T20:54:26Z">"#);
        assert_eq!(from_meta.date.as_deref(), Some("2023-06-07"));
        let from_time = meta_of(r#"<body><time datetime="2019-04-28T06:01">Sun</time></body>"#);
        assert_eq!(from_time.date.as_deref(), Some("2019-04-28"));
        let from_text =
            meta_of(r#"<body><span itemprop="datePublished">March 3, 2024</span></body>"#);
        assert_eq!(from_text.date.as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn publisher_tags_and_standfirst_are_read_from_meta() {
        // Open Graph names the site; article:tag lists topics; the description is the
        // standfirst the site wrote for sharing.
        let found = meta_of(
            r#"<meta property="og:site_name" content="The Ledger">
            <meta property="article:tag" content="Trade"><meta property="article:tag" content="Tariffs">
            <meta name="keywords" content="ignored, when, tags, exist">
            <meta name="description" content="A  short summary.">"#,
        );
        assert_eq!(found.publisher.as_deref(), Some("The Ledger"));
        assert_eq!(found.tags, ["Trade", "Tariffs"]);
        assert_eq!(found.standfirst.as_deref(), Some("A short summary."));
        let keywords = meta_of(r#"<meta name="keywords" content="a, b; a , c">"#);
        assert_eq!(keywords.tags, ["a", "b", "c"]);
    }

    #[test]
    fn standfirst_falls_back_to_a_dek_element() {
        // Without a description tag, the dek printed under the headline is the standfirst.
        let found = meta_of(
            r#"<body><h1>T</h1><p class="article-dek">The short version of the story here.</p></body>"#,
        );
        assert_eq!(
            found.standfirst.as_deref(),
            Some("The short version of the story here.")
        );
    }
}
