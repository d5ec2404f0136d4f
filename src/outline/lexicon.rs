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
        let phrases = PhraseSet::new(&["need", "need to", "it is time"]);
        let tokens = Tokens::new("We need to act; it is time.");
        assert_eq!(phrases.match_at(&tokens, 1), Some(2));
        assert_eq!(phrases.match_at(&tokens, 4), Some(3));
        assert_eq!(phrases.match_at(&tokens, 0), None);
    }
}

/// A set of lower-case phrases of one or more words, matched word by word.
#[derive(Debug)]
pub struct PhraseSet {
    by_first: HashMap<&'static str, Vec<Vec<&'static str>>, FnvBuild>,
    /// For each first byte, a bit per length (capped at 63) of the first words that start with
    /// it: most words of a text are ruled out by this test without hashing.
    shapes: [u64; 256],
}

/// The bit for a word's length in [`PhraseSet::shapes`].
fn length_bit(word: &str) -> u64 {
    1 << word.len().min(63)
}

impl PhraseSet {
    /// Builds a set from space-separated lower-case phrases.
    pub fn new(phrases: &[&'static str]) -> Self {
        let mut by_first: HashMap<&'static str, Vec<Vec<&'static str>>, FnvBuild> =
            HashMap::default();
        for phrase in phrases {
            let words: Vec<&'static str> = phrase.split(' ').collect();
            by_first.entry(words[0]).or_default().push(words);
        }
        let mut shapes = [0u64; 256];
        for (first, list) in by_first.iter_mut() {
            list.sort_by_key(|words| std::cmp::Reverse(words.len()));
            shapes[usize::from(first.as_bytes()[0])] |= length_bit(first);
        }
        PhraseSet { by_first, shapes }
    }

    /// The longest phrase starting at word `i`, as its number of words.
    pub fn match_at(&self, tokens: &Tokens, i: usize) -> Option<usize> {
        let word = tokens.lower(i);
        if self.shapes[usize::from(word.as_bytes()[0])] & length_bit(word) == 0 {
            return None;
        }
        self.by_first
            .get(word)?
            .iter()
            .find(|words| tokens.matches_at(i, words))
            .map(Vec::len)
    }
}
