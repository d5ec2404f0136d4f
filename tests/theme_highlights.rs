//! Every built-in theme must draw each kind of highlight so it can be told from the others and
//! from the sentence cursor (an underline), on and off the cursor sentence.

use margent::annotations::Tag;
use margent::tui::theme::{Role, ThemeSet};
use ratatui::style::{Modifier, Style};

/// Why: in monochrome (the NO_COLOR theme) an evidence highlight was a plain underline, the
/// very style of the sentence cursor, so a reader could not see that the passage was
/// highlighted at all, nor tell a claim under the cursor from a recommendation.
#[test]
fn highlights_differ_from_each_other_and_from_the_cursor() {
    let cursor = Style::new().add_modifier(Modifier::UNDERLINED);
    let mut tags: Vec<Tag> = Tag::BUILT_IN.to_vec();
    tags.push(Tag::Custom("method".into()));
    for theme in ThemeSet::built_in().themes {
        let text = theme.style(Role::Text);
        let drawn = |tag: &Tag| text.patch(theme.tag_style(Some(tag), None));
        for tag in &tags {
            assert_ne!(
                drawn(tag).patch(cursor),
                text.patch(cursor),
                "{}: a {} highlight under the cursor looks like the cursor alone",
                theme.name,
                tag.name()
            );
            for other in tags.iter().filter(|other| *other != tag) {
                for (a, b) in [
                    (drawn(tag), drawn(other)),
                    (drawn(tag), drawn(other).patch(cursor)),
                ] {
                    assert_ne!(
                        a,
                        b,
                        "{}: {} and {} (or {} under the cursor) look the same",
                        theme.name,
                        tag.name(),
                        other.name(),
                        other.name()
                    );
                }
            }
        }
    }
}
