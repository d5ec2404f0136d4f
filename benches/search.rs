//! Search over a 10 MB article: a fresh search for a rare and a common query, typing a word
//! one character at a time, and refining earlier matches against searching afresh (the figure
//! behind `REFINE_COST_RATIO` in `src/search.rs`).

use criterion::{Criterion, criterion_group, criterion_main};
use margent::search::{IncrementalSearch, find_all};

/// About 10 MB of text built from one of our own sample articles.
fn ten_megabytes() -> String {
    let article = include_str!("../sample-articles/ai-liability-report.txt");
    article.repeat(10 * 1024 * 1024 / article.len() + 1)
}

fn search(c: &mut Criterion) {
    let text = ten_megabytes();
    c.bench_function("find_all rare word (10 MB)", |b| {
        b.iter(|| find_all(&text, "okafor").unwrap().len())
    });
    c.bench_function("find_all common letter (10 MB)", |b| {
        b.iter(|| find_all(&text, "e").unwrap().len())
    });
    c.bench_function("type 'liability' incrementally (10 MB)", |b| {
        b.iter(|| {
            let mut search = IncrementalSearch::new();
            let query = "liability";
            (1..=query.len())
                .map(|end| search.update(&text, &query[..end]).unwrap().len())
                .sum::<usize>()
        })
    });
    c.bench_function("one more letter after 'liabilit' (10 MB)", |b| {
        let mut search = IncrementalSearch::new();
        search.update(&text, "liabilit").unwrap();
        b.iter(|| {
            let mut step = search.clone();
            step.update(&text, "liability").unwrap().len()
        })
    });
}

criterion_group!(benches, search);
criterion_main!(benches);
