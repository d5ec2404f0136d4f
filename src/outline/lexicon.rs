//! Word lists and phrase lists looked up in constant time per word.

use std::collections::{HashMap, HashSet};

use super::words::Tokens;

/// A set of lower-case words or phrases.
#[derive(Debug)]
pub struct Lexicon(HashSet<&'static str>);

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
pub struct PhraseSet(HashMap<&'static str, Vec<Vec<&'static str>>>);

impl PhraseSet {
    /// Builds a set from space-separated lower-case phrases.
    pub fn new(phrases: &[&'static str]) -> Self {
        let mut by_first: HashMap<&'static str, Vec<Vec<&'static str>>> = HashMap::new();
        for phrase in phrases {
            let words: Vec<&'static str> = phrase.split(' ').collect();
            by_first.entry(words[0]).or_default().push(words);
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|words| std::cmp::Reverse(words.len()));
        }
        PhraseSet(by_first)
    }

    /// The longest phrase starting at word `i`, as its number of words.
    pub fn match_at(&self, tokens: &Tokens, i: usize) -> Option<usize> {
        self.0
            .get(tokens.lower(i))?
            .iter()
            .find(|words| tokens.matches_at(i, words))
            .map(Vec::len)
    }
}
