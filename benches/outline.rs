//! Outline extraction throughput on a generated ~10 MB article, reported in MB/s. The article
//! is built once (ingest is benchmarked separately); `extract` finds quotes with speakers,
//! recommendations and claims over it.
//!
//! Reported in wall-clock time and in the benchmark thread's CPU time (robust to a loaded
//! machine). Run: `cargo bench --bench outline -- --warm-up-time 1 --measurement-time 3`

mod common;
mod cpu_time;

use common::Lcg;
use std::hint::black_box;

use criterion::measurement::Measurement;
use criterion::{Criterion, Throughput};
use margent::document::Format;
use margent::{ingest, outline};

/// Size of the generated article in bytes (approximately; whole paragraphs are kept).
const ARTICLE_BYTES: usize = 10 * 1024 * 1024;

const PEOPLE: &[&str] = &[
    "Dr. Helen Marsh",
    "Sen. Paula Ortiz",
    "retired colonel Omar Farouk (Ret)",
    "Prof. J. R. Okafor",
    "Mayor Ana Lima",
];
const SURNAMES: &[&str] = &["Marsh", "Ortiz", "Farouk", "Okafor", "Lima"];
const ACTORS: &[&str] = &[
    "The ministry",
    "Regulators",
    "Washington",
    "The city council",
];
const NARRATION: &[&str] = &[
    "On March 3, the council met in the old hall and voted on the budget.",
    "The bridge opened to traffic last spring after two years of work.",
    "More than 400 boats left the harbour before dawn.",
    "Officials in the region counted the damage for a week.",
];
const CLAIMS: &[&str] = &[
    "The levy is a grave mistake that will hurt the poorest households most.",
    "Paradoxically, the safest towns are the ones that spend least on policing.",
    "Because the river is shrinking, every new permit deepens the crisis.",
    "While the plan raised money, it is plainly insufficient for the task.",
    "The new port would likely draw traffic away from the coast.",
];
const RECOMMENDATIONS: &[&str] = &[
    "should publish its data circuit by circuit.",
    "must cap permits at what the river carries.",
    "can also fund the patrols that the coast needs.",
    "ought to tie premiums to compliance.",
];
const SCARE: &[&str] = &["“reform”", "“joined up”", "“temporary”"];

/// One paragraph of generated news prose: narration, claims, a quote and a recommendation.
fn paragraph(rng: &mut Lcg) -> String {
    let person = rng.next() % PEOPLE.len();
    let mut text = format!(
        "{} {} {} noted the {} proposal. ",
        rng.pick(NARRATION),
        rng.pick(CLAIMS),
        PEOPLE[person],
        rng.pick(SCARE),
    );
    match rng.next() % 3 {
        0 => text.push_str(&format!(
            "“We have waited long enough for a decision,” said {}. “Nobody is listening.” ",
            SURNAMES[person]
        )),
        1 => text.push_str(&format!(
            "As {} put it, “the harbour cannot survive another winter like this one.” ",
            SURNAMES[person]
        )),
        _ => text.push_str("“It is a matter of time,” she added. "),
    }
    text.push_str(&format!(
        "{} {} {}",
        rng.pick(ACTORS),
        rng.pick(RECOMMENDATIONS),
        rng.pick(CLAIMS)
    ));
    text
}

/// A generated article of about [`ARTICLE_BYTES`], one paragraph per line.
fn article() -> String {
    let mut rng = Lcg(0x5eed);
    let mut text = String::from("The Harbour and the Levy\n");
    while text.len() < ARTICLE_BYTES {
        text.push_str(&paragraph(&mut rng));
        text.push('\n');
    }
    text
}

/// Registers the extraction benchmark in a group called `name`, measured by `M`.
fn bench_outline<M: Measurement + 'static>(c: &mut Criterion<M>, name: &str) {
    let text = article();
    let document = ingest::parse(&text, Format::Text);
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(document.text.len() as u64));
    group.sample_size(10);
    group.bench_function("extract", |b| {
        b.iter(|| outline::extract(black_box(&document)))
    });
    group.finish();
}

wall_and_cpu_main!(bench_outline, "outline", "outline (CPU)");
