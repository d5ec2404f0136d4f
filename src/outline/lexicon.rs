//! Word lists looked up in constant time.

use std::collections::HashSet;

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
}
