//! Ingest of the team's own sample articles: metadata and boilerplate against each article's
//! labels. Prints the figures for every article.

mod common;

use common::ingest_check::check_boilerplate;
use common::{Labels, sample_articles, score_metadata};

#[test]
fn sample_articles_metadata_and_boilerplate() {
    let samples = sample_articles();
    assert!(
        !samples.is_empty(),
        "sample-articles/ holds labelled articles"
    );
    let mut failures = Vec::new();
    let (mut fields_right, mut fields_total) = (0, 0);
    let (mut flagged, mut labelled) = (0, 0);
    for (article, labels_path) in samples {
        let name = article.file_name().unwrap().to_string_lossy().into_owned();
        let document = margent::ingest::load(&article)
            .unwrap_or_else(|error| panic!("{name}: does not load: {error}"));
        let expected = margent::ingest::detect_format(&article, &document.text);
        if document.format != expected {
            // Until a format's front-end is wired into `ingest::parse`, its files are read as
            // plain text; their checks start counting once it is.
            println!(
                "{name}: skipped, the {} front-end is not wired in yet",
                expected.name()
            );
            continue;
        }
        let labels = Labels::load(&labels_path);
        let (right, total, wrong) = score_metadata(&labels.metadata, &document.metadata);
        let (found, wanted, problems) = check_boilerplate(&document, &labels);
        println!("{name}: metadata {right}/{total}, boilerplate {found}/{wanted}");
        fields_right += right;
        fields_total += total;
        flagged += found;
        labelled += wanted;
        failures.extend(wrong.into_iter().map(|w| format!("{name}: {w}")));
        failures.extend(problems.into_iter().map(|p| format!("{name}: {p}")));
    }
    println!(
        "all samples: metadata {fields_right}/{fields_total} fields, boilerplate \
         {flagged}/{labelled} passages"
    );
    assert!(failures.is_empty(), "{failures:#?}");
}
