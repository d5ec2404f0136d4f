//! Keeps the hand labels of `sample-articles/` honest: every labels file parses, every labelled
//! passage occurs verbatim in what a reader sees of its article, and every article is long and
//! rich enough (quotes, recommendations, claims, scare quotes) to judge ingest and the outline.

mod common;

use std::path::Path;

use common::{Labels, matches, sample_articles};

/// Entities the HTML sample uses, with the characters they stand for.
const ENTITIES: [(&str, &str); 7] = [
    ("&amp;", "&"),
    ("&rsquo;", "’"),
    ("&lsquo;", "‘"),
    ("&ldquo;", "“"),
    ("&rdquo;", "”"),
    ("&mdash;", "—"),
    ("&nbsp;", " "),
];

/// What a reader sees of an article, with white space collapsed: for HTML the `<article>`
/// element without tags, for Markdown the text without markup, plain text as it is.
fn visible_text(path: &Path) -> String {
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = match path.extension().and_then(|e| e.to_str()) {
        Some("html") => html_article_text(&raw),
        Some("md") => raw
            .lines()
            .map(markdown_line_text)
            .collect::<Vec<_>>()
            .join("\n"),
        _ => raw,
    };
    collapse(&text)
}

/// The text inside `<article>…</article>`, tags stripped and entities decoded.
fn html_article_text(html: &str) -> String {
    let start = html
        .find("<article")
        .expect("the HTML sample has an <article>");
    let end = html
        .find("</article>")
        .expect("the HTML sample closes its <article>");
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    ENTITIES.iter().fold(text, |text, (entity, decoded)| {
        text.replace(entity, decoded)
    })
}

/// One Markdown line without its block marker (`#`, `>`, `- `), emphasis stars and link targets.
fn markdown_line_text(line: &str) -> String {
    let line = line
        .trim_start_matches('#')
        .trim_start_matches('>')
        .trim_start();
    let line = line.strip_prefix("- ").unwrap_or(line);
    link_texts(line).replace('*', "")
}

/// Replaces every `[text](target)` with `text`.
fn link_texts(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|i| open + i) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|i| close + i) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Collapses every run of white space to one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every labelled passage of one file, each named by where it comes from.
fn labelled_passages(labels: &Labels) -> Vec<(String, &str)> {
    let mut passages: Vec<(String, &str)> = Vec::new();
    let meta = &labels.metadata;
    for (name, field) in [
        ("title", &meta.title),
        ("author", &meta.author),
        ("standfirst", &meta.standfirst),
    ] {
        passages.extend(field.as_deref().map(|text| (name.to_owned(), text)));
    }
    let lists = [
        ("ignore", &labels.ignore),
        ("not_quote", &labels.not_quote),
        ("boilerplate", &meta.boilerplate),
    ];
    for (name, list) in lists {
        passages.extend(list.iter().map(|text| (name.to_owned(), text.as_str())));
    }
    let items = [
        ("quote", &labels.quote),
        ("recommendation", &labels.recommendation),
        ("claim", &labels.claim),
    ];
    for (name, list) in items {
        passages.extend(
            list.iter()
                .map(|item| (name.to_owned(), item.text.as_str())),
        );
    }
    passages
}

/// What is wrong with one article and its labels; empty when all is well.
fn problems(article: &Path, labels: &Labels) -> Vec<String> {
    let text = visible_text(article);
    let mut found = Vec::new();
    let words = text.split_whitespace().count();
    if !(600..=2000).contains(&words) {
        found.push(format!("{words} words, wanted 600–2,000"));
    }
    for (kind, passage) in labelled_passages(labels) {
        if passage.trim().is_empty() || !text.contains(&collapse(passage)) {
            found.push(format!("{kind} not in the article: {passage:?}"));
        }
    }
    let items = labels
        .quote
        .iter()
        .chain(&labels.recommendation)
        .chain(&labels.claim);
    for item in items {
        // The scorer drops every outline item an `ignore` entry matches, so an entry that
        // matches a labelled item would hide it.
        for ignored in labels.ignore.iter().filter(|x| matches(x, &item.text)) {
            found.push(format!(
                "ignore {ignored:?} hides the label {:?}",
                item.text
            ));
        }
    }
    for quote in &labels.quote {
        if quote.speaker.as_deref().is_none_or(|s| s.trim().is_empty()) {
            found.push(format!("quote without a speaker: {:?}", quote.text));
        }
    }
    let counts = [
        ("quote", labels.quote.len(), 4..=10),
        ("recommendation", labels.recommendation.len(), 4..=8),
        ("claim", labels.claim.len(), 6..=14),
        ("not_quote", labels.not_quote.len(), 1..=usize::MAX),
    ];
    for (kind, count, wanted) in counts {
        if !wanted.contains(&count) {
            found.push(format!("{count} {kind} labels, wanted {wanted:?}"));
        }
    }
    match labels.metadata.date.as_deref() {
        Some(date) if date.len() == 10 && date.parse::<jiff::civil::Date>().is_ok() => {}
        date => found.push(format!("date {date:?} is not an ISO YYYY-MM-DD date")),
    }
    if labels.metadata.title.is_none() || labels.metadata.author.is_none() {
        found.push("every sample names its title and author".to_owned());
    }
    found
}

/// Every sample article is a usable fixture and its labels describe it truthfully.
#[test]
fn sample_labels_are_verbatim_and_complete() {
    let mut report = Vec::new();
    for (article, labels_path) in sample_articles() {
        let labels = Labels::load(&labels_path);
        for problem in problems(&article, &labels) {
            report.push(format!("{}: {problem}", article.display()));
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

/// The team keeps at least six labelled samples, one per genre the outline must handle.
#[test]
fn there_are_at_least_six_labelled_samples() {
    let count = sample_articles().len();
    assert!(
        count >= 6,
        "wanted at least 6 labelled samples, found {count}"
    );
}

/// The markup stripping this test relies on keeps the words a reader sees.
#[test]
fn markup_is_stripped_to_the_visible_words() {
    assert_eq!(
        markdown_line_text("> - See *the* [basin report](https://example.org/r)."),
        "See the basin report."
    );
    assert_eq!(
        collapse(&html_article_text(
            "<nav>Home</nav><article><h1>A &amp; B</h1>\n<p>It&rsquo;s <em>here</em>.</p></article>"
        )),
        "A & B It’s here."
    );
}
