//! HTML ingest against real saved web pages: Mozilla Readability's test pages in
//! `../shared/corpus/readability-pages`, each with the metadata Readability extracts.
//!
//! Every page must ingest without error and `margent info` must exit 0 on it. The test prints
//! how often margent agrees with Readability and asserts at least 90% on titles and 75% on
//! authors. How agreement is judged:
//! - **Title**: the two titles are equal after [`common::norm`] (case, quotes, dashes, white
//!   space, edge punctuation), or the shorter lies inside the longer and is long: at least
//!   three words, or 15 characters (scripts such as Japanese put no spaces between words).
//!   Readability sometimes keeps the site's name ("Headline | Site") where margent strips it,
//!   and the other way round; a long headline inside the other title is the same headline,
//!   while a one- or two-word fragment could match by accident. Pages where Readability found
//!   no title are left out.
//! - **Author**: over pages whose expected byline names someone (a byline that is only a date
//!   is left out), every name margent gives must appear inside the byline (normalised), so a
//!   wrong extra name fails the page.
//! - Publisher (equal after normalising) and date (same `YYYY-MM-DD`) are printed for
//!   information only.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::norm;
use margent::document::Metadata;
use serde::Deserialize;

/// What Readability extracted from a page.
#[derive(Debug, Deserialize)]
struct Expected {
    title: Option<String>,
    byline: Option<String>,
    #[serde(rename = "siteName")]
    site_name: Option<String>,
    #[serde(rename = "publishedTime")]
    published_time: Option<String>,
}

fn pages(shared: &Path) -> Vec<(PathBuf, Expected)> {
    let root = shared.join("corpus").join("readability-pages");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("the readability-pages folder is readable")
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.join("source.html").is_file())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|dir| {
            let json = std::fs::read_to_string(dir.join("expected-metadata.json"))
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
            let expected =
                serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
            (dir, expected)
        })
        .collect()
}

fn titles_agree(expected: &str, found: &str) -> bool {
    let (expected, found) = (norm(expected), norm(found));
    if expected == found {
        return true;
    }
    let (short, long) = if expected.len() <= found.len() {
        (&expected, &found)
    } else {
        (&found, &expected)
    };
    let long_enough = short.split_whitespace().count() >= 3 || short.chars().count() >= 15;
    long_enough && long.contains(short.as_str())
}

/// Whether a byline names someone rather than only giving a date.
fn names_someone(byline: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let first = norm(byline);
    let first = first.split_whitespace().next().unwrap_or("");
    !first.is_empty()
        && !first.starts_with(|c: char| c.is_ascii_digit())
        && !MONTHS.iter().any(|month| first.starts_with(month))
}

/// Folds a name or byline for containment checks: [`norm`] plus punctuation to spaces.
fn fold_name(text: &str) -> String {
    norm(text)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn author_agrees(byline: &str, found: &str) -> bool {
    let byline = fold_name(byline);
    let names: Vec<String> = found
        .split(", ")
        .flat_map(|name| name.split(" and "))
        .map(fold_name)
        .filter(|name| !name.is_empty())
        .collect();
    !names.is_empty() && names.iter().all(|name| byline.contains(name.as_str()))
}

/// Counts agreement on one field and remembers the misses.
#[derive(Default)]
struct Tally {
    agreed: usize,
    total: usize,
    misses: Vec<String>,
}

impl Tally {
    fn record(&mut self, page: &str, agreed: bool, expected: &str, found: Option<&str>) {
        self.total += 1;
        if agreed {
            self.agreed += 1;
        } else {
            self.misses
                .push(format!("  {page}: expected {expected:?}, found {found:?}"));
        }
    }

    fn rate(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.agreed as f64 / self.total as f64
        }
    }

    fn report(&self, field: &str) {
        println!(
            "{field}: {}/{} = {:.1}%",
            self.agreed,
            self.total,
            100.0 * self.rate()
        );
        for miss in &self.misses {
            println!("{miss}");
        }
    }
}

fn score(dir: &Path, expected: &Expected, found: &Metadata, tallies: &mut [Tally; 4]) {
    let page = dir.file_name().unwrap().to_string_lossy().into_owned();
    let [title, author, publisher, date] = tallies;
    if let Some(wanted) = expected.title.as_deref().filter(|t| !t.trim().is_empty()) {
        let got = found.title.as_deref();
        title.record(
            &page,
            got.is_some_and(|g| titles_agree(wanted, g)),
            wanted,
            got,
        );
    }
    if let Some(wanted) = expected.byline.as_deref().filter(|b| names_someone(b)) {
        let got = found.author.as_deref();
        author.record(
            &page,
            got.is_some_and(|g| author_agrees(wanted, g)),
            wanted,
            got,
        );
    }
    if let Some(wanted) = expected.site_name.as_deref() {
        let got = found.publisher.as_deref();
        publisher.record(
            &page,
            got.is_some_and(|g| norm(g) == norm(wanted)),
            wanted,
            got,
        );
    }
    if let Some(wanted) = expected.published_time.as_deref() {
        let got = found.date.as_deref();
        date.record(
            &page,
            got.is_some_and(|g| wanted.starts_with(g)),
            wanted,
            got,
        );
    }
}

#[test]
fn readability_pages_metadata_agrees_with_readability() {
    let Some(shared) = common::shared_dir("readability_pages") else {
        return;
    };
    let pages = pages(&shared);
    assert!(
        !pages.is_empty(),
        "no pages found under {}",
        shared.display()
    );
    let mut tallies: [Tally; 4] = Default::default();
    for (dir, expected) in &pages {
        let document = margent::ingest::load(&dir.join("source.html"))
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        assert!(
            !document.blocks.is_empty(),
            "{}: no article text found",
            dir.display()
        );
        score(dir, expected, &document.metadata, &mut tallies);
    }
    println!("{} pages", pages.len());
    let [title, author, publisher, date] = &tallies;
    title.report("title");
    author.report("author");
    publisher.report("publisher (information only)");
    date.report("date (information only)");
    assert!(title.rate() >= 0.90, "title agreement below 90%");
    assert!(author.rate() >= 0.75, "author agreement below 75%");
}

#[test]
fn margent_info_exits_zero_on_every_page() {
    let Some(shared) = common::shared_dir("margent_info_exits_zero_on_every_page") else {
        return;
    };
    for (dir, _) in pages(&shared) {
        let output = Command::new(env!("CARGO_BIN_EXE_margent"))
            .args(["info", "--format", "json"])
            .arg(dir.join("source.html"))
            .output()
            .expect("the margent binary runs");
        assert!(
            output.status.success(),
            "{}: exit {:?}: {}",
            dir.display(),
            output.status.code(),
            String::from_utf8_lossy(&output.stderr)
        );
        let report: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("info prints JSON");
        assert_eq!(report["format"], "html", "{}", dir.display());
    }
}

#[test]
fn comparison_rules_behave_as_documented() {
    assert!(titles_agree("Headline Of Note | Site", "Headline of note"));
    assert!(!titles_agree("Mozilla - Wikipedia", "Mozilla"));
    assert!(author_agrees("By\n\tScott Cunningham", "Scott Cunningham"));
    assert!(!author_agrees("Jane Doe", "Jane Doe, John Roe"));
    assert!(!names_someone("April 28, 2019 at 6:01 am"));
    assert!(names_someone("Written by Rob"));
}
