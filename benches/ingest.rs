//! Ingest throughput on a generated ~10 MB article, reported in MB/s:
//! - `parse_text`: the plain-text front-end on decoded text (blocks, boilerplate flags,
//!   sentence segmentation, offset index);
//! - `load_file`: the same from a file, plus reading, decoding and neutralising;
//! - `build_document`: blocks, segmentation and offset index alone (no boilerplate rules);
//! - `segment_only`: sentence segmentation of each paragraph alone.
//!
//! Each is measured twice: group `ingest` in wall-clock time, group `ingest_cpu` in the
//! benchmark thread's CPU time (the figure that stays meaningful on a shared machine).
//!
//! Run: `cargo bench --bench ingest -- --warm-up-time 1 --measurement-time 3`

mod common;
mod cpu_time;

use common::Lcg;
use std::hint::black_box;
use std::io::Write;
use std::sync::LazyLock;

use criterion::measurement::Measurement;
use criterion::{Criterion, Throughput};
use margent::document::{BlockKind, DocumentBuilder, Format};
use margent::{ingest, segment};
use tempfile::NamedTempFile;

/// Size of the generated article in bytes (approximately; whole paragraphs are kept).
const ARTICLE_BYTES: usize = 10 * 1024 * 1024;

const SPEAKERS: &[&str] = &[
    "Lt. Gen. Omar Farouk (Retd.)",
    "Dr. Helen Marsh",
    "Sen. Paula Ortiz",
    "Prof. J. R. Okafor",
    "Mr. Daniel Weiss",
    "Ms. Ana Lima",
    "Gov. Tom Hale",
    "Rep. Kim Sato",
];
const PLACES: &[&str] = &[
    "the U.S.",
    "the U.K.",
    "Brussels",
    "St. Petersburg",
    "the E.U.",
    "Karachi",
    "Washington, D.C.",
    "São Paulo",
];
const FIRMS: &[&str] = &[
    "Halvorsen Corp.",
    "Veld Inc.",
    "Brand & Co.",
    "Northwind Ltd.",
];
const MONTHS: &[&str] = &["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const CLAIMS: &[&str] = &[
    "the sanctions have failed to change anyone’s behaviour",
    "the pipeline will never pay for itself",
    "regional cooperation is the only durable answer",
    "the subsidy mostly benefits the wealthiest households",
    "the treaty, i.e. the 2019 framework, is obsolete",
];

/// One sentence of news-style prose, chosen among templates with abbreviations, quotes,
/// numbers, money, ellipses and dashes.
fn sentence(rng: &mut Lcg, out: &mut String) {
    let speaker = rng.pick(SPEAKERS);
    let place = rng.pick(PLACES);
    let firm = rng.pick(FIRMS);
    let month = rng.pick(MONTHS);
    let claim = rng.pick(CLAIMS);
    let (a, b, c) = (rng.next() % 100, rng.next() % 10, rng.next() % 28 + 1);
    let text = match rng.next() % 12 {
        0 => format!("{speaker} said on {month} {c} that {claim}."),
        1 => format!("“We cannot wait another year,” says {speaker}, adding that {claim}."),
        2 => format!("Exports to {place} rose {a}.{b}% in the quarter, to ${b}.{a}bn."),
        3 => format!("{firm} Chief Executive Maria Chen disputed the figures… at least in public."),
        4 => format!("“Why now?” {speaker} asked. “Who pays?”"),
        5 => format!("The report (see Fig. {b}, No. {a}) was sent to {place} at {b} p.m. Monday."),
        6 => format!("Critics — including {speaker} — argue that {claim}; others disagree."),
        7 => format!("The contract went to {firm} It was worth 1,{a:03}.{b}0 dollars per unit."),
        8 => format!(
            "Officials in {place} expect talks, e.g. on tariffs, fuel, grain etc. to resume."
        ),
        9 => format!("Is it true that {claim}? Perhaps, but the evidence is thin."),
        10 => format!("Details are posted at example.org/reports/{a}.{b} and by e-mail."),
        _ => {
            format!("In {month} {c}, 20{a:02}, the ministry said {claim}, according to {speaker}.")
        }
    };
    out.push_str(&text);
}

/// Generates an article of about `bytes` bytes: a title line, then paragraphs of three to
/// seven sentences, one per line, separated by blank lines.
fn article(bytes: usize) -> String {
    let mut rng = Lcg(0x5eed);
    let mut out = String::with_capacity(bytes + 4096);
    out.push_str("How Trade Talks Stalled — and What Comes Next\n\n");
    while out.len() < bytes {
        for index in 0..3 + rng.next() % 5 {
            if index > 0 {
                out.push(' ');
            }
            sentence(&mut rng, &mut out);
        }
        out.push_str("\n\n");
    }
    out
}

/// The generated article, and a temporary file holding it.
static ARTICLE: LazyLock<(String, NamedTempFile)> = LazyLock::new(|| {
    let text = article(ARTICLE_BYTES);
    let mut file = tempfile::Builder::new()
        .suffix(".txt")
        .tempfile()
        .expect("a temporary file can be created");
    file.write_all(text.as_bytes())
        .expect("the article can be written");
    (text, file)
});

/// Registers the ingest benchmarks in a group called `name`, measured by `M`.
fn ingest_benchmarks<M: Measurement>(c: &mut Criterion<M>, name: &str) {
    let (text, file) = &*ARTICLE;
    let path = file.path();
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("parse_text", |b| {
        b.iter(|| ingest::parse(black_box(text), Format::Text))
    });
    group.bench_function("load_file", |b| {
        b.iter(|| ingest::load(black_box(path)).expect("the article loads"))
    });
    group.bench_function("build_document", |b| {
        b.iter(|| {
            let mut builder = DocumentBuilder::new(Format::Text);
            for line in black_box(text).lines() {
                builder.push(BlockKind::Paragraph, 0, line);
            }
            builder.build()
        })
    });
    group.bench_function("segment_only", |b| {
        b.iter(|| {
            text.split("\n\n")
                .map(|paragraph| segment::sentences(black_box(paragraph)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

wall_and_cpu_main!(ingest_benchmarks, "ingest", "ingest_cpu");
