//! The outline of the team's real labelled article in `../shared`, scored like
//! `score_outline.py`; skipped with a message where `../shared` is absent.

mod common;

use common::{Labels, score_outline, shared_dir};

#[test]
fn shared_article_meets_the_outline_bars() {
    let Some(shared) = shared_dir("shared_article_meets_the_outline_bars") else {
        return;
    };
    let corpus = shared.join("corpus");
    let document = margent::ingest::load(&corpus.join("balochistan-scraped.txt"))
        .expect("the shared article loads");
    let labels = Labels::load(&corpus.join("balochistan-scraped.labels.toml"));
    let outline = margent::outline::extract(&document);
    let score = score_outline(&labels, &outline);
    println!("balochistan-scraped.txt: {}", score.summary());
    for line in score.missed.iter().chain(&score.extra) {
        println!("    {line}");
    }
    assert!(score.quote.f1 >= 0.999, "{}", score.summary());
    assert!(score.speaker >= 0.999, "{}", score.summary());
    assert!(score.recommendation.f1 >= 0.85, "{}", score.summary());
    assert!(score.claim.f1 >= 0.60, "{}", score.summary());
    assert_eq!(score.scare, 0, "{}", score.summary());
}
