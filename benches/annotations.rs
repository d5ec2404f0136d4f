//! Annotation store speed: load + save of 10,000 annotations, and re-anchoring 1,000
//! highlights after edits to a 1 MB document.
//!
//! Load + save is also measured in the benchmark thread's CPU time (`… (CPU)`).
//!
//! `cargo bench --bench annotations -- --warm-up-time 1 --measurement-time 3`

mod cpu_time;

use std::hint::black_box;
use std::ops::Range;
use std::path::{Path, PathBuf};

use cpu_time::ThreadCpuTime;
use criterion::measurement::Measurement;
use criterion::{Criterion, criterion_group, criterion_main};
use margent::annotations::anchor::{self, AnchorStatus, Selector};
use margent::annotations::search::floor_boundary;
use margent::annotations::{Store, StoreOptions, sidecar};
use margent::document::Document;

const WORDS: &[&str] = &[
    "the", "council", "housing", "rents", "rose", "fell", "policy", "market", "zoning", "reform",
    "permits", "café", "supply", "demand", "said", "argued", "that", "in", "of", "a", "city",
    "budget", "percent", "families", "priced", "out", "report", "evidence", "river", "basin",
];

/// A document of about `bytes` bytes of generated prose (deterministic).
fn prose(bytes: usize, rng: &mut fastrand::Rng) -> String {
    let mut text = String::with_capacity(bytes + 200);
    while text.len() < bytes {
        let words = rng.usize(20..120);
        for i in 0..words {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(WORDS[rng.usize(..WORDS.len())]);
        }
        text.push_str(".\n\n");
    }
    text.trim_end().to_owned()
}

fn random_span(text: &str, rng: &mut fastrand::Rng) -> Range<usize> {
    let start = floor_boundary(text, rng.usize(..text.len()));
    let end = floor_boundary(text, start + rng.usize(20..160)).max(start);
    start..end
}

/// A 1 MB generated document and, in a temporary folder, an article's sidecar holding 10,000
/// highlights (a third with two-line notes).
struct Fixture {
    _folder: tempfile::TempDir,
    article: PathBuf,
    document: Document,
    options: StoreOptions,
}

fn fixture() -> Fixture {
    let mut rng = fastrand::Rng::with_seed(7);
    let document = Document::from_paragraphs(&prose(1 << 20, &mut rng));
    let folder = tempfile::tempdir().unwrap();
    let article = folder.path().join("article.txt");
    let options = StoreOptions { data_dir: None };
    let mut store = Store::open(&article, &document, options.clone()).unwrap();
    for i in 0..10_000 {
        let span = random_span(&document.text, &mut rng);
        let note = (i % 3 == 0).then(|| format!("note {i}\nsecond line"));
        store.add_highlight(&document, span, None, note);
    }
    store.save(&document).unwrap();
    Fixture {
        _folder: folder,
        article,
        document,
        options,
    }
}

/// Registers the load + save benchmark under `name`, measured by `M`.
fn bench_load_and_save<M: Measurement + 'static>(
    c: &mut Criterion<M>,
    fixture: &Fixture,
    name: &str,
) {
    let Fixture {
        article,
        document,
        options,
        ..
    } = fixture;
    c.bench_function(name, |b| {
        b.iter(|| {
            let mut store = Store::open(article, document, options.clone()).unwrap();
            black_box(store.save(document).unwrap());
        })
    });
}

fn load_and_save(c: &mut Criterion) {
    let fixture = fixture();
    let article = &fixture.article;
    let bytes = std::fs::metadata(sidecar::sidecar_path(article))
        .unwrap()
        .len();
    eprintln!("sidecar with 10,000 annotations: {} KiB", bytes / 1024);
    bench_load_and_save(c, &fixture, "load + save 10,000 annotations");
    let text = std::fs::read_to_string(sidecar::sidecar_path(article)).unwrap();
    c.bench_function("parse + render 10,000 annotations (no disk)", |b| {
        b.iter(|| black_box(sidecar::render(&sidecar::parse(&text).unwrap())))
    });
    open_only(c, article, &fixture.document, &fixture.options);
}

/// Load + save again in the benchmark thread's CPU time: one core's work, the figure that
/// stays meaningful on a shared, loaded machine.
fn load_and_save_cpu(c: &mut Criterion<ThreadCpuTime>) {
    bench_load_and_save(c, &fixture(), "load + save 10,000 annotations (CPU)");
}

fn open_only(c: &mut Criterion, article: &Path, document: &Document, options: &StoreOptions) {
    c.bench_function("open (read, parse, place) 10,000 annotations", |b| {
        b.iter(|| black_box(Store::open(article, document, options.clone()).unwrap()))
    });
}

/// Applies `count` random edits (insertions of words, deletions, one-letter typos).
fn edit(text: &str, count: usize, rng: &mut fastrand::Rng) -> String {
    let mut text = text.to_owned();
    for _ in 0..count {
        let at = floor_boundary(&text, rng.usize(..text.len()));
        match rng.u8(..3) {
            0 => text.insert_str(at, " newly inserted words "),
            1 => {
                let end = floor_boundary(&text, at + rng.usize(1..40));
                text.replace_range(at..end, "");
            }
            _ => {
                let end = floor_boundary(&text, at + 1).max(at);
                text.replace_range(at..end, "x");
            }
        }
    }
    text
}

fn re_anchor(c: &mut Criterion) {
    let mut rng = fastrand::Rng::with_seed(11);
    let original = Document::from_paragraphs(&prose(1 << 20, &mut rng));
    let selectors: Vec<Selector> = (0..1000)
        .map(|_| Selector::from_span(&original, random_span(&original.text, &mut rng)))
        .collect();
    let edited = Document::from_paragraphs(&edit(&original.text, 2000, &mut rng));
    let mut counts = [0usize; 4];
    for selector in &selectors {
        let status = anchor::place(selector, &edited).status;
        counts[status as usize] += 1;
    }
    eprintln!(
        "after 2,000 edits to {} KiB: {} exact, {} moved, {} fuzzy, {} orphaned (of 1,000)",
        edited.text.len() / 1024,
        counts[AnchorStatus::Exact as usize],
        counts[AnchorStatus::Moved as usize],
        counts[AnchorStatus::Fuzzy as usize],
        counts[AnchorStatus::Orphaned as usize]
    );
    c.bench_function(
        "re-anchor 1,000 highlights in an edited 1 MB document",
        |b| {
            b.iter(|| {
                for selector in &selectors {
                    black_box(anchor::place(selector, &edited));
                }
            })
        },
    );
}

criterion_group!(benches, load_and_save, re_anchor);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(ThreadCpuTime::default());
    targets = load_and_save_cpu
}
criterion_main!(benches, cpu);
