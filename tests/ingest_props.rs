//! Property tests: the plain-text and Markdown front-ends accept any text without panicking
//! and always produce a consistent document (ordered spans on character boundaries, styles
//! inside their blocks).

use margent::document::{Document, Format};
use margent::ingest;
use proptest::prelude::*;

fn check_consistent(document: &Document) {
    let text = &document.text;
    let mut previous_end = 0;
    for block in &document.blocks {
        assert!(block.span.start >= previous_end && block.span.start < block.span.end);
        assert!(block.span.end <= text.len());
        assert!(text.is_char_boundary(block.span.start) && text.is_char_boundary(block.span.end));
        for style in &block.styles {
            assert!(block.span.start <= style.span.start && style.span.end <= block.span.end);
            assert!(text.is_char_boundary(style.span.start));
            assert!(text.is_char_boundary(style.span.end));
        }
        previous_end = block.span.end;
    }
    for sentence in &document.sentences {
        let block = &document.blocks[sentence.block];
        assert!(block.span.start <= sentence.span.start && sentence.span.end <= block.span.end);
    }
}

/// Text built from the pieces that steer the front-ends: headings, quotes, bullets, labels,
/// dates, bylines, emphasis, quotation marks, other scripts, blank lines.
fn article_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("# ".to_owned()),
        Just("> ".to_owned()),
        Just("- ".to_owned()),
        Just("Tags: ".to_owned()),
        Just("By: ".to_owned()),
        Just("The post ".to_owned()),
        Just(" appeared first on ".to_owned()),
        Just("February 6, 2026".to_owned()),
        Just("*".to_owned()),
        Just("`".to_owned()),
        Just("[a](b)".to_owned()),
        Just("«".to_owned()),
        Just("“".to_owned()),
        Just("Источник: ".to_owned()),
        Just("---\n".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just(", and ".to_owned()),
        "[A-Za-z ]{1,12}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_text_gives_a_consistent_document(text in article_like()) {
        for format in [Format::Text, Format::Markdown] {
            check_consistent(&ingest::parse(&text, format));
        }
    }

    #[test]
    fn arbitrary_unicode_gives_a_consistent_document(text in "\\PC{0,300}") {
        for format in [Format::Text, Format::Markdown] {
            check_consistent(&ingest::parse(&text, format));
        }
    }
}
