//! The outline of every sample article against its hand labels: quotes, speakers,
//! recommendations and claims must meet the bars. Prints the figures per article.

mod common;

use common::{Labels, sample_articles, score_outline};

#[test]
fn sample_articles_meet_the_outline_bars() {
    let samples = sample_articles();
    assert!(
        !samples.is_empty(),
        "sample-articles/ holds labelled articles"
    );
    let mut failures = Vec::new();
    for (article, labels_path) in samples {
        let name = article.file_name().unwrap().to_string_lossy().into_owned();
        let document = margent::ingest::load(&article)
            .unwrap_or_else(|error| panic!("{name}: does not load: {error}"));
        let expected = margent::ingest::detect_format(&article, &document.text);
        if document.format != expected {
            // Until a format's front-end is wired into `ingest::parse`, its files are read as
            // plain text with their markup; their outline starts counting once it is.
            println!(
                "{name}: skipped, the {} front-end is not wired in yet",
                expected.name()
            );
            continue;
        }
        let labels = Labels::load(&labels_path);
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
