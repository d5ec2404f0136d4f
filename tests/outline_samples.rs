//! The outline of every sample article against its hand labels: quotes, speakers,
//! recommendations and claims must meet the bars. Prints the figures per article.

mod common;

use common::{IngestedSample, ingested_samples, score_outline};

#[test]
fn sample_articles_meet_the_outline_bars() {
    let mut failures = Vec::new();
    for IngestedSample {
        name,
        document,
        labels,
    } in ingested_samples()
    {
        let outline = margent::outline::extract(&document);
        let score = score_outline(&labels, &outline);
        println!("{name}: {}", score.summary());
        for line in score.missed.iter().chain(&score.extra) {
            println!("    {line}");
        }
        let bars = [
            (score.quote.f1 >= 0.999, "quote F1 1.00"),
            (score.speaker >= 0.999, "every speaker right"),
            (score.recommendation.f1 >= 0.85, "recommendation F1 >= 0.85"),
            (score.claim.f1 >= 0.60, "claim F1 >= 0.60"),
            (score.scare == 0, "no scare quotes"),
            (score.leaks == 0, "no boilerplate leaks"),
        ];
        failures.extend(
            bars.iter()
                .filter(|(met, _)| !met)
                .map(|(_, bar)| format!("{name}: {bar} not met ({})", score.summary())),
        );
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
