//! Which tags the tag palette offers, in which order, and the key that picks each: the six
//! built-in tags, then the user's tags from the config, then tags added this session with
//! `:tag`, then any other tag the article's annotations already use (so a tag found in the
//! sidecar can always be picked again). The first nine take the keys `1`–`9`, the rest the
//! letters `a`–`z`; tags beyond those stay reachable with `:tag NAME`.

use crate::annotations::Tag;

/// The keys that pick a palette entry, in order.
const KEYS: &str = "123456789abcdefghijklmnopqrstuvwxyz";

/// The most tags the palette shows (one per key).
pub const MAX_TAGS: usize = KEYS.len();

/// The palette's tags in order, each once: built-ins, `config` tags, `session` tags, then the
/// other `used` tags sorted by name; at most [`MAX_TAGS`].
pub fn palette_tags<'a>(
    config: impl IntoIterator<Item = &'a Tag>,
    session: impl IntoIterator<Item = &'a Tag>,
    used: impl IntoIterator<Item = &'a Tag>,
) -> Vec<Tag> {
    let mut used: Vec<&Tag> = used.into_iter().collect();
    used.sort_by(|a, b| a.name().cmp(b.name()));
    let mut tags: Vec<Tag> = Vec::new();
    for tag in Tag::BUILT_IN
        .iter()
        .chain(config)
        .chain(session)
        .chain(used)
    {
        if tags.len() == MAX_TAGS {
            break;
        }
        if !tags.contains(tag) {
            tags.push(tag.clone());
        }
    }
    tags
}

/// The key that picks entry `index` (from 0).
pub fn key_for(index: usize) -> Option<char> {
    KEYS.chars().nth(index)
}

/// The entry picked by `key`, if it is a palette key.
pub fn index_for(key: char) -> Option<usize> {
    KEYS.find(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn custom(name: &str) -> Tag {
        Tag::Custom(name.to_owned())
    }

    /// Number keys must mean the same thing every time: built-ins keep 1–6, config tags come
    /// next in the order written, and a tag is never offered twice.
    #[test]
    fn built_ins_then_config_then_session_then_used_each_once() {
        let config = [custom("method"), custom("aside")];
        let session = [custom("later"), custom("method")];
        let used = [custom("zeta"), Tag::Claim, custom("alpha"), custom("later")];
        let tags = palette_tags(&config, &session, &used);
        let names: Vec<&str> = tags.iter().map(Tag::name).collect();
        assert_eq!(
            names,
            [
                "claim",
                "quote",
                "recommendation",
                "evidence",
                "question",
                "important",
                "method",
                "aside",
                "later",
                "alpha",
                "zeta"
            ]
        );
        assert_eq!(key_for(6), Some('7'));
        assert_eq!(key_for(9), Some('a'));
        assert_eq!(index_for('a'), Some(9));
        assert_eq!(index_for('0'), None);
    }

    /// Past nine tags the letters take over, and the palette stops where the keys run out.
    #[test]
    fn letters_follow_the_digits_up_to_the_last_key() {
        let many: Vec<Tag> = (0..40).map(|i| custom(&format!("t{i:02}"))).collect();
        let tags = palette_tags(&many, &[], &[]);
        assert_eq!(tags.len(), MAX_TAGS);
        assert_eq!(key_for(MAX_TAGS - 1), Some('z'));
        assert_eq!(key_for(MAX_TAGS), None);
        assert_eq!(index_for('z'), Some(MAX_TAGS - 1));
    }
}
