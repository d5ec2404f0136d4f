//! Checks of ingest results against hand labels, shared by the ingest tests.

use margent::document::Document;

use super::{Labels, norm};

/// Checks that every labelled boilerplate passage lies inside a flagged block and that no
/// other block is flagged; returns `(found, labelled)` and the problems.
pub fn check_boilerplate(document: &Document, labels: &Labels) -> (usize, usize, Vec<String>) {
    let wanted = &labels.metadata.boilerplate;
    let mut problems = Vec::new();
    let mut found = 0;
    for snippet in wanted {
        let holders: Vec<usize> = (0..document.blocks.len())
            .filter(|&i| norm(document.block_text(i)).contains(&norm(snippet)))
            .collect();
        if holders.is_empty() {
            problems.push(format!("boilerplate snippet not in any block: {snippet:?}"));
        } else if holders.iter().any(|&i| document.blocks[i].is_boilerplate()) {
            found += 1;
        } else {
            problems.push(format!("boilerplate not flagged: {snippet:?}"));
        }
    }
    for (index, block) in document.blocks.iter().enumerate() {
        let text = document.block_text(index);
        let labelled = wanted.iter().any(|s| norm(text).contains(&norm(s)));
        if block.is_boilerplate() && !labelled && !is_header_matter(document, index) {
            problems.push(format!(
                "body block flagged as {:?}: {text:?}",
                block.boilerplate
            ));
        }
    }
    (found, wanted.len(), problems)
}

/// Blocks that hold only metadata (a byline, a date, the tags) are legitimately flagged even
/// when the labels list them as metadata rather than boilerplate.
fn is_header_matter(document: &Document, index: usize) -> bool {
    let text = norm(document.block_text(index));
    let meta = &document.metadata;
    let date_line = margent::ingest::dates::parse_date(document.block_text(index)).is_some();
    let names_author = meta
        .author
        .as_ref()
        .is_some_and(|author| text.contains(&norm(author)) && text.split(' ').count() <= 12);
    date_line || names_author
}
