//! Helpers shared by the integration tests: where the fixtures are, the hand-label format, and
//! a scorer that judges an outline against labels the way `../shared/eval/score_outline.py`
//! does.
// Each test binary uses only part of this module.
#![allow(dead_code)]

pub mod annotating;
pub mod controls;
pub mod export_fixture;
pub mod ingest_check;
pub mod pty;
pub mod reader;

use std::path::{Path, PathBuf};

use margent::document::{Document, Metadata};
use margent::outline::{ItemKind, Outline};
use serde::Deserialize;

/// The crate's root folder.
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The team's own sample articles.
pub fn samples_dir() -> PathBuf {
    crate_dir().join("sample-articles")
}

/// `../shared` beside the checkout, when present. Prints why a test is skipped when absent.
pub fn shared_dir(test: &str) -> Option<PathBuf> {
    let dir = crate_dir().join("..").join("shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipping {test}: {} is absent (it ships only with the team's workspace)",
            dir.display()
        );
        None
    }
}

/// Every sample article with its labels file: `(article, labels)` pairs, sorted by name.
pub fn sample_articles() -> Vec<(PathBuf, PathBuf)> {
    let mut pairs: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(samples_dir())
        .expect("sample-articles/ exists")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_name()?.to_str()?.to_owned();
            if name.ends_with(".labels.toml") || !path.is_file() {
                return None;
            }
            let stem = path.file_stem()?.to_str()?.to_owned();
            let labels = path.with_file_name(format!("{stem}.labels.toml"));
            labels.is_file().then_some((path, labels))
        })
        .collect();
    pairs.sort();
    pairs
}

/// A labelled sample article as ingest reads it.
pub struct IngestedSample {
    /// The article's file name.
    pub name: String,
    /// The document ingest made of the article.
    pub document: Document,
    /// The article's hand labels.
    pub labels: Labels,
}

/// Every labelled sample article, loaded through `ingest::load`, in name order. Fails when
/// `sample-articles/` holds no labelled article or an article does not load. Articles whose
/// format's front-end is not wired into `ingest::parse` yet are read as plain text with their
/// markup, so they are skipped with a printed line; their checks start counting once it is.
pub fn ingested_samples() -> impl Iterator<Item = IngestedSample> {
    let samples = sample_articles();
    assert!(
        !samples.is_empty(),
        "sample-articles/ holds labelled articles"
    );
    samples.into_iter().filter_map(|(article, labels_path)| {
        let name = article.file_name().unwrap().to_string_lossy().into_owned();
        let document = margent::ingest::load(&article)
            .unwrap_or_else(|error| panic!("{name}: does not load: {error}"));
        let expected = margent::ingest::detect_format(&article, &document.text);
        if document.format != expected {
            println!(
                "{name}: skipped, the {} front-end is not wired in yet",
                expected.name()
            );
            return None;
        }
        let labels = Labels::load(&labels_path);
        Some(IngestedSample {
            name,
            document,
            labels,
        })
    })
}

/// A hand-labels file (`*.labels.toml`).
#[derive(Debug, Default, Deserialize)]
pub struct Labels {
    /// Borderline passages: items matching them count neither way.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Scare quotes and titles that must not be listed as quotes.
    #[serde(default)]
    pub not_quote: Vec<String>,
    /// Expected metadata and boilerplate.
    #[serde(default)]
    pub metadata: LabelMetadata,
    /// Expected quotes.
    #[serde(default)]
    pub quote: Vec<LabelItem>,
    /// Expected recommendations.
    #[serde(default)]
    pub recommendation: Vec<LabelItem>,
    /// Expected claims.
    #[serde(default)]
    pub claim: Vec<LabelItem>,
}

/// The `[metadata]` table of a labels file.
#[derive(Debug, Default, Deserialize)]
pub struct LabelMetadata {
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub publisher: Option<String>,
    pub tags: Option<Vec<String>>,
    pub standfirst: Option<String>,
    #[serde(default)]
    pub boilerplate: Vec<String>,
}

/// One labelled outline item.
#[derive(Debug, Clone, Deserialize)]
pub struct LabelItem {
    pub text: String,
    pub speaker: Option<String>,
    pub actor: Option<String>,
}

impl Labels {
    /// Reads a labels file, panicking with the file name if it does not parse.
    pub fn load(path: &Path) -> Labels {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// The labelled items of one kind.
    pub fn items(&self, kind: ItemKind) -> &[LabelItem] {
        match kind {
            ItemKind::Quote => &self.quote,
            ItemKind::Recommendation => &self.recommendation,
            ItemKind::Claim => &self.claim,
        }
    }
}

/// Folds case, curly quotes, dashes, white space and edge punctuation, like the Python scorer.
pub fn norm(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| match c {
            '“' | '”' | '„' => '"',
            '‘' | '’' => '\'',
            '—' | '–' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    let collapsed = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .trim_matches(|c: char| " \t\n\"'.,;:!?-()[]".contains(c))
        .to_owned()
}

/// Whether an item's text matches a label: the label lies inside the item, or the item lies
/// inside the label and covers at least 60% of it.
pub fn matches(label: &str, item: &str) -> bool {
    let (label, item) = (norm(label), norm(item));
    if label.is_empty() || item.is_empty() {
        return false;
    }
    item.contains(&label)
        || label.contains(&item)
            && item.chars().count() as f64 >= 0.6 * label.chars().count() as f64
}

/// The last word of a name, ignoring a parenthesised suffix.
pub fn surname(name: &str) -> String {
    let mut without_parens = String::new();
    let mut depth = 0;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            c if depth == 0 => without_parens.push(c),
            _ => {}
        }
    }
    norm(&without_parens)
        .split(|c: char| c.is_whitespace() || c == '.')
        .rfind(|part| !part.is_empty())
        .unwrap_or("")
        .to_owned()
}

