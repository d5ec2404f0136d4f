//! JSON-LD (`<script type="application/ld+json">`): the schema.org description of the article
//! that most news sites embed. Handles arrays, `@graph` and `@id` references.

use std::collections::HashMap;

use scraper::{Html, Selector};
use serde_json::Value;

use super::clean_text;

/// What the page's JSON-LD says about its article. Strings are cleaned (entities decoded,
/// white space collapsed).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct LinkedData {
    /// `headline` of the article node.
    pub headline: Option<String>,
    /// `name` of the article node (usually the headline again, sometimes not).
    pub name: Option<String>,
    /// Names of the `author` (persons or organisations).
    pub authors: Vec<String>,
    /// `datePublished`, as written.
    pub date_published: Option<String>,
    /// `publisher.name`.
    pub publisher: Option<String>,
    /// `keywords`, split at commas when given as one string.
    pub keywords: Vec<String>,
    /// `description`.
    pub description: Option<String>,
}

/// Reads every JSON-LD script of the page and describes its article node, if there is one.
pub fn extract(page: &Html) -> LinkedData {
    let selector = Selector::parse(r#"script[type="application/ld+json" i]"#)
        .expect("the JSON-LD selector is valid");
    let mut nodes = Vec::new();
    for script in page.select(&selector) {
        let raw: String = script.text().collect();
        if let Ok(value) = serde_json::from_str::<Value>(strip_wrapping(&raw)) {
            flatten(value, &mut nodes);
        }
    }
    describe(&nodes)
}

/// Removes the HTML comment or CDATA markers some pages wrap around the JSON, and a trailing
/// semicolon.
fn strip_wrapping(raw: &str) -> &str {
    let mut text = raw.trim();
    for prefix in ["<!--", "//<![CDATA[", "<![CDATA["] {
        text = text.strip_prefix(prefix).unwrap_or(text).trim();
    }
    for suffix in ["-->", "//]]>", "]]>"] {
        text = text.strip_suffix(suffix).unwrap_or(text).trim();
    }
    text.trim_end_matches(';')
}

/// Collects every object node: array elements, `@graph` members, and the objects themselves.
fn flatten(value: Value, nodes: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|item| flatten(item, nodes)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, nodes);
            }
            if map.contains_key("@type") {
                nodes.push(Value::Object(map));
            }
        }
        _ => {}
    }
}

/// Whether a node's `@type` (a string or a list) names an article or a blog post.
fn is_article(node: &Value) -> bool {
    let is_article_type = |t: &str| t.ends_with("Article") || t.ends_with("BlogPosting");
    match node.get("@type") {
        Some(Value::String(t)) => is_article_type(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(is_article_type),
        _ => false,
    }
}

fn describe(nodes: &[Value]) -> LinkedData {
    let by_id: HashMap<&str, &Value> = nodes
        .iter()
        .filter_map(|node| Some((node.get("@id")?.as_str()?, node)))
        .collect();
    let resolve = |value: &'_ Value| -> Value {
        value
            .get("@id")
            .and_then(Value::as_str)
            .filter(|_| value.get("name").is_none())
            .and_then(|id| by_id.get(id))
            .map_or_else(|| value.clone(), |&node| node.clone())
    };
    let Some(article) = nodes.iter().find(|node| is_article(node)) else {
        return LinkedData::default();
    };
    let string = |key: &str| article.get(key).and_then(text_of).filter(|s| !s.is_empty());
    LinkedData {
        headline: string("headline"),
        name: string("name"),
        authors: article
            .get("author")
            .map(|author| names(author, &resolve))
            .unwrap_or_default(),
        date_published: string("datePublished"),
        publisher: article
            .get("publisher")
            .map(|publisher| names(publisher, &resolve))
            .and_then(|names| names.into_iter().next()),
        keywords: article.get("keywords").map(keywords).unwrap_or_default(),
        description: string("description"),
    }
}

/// The text of a string value (or the first string of a list), cleaned.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(clean_text(s)),
        Value::Array(items) => items.iter().find_map(text_of),
        _ => None,
    }
}

/// Names in an `author`/`publisher` value: a string, an object with `name`, an `@id`
/// reference, or a list of these.
fn names(value: &Value, resolve: &dyn Fn(&Value) -> Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().flat_map(|item| names(item, resolve)).collect(),
        Value::Object(_) => resolve(value)
            .get("name")
            .and_then(text_of)
            .into_iter()
            .collect(),
        Value::String(s) => vec![clean_text(s)],
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|name| !name.is_empty())
    .collect()
}

/// `keywords` as a list or a comma-separated string.
fn keywords(value: &Value) -> Vec<String> {
    let parts: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(text_of).collect(),
        Value::String(s) => s.split(',').map(clean_text).collect(),
        _ => Vec::new(),
    };
    parts.into_iter().filter(|k| !k.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> LinkedData {
        extract(&Html::parse_document(&format!(
            r#"<head><script type="application/ld+json">{json}</script></head>"#
        )))
    }

    #[test]
    fn graph_nodes_and_id_references_are_followed() {
        // Yoast-style pages put the article, the people and the organisation in one @graph
        // and link them by @id; the author and publisher names live in the other nodes.
        let data = read(
            r##"{"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","@id":"#page","name":"Page name"},
              {"@type":"NewsArticle","headline":"The headline","datePublished":"2024-03-05T10:00:00Z",
               "author":[{"@id":"#p1"},{"@type":"Person","name":"Ann Other"}],
               "publisher":{"@id":"#org"},"keywords":"alpha, beta"},
              {"@type":"Person","@id":"#p1","name":"Jo Writer"},
              {"@type":"Organization","@id":"#org","name":"The Daily Example"}]}"##,
        );
        assert_eq!(data.headline.as_deref(), Some("The headline"));
        assert_eq!(data.authors, ["Jo Writer", "Ann Other"]);
        assert_eq!(data.publisher.as_deref(), Some("The Daily Example"));
        assert_eq!(data.date_published.as_deref(), Some("2024-03-05T10:00:00Z"));
        assert_eq!(data.keywords, ["alpha", "beta"]);
    }

    #[test]
    fn top_level_arrays_and_type_lists_are_read() {
        // Some pages emit a list of nodes, and @type may itself be a list.
        let data = read(
            r#"[{"@type":"BreadcrumbList"},{"@type":["BlogPosting","Thing"],"name":"Post",
               "author":"Sam Poe","keywords":["x","y"],"description":"A &amp; B"}]"#,
        );
        assert_eq!(data.name.as_deref(), Some("Post"));
        assert_eq!(data.authors, ["Sam Poe"]);
        assert_eq!(data.keywords, ["x", "y"]);
        assert_eq!(data.description.as_deref(), Some("A & B"));
    }

    #[test]
    fn broken_or_non_article_json_yields_nothing() {
        // Invalid JSON-LD is common and must not stop the page being read; a page with only
        // an Organization node says nothing about its article.
        assert_eq!(read("{not json"), LinkedData::default());
        assert_eq!(
            read(r#"{"@type":"Organization","name":"Org"}"#),
            LinkedData::default()
        );
        let wrapped = read(r#"<!-- {"@type":"Article","headline":"H"} -->"#);
        assert_eq!(wrapped.headline.as_deref(), Some("H"));
    }
}
