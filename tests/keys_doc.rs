//! `docs/keys.md` is generated from the built-in keymap; this test fails when they drift
//! apart. Regenerate with `UPDATE_KEYS_DOC=1 cargo test --test keys_doc`.

mod common;

use margent::tui::keymap::Keymap;

#[test]
fn docs_keys_md_matches_the_keymap() {
    let path = common::crate_dir().join("docs").join("keys.md");
    let expected = Keymap::default_keymap().to_markdown();
    if std::env::var_os("UPDATE_KEYS_DOC").is_some() {
        std::fs::write(&path, &expected).expect("docs/keys.md is writable");
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/keys.md is out of date; run UPDATE_KEYS_DOC=1 cargo test --test keys_doc"
    );
}