/// Precision, recall and F1 for one kind of item.
#[derive(Debug, Clone, Copy)]
pub struct KindScore {
    pub items: usize,
    pub labels: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// The scorer's verdict on one outline.
#[derive(Debug)]
pub struct OutlineScore {
    pub quote: KindScore,
    pub recommendation: KindScore,
    pub claim: KindScore,
    /// Fraction of labelled quotes whose matched item names the right speaker.
    pub speaker: f64,
    /// Scare quotes listed as quotes.
    pub scare: usize,
    /// Items containing a boilerplate passage.
    pub leaks: usize,
    /// Labelled items no outline item matched, as `kind: text`.
    pub missed: Vec<String>,
    /// Outline items that matched no label, as `kind: text`.
    pub extra: Vec<String>,
}

impl OutlineScore {
    /// One line with every figure, for test output.
    pub fn summary(&self) -> String {
        format!(
            "quote_f1={:.2} recommendation_f1={:.2} claim_f1={:.2} speaker={:.2} scare={} leaks={}",
            self.quote.f1,
            self.recommendation.f1,
            self.claim.f1,
            self.speaker,
            self.scare,
            self.leaks
        )
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Scores `outline` against `labels`, like `score_outline.py`.
pub fn score_outline(labels: &Labels, outline: &Outline) -> OutlineScore {
    let items: Vec<_> = outline
        .items
        .iter()
        .filter(|item| !labels.ignore.iter().any(|x| matches(x, &item.text)))
        .collect();
    let mut missed = Vec::new();
    let mut extra = Vec::new();
    let mut kind_score = |kind: ItemKind| {
        let gold = labels.items(kind);
        let got: Vec<_> = items.iter().filter(|i| i.kind == kind).collect();
        let hits = got
            .iter()
            .filter(|i| gold.iter().any(|g| matches(&g.text, &i.text)))
            .count();
        let found = gold
            .iter()
            .filter(|g| got.iter().any(|i| matches(&g.text, &i.text)))
            .count();
        missed.extend(
            gold.iter()
                .filter(|g| !got.iter().any(|i| matches(&g.text, &i.text)))
                .map(|g| format!("{}: {}", kind.name(), g.text)),
        );
        extra.extend(
            got.iter()
                .filter(|i| !gold.iter().any(|g| matches(&g.text, &i.text)))
                .map(|i| format!("{}: {}", kind.name(), i.text)),
        );
        let precision = if got.is_empty() {
            if gold.is_empty() { 1.0 } else { 0.0 }
        } else {
            hits as f64 / got.len() as f64
        };
        let recall = if gold.is_empty() {
            1.0
        } else {
            found as f64 / gold.len() as f64
        };
        KindScore {
            items: got.len(),
            labels: gold.len(),
            precision,
            recall,
            f1: f1(precision, recall),
        }
    };
    let quote = kind_score(ItemKind::Quote);
    let recommendation = kind_score(ItemKind::Recommendation);
    let claim = kind_score(ItemKind::Claim);
    let speaker_right = labels
        .quote
        .iter()
        .filter(|g| {
            let wanted = surname(g.speaker.as_deref().unwrap_or(""));
            items
                .iter()
                .find(|i| i.kind == ItemKind::Quote && matches(&g.text, &i.text))
                .is_some_and(|i| {
                    !wanted.is_empty() && norm(i.speaker.as_deref().unwrap_or("")).contains(&wanted)
                })
        })
        .count();
    let speaker = if labels.quote.is_empty() {
        1.0
    } else {
        speaker_right as f64 / labels.quote.len() as f64
    };
    let scare_words: Vec<String> = labels.not_quote.iter().map(|s| norm(s)).collect();
    let scare = items
        .iter()
        .filter(|i| i.kind == ItemKind::Quote && scare_words.contains(&norm(&i.text)))
        .count();
    let leaks = items
        .iter()
        .map(|i| {
            labels
                .metadata
                .boilerplate
                .iter()
                .filter(|b| norm(&i.text).contains(&norm(b)))
                .count()
        })
        .sum();
    OutlineScore {
        quote,
        recommendation,
        claim,
        speaker,
        scare,
        leaks,
        missed,
        extra,
    }
}

/// Compares found metadata with the labels; returns `(right, labelled)` and the mismatches.
pub fn score_metadata(labels: &LabelMetadata, found: &Metadata) -> (usize, usize, Vec<String>) {
    let mut right = 0;
    let mut total = 0;
    let mut wrong = Vec::new();
    let fields = [
        ("title", &labels.title, &found.title),
        ("author", &labels.author, &found.author),
        ("date", &labels.date, &found.date),
        ("publisher", &labels.publisher, &found.publisher),
        ("standfirst", &labels.standfirst, &found.standfirst),
    ];
    for (name, wanted, got) in fields {
        if let Some(wanted) = wanted {
            total += 1;
            if norm(wanted) == norm(got.as_deref().unwrap_or("")) {
                right += 1;
            } else {
                wrong.push(format!("{name}: wanted {wanted:?}, got {got:?}"));
            }
        }
    }
    if let Some(tags) = &labels.tags {
        total += 1;
        let mut wanted: Vec<_> = tags.iter().map(|t| norm(t)).collect();
        let mut got: Vec<_> = found.tags.iter().map(|t| norm(t)).collect();
        wanted.sort();
        got.sort();
        if wanted == got {
            right += 1;
        } else {
            wrong.push(format!("tags: wanted {wanted:?}, got {got:?}"));
        }
    }
    (right, total, wrong)
}
