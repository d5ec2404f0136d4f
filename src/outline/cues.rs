//! Cues found in a clause: a phrase from a list, where it was found, and a short label that
//! explains to the reader why an item was listed.

use super::lexicon::PhraseSet;
use super::words::Tokens;

/// One cue found in a clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// Index of the cue's first word in the clause's tokens.
    pub word: usize,
    /// Number of words the cue spans.
    pub length: usize,
    /// What kind of cue it is ("modal", "evaluative"…).
    pub kind: &'static str,
    /// How much it adds to a claim's score.
    pub weight: f32,
}

impl Cue {
    /// The label shown to readers: kind and the words that triggered it.
    pub fn label(&self, tokens: &Tokens) -> String {
        let words: Vec<&str> = (self.word..self.word + self.length)
            .map(|k| tokens.lower(k))
            .collect();
        format!("{}: {}", self.kind, words.join(" "))
    }
}

/// Every occurrence of a phrase of `set` in `tokens`, as cues of one kind and weight.
pub fn find_all(tokens: &Tokens, set: &PhraseSet, kind: &'static str, weight: f32) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match set.match_at(tokens, i) {
            Some(length) => {
                cues.push(Cue {
                    word: i,
                    length,
                    kind,
                    weight,
                });
                i += length;
            }
            None => i += 1,
        }
    }
    cues
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_occurrence_with_its_label() {
        // The UI shows why an item was listed, so each cue keeps its words.
        let set = PhraseSet::new(&["would", "may prove"]);
        let tokens = Tokens::new("It would fail; plans may prove costly and would stall.");
        let cues = find_all(&tokens, &set, "predictive", 0.3);
        let labels: Vec<_> = cues.iter().map(|c| c.label(&tokens)).collect();
        assert_eq!(
            labels,
            [
                "predictive: would",
                "predictive: may prove",
                "predictive: would"
            ]
        );
    }
}
