//! Ingest of the team's own sample articles: metadata and boilerplate against each article's
//! labels. Prints the figures for every article.

mod common;

use common::ingest_check::check_boilerplate;
use common::{IngestedSample, ingested_samples, score_metadata};

#[test]
fn sample_articles_metadata_and_boilerplate() {
    let mut failures = Vec::new();
    let (mut fields_right, mut fields_total) = (0, 0);
    let (mut flagged, mut labelled) = (0, 0);
    for IngestedSample {
        name,
        document,
        labels,
    } in ingested_samples()
    {
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
