//! Ingest of the real scraped article in `../shared`: metadata and boilerplate against its
//! hand labels. Skips with a message where `../shared` is absent.

mod common;

use common::ingest_check::check_boilerplate;
use common::{Labels, score_metadata};

#[test]
fn balochistan_metadata_and_boilerplate() {
    let Some(shared) = common::shared_dir("balochistan_metadata_and_boilerplate") else {
        return;
    };
    let corpus = shared.join("corpus");
    let labels = Labels::load(&corpus.join("balochistan-scraped.labels.toml"));
    let document =
        margent::ingest::load(&corpus.join("balochistan-scraped.txt")).expect("article loads");
    let (right, total, wrong) = score_metadata(&labels.metadata, &document.metadata);
    println!("balochistan metadata: {right}/{total} fields right");
    assert!(wrong.is_empty(), "metadata mismatches: {wrong:#?}");
    let (found, wanted, problems) = check_boilerplate(&document, &labels);
    println!("balochistan boilerplate: {found}/{wanted} labelled passages flagged");
    assert!(problems.is_empty(), "{problems:#?}");
}
