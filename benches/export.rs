//! Export speed: every format on a 1 MB article with 10,000 highlights (a heavy reader's
//! lifetime of notes on one long report).
//!
//! Measured twice: group `export 1 MB, 10k highlights` in wall-clock time, group `… (CPU)` in
//! the benchmark thread's CPU time (the figure that stays meaningful on a shared machine).
//!
//! `cargo bench --bench export -- --warm-up-time 1 --measurement-time 3`

mod common;
mod cpu_time;

use common::Lcg;
use criterion::Criterion;
use criterion::measurement::Measurement;
use jiff::Timestamp;
use margent::document::{BlockKind, Document, DocumentBuilder, Format as SourceFormat};
use margent::export::{self, ExportHighlight, ExportInput, Format};

/// Paragraphs of varied made-up prose, about 1 MB in all.
fn long_document() -> Document {
    let words = [
        "policy",
        "cities",
        "heat",
        "shade",
        "budget",
        "council",
        "riders",
        "trees",
        "Zürich",
        "evidence",
        "survey",
        "&",
        "growth",
        "risk",
        "“quote”",
        "transit",
    ];
    let mut builder = DocumentBuilder::new(SourceFormat::Text);
    let mut total = 0;
    let mut rng = Lcg(7);
    while total < 1_000_000 {
        let mut paragraph = String::new();
        for index in 0..120 {
            paragraph.push_str(rng.pick(&words));
            paragraph.push_str(if index % 15 == 14 { ". " } else { " " });
        }
        total += paragraph.len() + 2;
        builder.push(BlockKind::Paragraph, 0, &paragraph);
    }
    builder.build()
}

/// `count` highlights spread evenly over the text, some with notes.
fn highlights(document: &Document, count: usize) -> Vec<ExportHighlight> {
    let chars = document.char_offset(document.text.len());
    let step = chars / count;
    (0..count)
        .map(|index| {
            let start = index * step;
            let end = start + step.min(40);
            let bytes = document.byte_offset(start)..document.byte_offset(end);
            ExportHighlight {
                id: format!("id{index:06}"),
                tag: Some(["claim", "evidence", "my tag"][index % 3].to_owned()),
                note: (index % 2 == 0).then(|| format!("note {index}\nsecond line")),
                quote: document.text[bytes.clone()].to_owned(),
                prefix: String::new(),
                suffix: String::new(),
                span: Some(start..end),
                created: Timestamp::UNIX_EPOCH,
                updated: Timestamp::UNIX_EPOCH,
            }
        })
        .collect()
}

/// Registers one benchmark per format in a group called `name`, measured by `M`.
fn bench_formats<M: Measurement + 'static>(c: &mut Criterion<M>, name: &str) {
    let document = long_document();
    let highlights = highlights(&document, 10_000);
    let input = ExportInput {
        metadata: &document.metadata,
        source_file: "long.txt",
        document: &document,
        highlights: &highlights,
        outline: None,
    };
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    for format in Format::ALL {
        group.bench_function(format.name(), |b| {
            b.iter(|| export::render(format, std::hint::black_box(&[input])))
        });
    }
    group.finish();
}

wall_and_cpu_main!(
    bench_formats,
    "export 1 MB, 10k highlights",
    "export 1 MB, 10k highlights (CPU)"
);
