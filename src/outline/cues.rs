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
        let mut label = String::with_capacity(self.kind.len() + 2 + 12 * self.length);
        label.push_str(self.kind);
        label.push(':');
        for k in self.word..self.word + self.length {
            label.push(' ');
            label.push_str(tokens.lower(k));
        }
        label
    }
}

/// The kind and weight of the cues that one list of a merged [`PhraseSet`] gives.
pub type CueKind = (&'static str, f32);

/// Every occurrence of a phrase of the merged `set`, as cues of the kind and weight of the list
/// it belongs to (`kinds[list]`), in reading order: one look-up per word for all the lists.
/// Within one list, phrases do not overlap: the scan resumes after a list's match.
pub fn find_all_kinds(tokens: &Tokens, set: &PhraseSet, kinds: &[CueKind]) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut free_from = vec![0; kinds.len()];
    for i in 0..tokens.len() {
        set.matches_at(tokens, i, |list, length| {
            if i >= free_from[list] {
                let (kind, weight) = kinds[list];
                cues.push(Cue {
                    word: i,
                    length,
                    kind,
                    weight,
                });
                free_from[list] = i + length;
            }
        });
    }
    cues
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_occurrence_with_its_label() {
        // The UI shows why an item was listed, so each cue keeps its words.
        let set = PhraseSet::of_lists(&[&["would", "may prove"]]);
        let tokens = Tokens::new("It would fail; plans may prove costly and would stall.");
        let cues = find_all_kinds(&tokens, &set, &[("predictive", 0.3)]);
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

    #[test]
    fn merged_lists_give_the_same_cues_as_separate_scans() {
        // One table for all claim lists must find exactly what scanning list by list finds;
        // "may" starts a phrase of both lists and each list keeps its own match.
        let hedges: &[&str] = &["would", "may prove"];
        let judgements: &[&str] = &["costly", "may"];
        let tokens = Tokens::new("It would fail; plans may prove costly and would stall.");
        let merged = PhraseSet::of_lists(&[hedges, judgements]);
        let kinds = [("hedge", 0.3), ("judgement", 0.35)];
        let alone = |list: &[&'static str], kind: CueKind| {
            find_all_kinds(&tokens, &PhraseSet::of_lists(&[list]), &[kind])
        };
        let mut separate = alone(hedges, kinds[0]);
        separate.extend(alone(judgements, kinds[1]));
        separate.sort_by_key(|cue| cue.word);
        assert_eq!(find_all_kinds(&tokens, &merged, &kinds), separate);
    }
}
