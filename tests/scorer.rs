//! Checks the test scorer itself agrees with `score_outline.py`'s matching rules, since every
//! outline and ingest test relies on it.

mod common;

use common::{matches, norm, surname};

#[test]
fn norm_folds_quotes_dashes_case_and_edges() {
    assert_eq!(norm("  “Hello”—World’s  end. "), "hello\"-world's end");
}

#[test]
fn an_item_matches_a_label_inside_it_or_covering_most_of_it() {
    assert!(matches("the cat sat", "Yes, the cat sat on the mat."));
    assert!(matches("the cat sat on the mat", "the cat sat on the"));
    assert!(!matches("the cat sat on the mat", "the cat"));
    assert!(!matches("", "anything"));
}

#[test]
fn surname_is_the_last_word_outside_parentheses() {
    assert_eq!(surname("John Legere (T-Mobile CEO)"), "legere");
    assert_eq!(surname("Lt. Gen. A. Okoro"), "okoro");
    assert_eq!(surname(""), "");
}
