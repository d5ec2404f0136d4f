//! Word tokens over a piece of text, with an ASCII-lowercased copy for lexicon look-ups.
//!
//! A word is a run of letters and digits, with hyphens kept inside it (`hit-and-run`).
//! Apostrophes split words, so `can’t` gives `can` + `t` and a possessive `Smith’s` gives
//! `Smith` + `s`, whichever apostrophe the article uses. Lower-casing is ASCII-only so that byte
//! offsets in the lowered copy equal those in the original.

use std::ops::Range;

/// The words of a text, in order.
#[derive(Debug)]
pub struct Tokens<'a> {
    /// The text the words were taken from.
    pub text: &'a str,
    lower: String,
    spans: Vec<Range<usize>>,
}

impl<'a> Tokens<'a> {
    /// Splits `text` into words.
    pub fn new(text: &'a str) -> Self {
        let mut spans = Vec::with_capacity(text.len() / 6 + 1);
        let mut start: Option<usize> = None;
        let mut at = 0;
        while at < text.len() {
            let (alphanumeric, length) = word_char_at(text, at);
            let inside = alphanumeric
                || (text.as_bytes()[at] == b'-' && start.is_some() && word_char_at(text, at + 1).0);
            match (inside, start) {
                (true, None) => start = Some(at),
                (false, Some(from)) => {
                    spans.push(from..at);
                    start = None;
                }
                _ => {}
            }
            at += length;
        }
        if let Some(from) = start {
            spans.push(from..text.len());
        }
        Tokens {
            text,
            lower: text.to_ascii_lowercase(),
            spans,
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Word `i` as written.
    pub fn word(&self, i: usize) -> &'a str {
        &self.text[self.spans[i].clone()]
    }

    /// Word `i`, ASCII-lowercased.
    pub fn lower(&self, i: usize) -> &str {
        &self.lower[self.spans[i].clone()]
    }

    /// Byte range of word `i` in the text.
    pub fn span(&self, i: usize) -> Range<usize> {
        self.spans[i].clone()
    }

    /// The text between word `i - 1` and word `i` (from the text's start for the first word).
    pub fn gap_before(&self, i: usize) -> &'a str {
        let from = if i == 0 { 0 } else { self.spans[i - 1].end };
        &self.text[from..self.spans[i].start]
    }

    /// Whether word `i` starts with an upper-case letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether the lower-cased words starting at `i` are `phrase`, with only spaces, hyphens or
    /// apostrophes between them.
    pub fn matches_at(&self, i: usize, phrase: &[&str]) -> bool {
        i + phrase.len() <= self.len()
            && phrase.iter().enumerate().all(|(k, part)| {
                self.lower(i + k) == *part
                    && (k == 0
                        || self
                            .gap_before(i + k)
                            .chars()
                            .all(|c| c.is_whitespace() || matches!(c, '\'' | '’' | '-')))
            })
    }
}

/// Whether the character at byte `at` of `text` is a letter or digit, and its length in bytes
/// (`(false, 0)` past the end). ASCII, most of any text, is decided without decoding.
#[inline]
fn word_char_at(text: &str, at: usize) -> (bool, usize) {
    match text.as_bytes().get(at) {
        None => (false, 0),
        Some(&byte) if byte.is_ascii() => (byte.is_ascii_alphanumeric(), 1),
        Some(_) => text[at..]
            .chars()
            .next()
            .map_or((false, 0), |c| (c.is_alphanumeric(), c.len_utf8())),
    }
}

/// The first word of `text` as written, found as [`Tokens::new`] would find it but without
/// splitting the rest of the text.
pub fn first_word(text: &str) -> Option<&str> {
    let mut at = 0;
    while at < text.len() {
        let (alphanumeric, length) = word_char_at(text, at);
        if alphanumeric {
            break;
        }
        at += length;
    }
    let start = at;
    while at < text.len() {
        let (alphanumeric, length) = word_char_at(text, at);
        let hyphen = text.as_bytes()[at] == b'-' && word_char_at(text, at + 1).0;
        if !alphanumeric && !hyphen {
            break;
        }
        at += length;
    }
    (at > start).then(|| &text[start..at])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophes_split_and_hyphens_join() {
        // Contractions and possessives must look the same whichever apostrophe is typed.
        let tokens = Tokens::new("We can’t stop hit-and-run — Smith's plan.");
        let words: Vec<_> = (0..tokens.len()).map(|i| tokens.word(i)).collect();
        assert_eq!(
            words,
            [
                "We",
                "can",
                "t",
                "stop",
                "hit-and-run",
                "Smith",
                "s",
                "plan"
            ]
        );
        assert!(tokens.matches_at(1, &["can", "t"]));
        assert!(tokens.matches_at(3, &["stop"]));
    }

    #[test]
    fn the_first_word_is_the_first_token() {
        // Clauses test only their first word; it must be the word a full split would give.
        for text in [
            "— “Well-known facts,” she said",
            "  ",
            "Émile’s",
            "42 boats",
            "-x y",
        ] {
            let tokens = Tokens::new(text);
            let expected = (!tokens.is_empty()).then(|| tokens.word(0));
            assert_eq!(first_word(text), expected, "{text}");
        }
    }

    #[test]
    fn lowered_words_keep_offsets_with_non_ascii_text() {
        // Offsets must stay valid in text with accents, so lower-casing is ASCII-only.
        let tokens = Tokens::new("Émile SAID");
        assert_eq!(tokens.lower(1), "said");
        assert_eq!(tokens.word(0), "Émile");
        assert!(tokens.is_capitalised(0));
    }

    #[test]
    fn phrases_do_not_match_across_punctuation() {
        // "need, to" is not the deontic "need to".
        let tokens = Tokens::new("They need, to be fair, more.");
        assert!(!tokens.matches_at(1, &["need", "to"]));
    }
}
