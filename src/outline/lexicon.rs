//! Word lists and phrase lists looked up in constant time per word.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::words::Tokens;

/// FNV-1a: a fast hash for the short, trusted keys of word lists (SipHash's protection against
/// crafted keys is not needed for a fixed vocabulary, and it dominated the outline's run time).
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

type FnvBuild = BuildHasherDefault<Fnv>;

/// A set of lower-case words or phrases.
#[derive(Debug)]
pub struct Lexicon(HashSet<&'static str, FnvBuild>);

impl Lexicon {
    /// Builds a lexicon from lower-case entries.
    pub fn new(entries: &[&'static str]) -> Self {
        Lexicon(entries.iter().copied().collect())
    }

    /// Whether `word` (already lower-cased) is in the lexicon.
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_exact_lower_case_entries() {
        // Callers lower-case before looking up; the lexicon itself does no folding.
        let lexicon = Lexicon::new(&["said", "says"]);
        assert!(lexicon.contains("said"));
        assert!(!lexicon.contains("Said"));
        assert!(!lexicon.contains("sai"));
    }

    #[test]
    fn phrases_match_longest_first() {
        // "need to" and "need not" must be told apart, and the longer phrase wins.
        let phrases = PhraseSet::of_lists(&[&["need", "need to", "it is time"]]);
        let tokens = Tokens::new("We need to act; it is time.");
        let longest = |i| {
            let mut found = None;
            phrases.matches_at(&tokens, i, |_, length| found = Some(length));
            found
        };
        assert_eq!(longest(1), Some(2));
        assert_eq!(longest(4), Some(3));
        assert_eq!(longest(0), None);
    }

    #[test]
    fn merged_lists_report_the_longest_phrase_of_each_list() {
        // Several cue lists share one table so a word is looked up once, yet each list still
        // gets its own longest match.
        let phrases = PhraseSet::of_lists(&[&["more", "more than"], &["more"], &["less"]]);
        let tokens = Tokens::new("more than ever");
        let mut found = Vec::new();
        phrases.matches_at(&tokens, 0, |list, length| found.push((list, length)));
        assert_eq!(found, [(0, 2), (1, 1)]);
    }
}

/// A set of lower-case phrases of one or more words, matched word by word. The phrases may come
/// from several lists, each phrase tagged with its list's index, so that one look-up per word
/// serves every list.
#[derive(Debug)]
pub struct PhraseSet {
    by_first: HashMap<&'static str, Vec<(usize, Vec<&'static str>)>, FnvBuild>,
    /// For each first byte, a bit per length (capped at 63) of the first words that start with
    /// it: most words of a text are ruled out by this test without hashing.
    shapes: [u64; 256],
}

/// The bit for a word's length in [`PhraseSet::shapes`].
fn length_bit(word: &str) -> u64 {
    1 << word.len().min(63)
}

impl PhraseSet {
    /// Builds one set from several lists of space-separated lower-case phrases.
    pub fn of_lists(lists: &[&[&'static str]]) -> Self {
        let mut by_first: HashMap<&'static str, Vec<(usize, Vec<&'static str>)>, FnvBuild> =
            HashMap::default();
        for (list, phrases) in lists.iter().enumerate() {
            for phrase in phrases.iter() {
                let words: Vec<&'static str> = phrase.split(' ').collect();
                by_first.entry(words[0]).or_default().push((list, words));
            }
        }
        let mut shapes = [0u64; 256];
        for (first, entries) in by_first.iter_mut() {
            entries.sort_by_key(|(list, words)| (*list, std::cmp::Reverse(words.len())));
            shapes[usize::from(first.as_bytes()[0])] |= length_bit(first);
        }
        PhraseSet { by_first, shapes }
    }

    /// The phrases whose first word is word `i`, or `None` (the common case, mostly decided
    /// without hashing).
    fn starting_at(&self, tokens: &Tokens, i: usize) -> Option<&[(usize, Vec<&'static str>)]> {
        let word = tokens.lower(i);
        if self.shapes[usize::from(word.as_bytes()[0])] & length_bit(word) == 0 {
            return None;
        }
        self.by_first.get(word).map(Vec::as_slice)
    }

    /// Calls `found(list, words)` with the longest phrase of each list that starts at word `i`,
    /// lists in order.
    pub fn matches_at(&self, tokens: &Tokens, i: usize, mut found: impl FnMut(usize, usize)) {
        let Some(entries) = self.starting_at(tokens, i) else {
            return;
        };
        let mut last_list = None;
        for (list, words) in entries {
            if last_list != Some(*list) && tokens.matches_at(i, words) {
                found(*list, words.len());
                last_list = Some(*list);
            }
        }
    }
}
