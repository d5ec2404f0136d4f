//! Claims: the article's own arguable assertions, scored by the cues they carry.
//!
//! Evaluative words, comparisons, causal links, predictions and hedges, paradoxes, trends,
//! contrasts ("X is not Y"), framing ("the lesson is that…") and reported positions ("critics
//! say…") add to a clause's score; the standfirst and lede add as the thesis; a clause opening
//! with a date reads as narration and loses some. Questions are not claims.

use crate::ingest::dates::{MONTH_NAMES, WEEKDAY_NAMES};
use std::sync::LazyLock;

use super::cues::{Cue, CueKind, find_all_kinds};
use super::lexicon::{Lexicon, PhraseSet};
use super::words::Tokens;

/// The score a clause needs to be listed as a claim.
pub const THRESHOLD: f32 = 0.3;

/// Words and phrases of judgement.
const EVALUATIVE: &[&str] = &[
    "serious",
    "grave",
    "grim",
    "dangerous",
    "dire",
    "insufficient",
    "inadequate",
    "flawed",
    "misguided",
    "mistaken",
    "wrong",
    "right",
    "critical",
    "crucial",
    "essential",
    "vital",
    "sobering",
    "alarming",
    "concerning",
    "worrying",
    "troubling",
    "disturbing",
    "effective",
    "ineffective",
    "outdated",
    "successful",
    "unsuccessful",
    "failing",
    "failed",
    "radical",
    "modest",
    "fragile",
    "vulnerable",
    "hidden",
    "predictable",
    "underestimated",
    "consequential",
    "unfair",
    "unjust",
    "absurd",
    "reckless",
    "irresponsible",
    "naive",
    "costly",
    "expensive",
    "cheapest",
    "urgent",
    "unsustainable",
    "misleading",
    "devastating",
    "catastrophic",
    "disastrous",
    "disaster",
    "crisis",
    "threat",
    "lethal",
    "excessive",
    "vague",
    "myth",
    "luxury",
    "illusion",
    "mistake",
    "failure",
    "weakness",
    "strength",
    "powerful",
    "weak",
    "better",
    "best",
    "worse",
    "worst",
    "bad",
    "poor",
    "wasting",
    "wasted",
    "structural",
    "exactly",
    "simply",
    "merely",
    "precisely",
    "no recourse",
    "too",
    "cannot afford to ignore",
    "can t afford to ignore",
    "harder to ignore",
    "hypocritical",
    "dishonest",
    "unworkable",
    "shortsighted",
    "short-sighted",
    "overdue",
    "inevitable",
    "unprecedented",
    "welcome",
];

/// Comparisons.
const COMPARISON: &[&str] = &[
    "neither",
    "equally",
    "unlike",
    "compared",
    "the most",
    "the least",
    "rather than",
    "only as",
    "as good as",
    "far more",
    "less than",
    "more than",
    "than",
    "larger",
    "greater",
    "smaller",
    "faster",
    "slower",
    "fewer",
    "higher",
    "lower",
    "stronger",
    "weaker",
];

/// Causal links.
const CAUSAL: &[&str] = &[
    "because",
    "therefore",
    "thus",
    "hence",
    "leads to",
    "lead to",
    "result in",
    "results in",
    "the result of",
    "result",
    "causes",
    "fuels",
    "drives",
    "enable",
    "enables",
    "undermine",
    "undermines",
    "show how",
    "shows how",
    "show that",
    "shows that",
    "means that",
    "which means",
    "due to",
    "as a result",
    "consequences",
    "contributes to",
    "explains why",
    "exposed how",
    "is why",
    "kills",
    "pushes up",
    "rents out",
];

/// Predictions and hedges.
const PREDICTIVE: &[&str] = &[
    "will",
    "would",
    "could",
    "may",
    "might",
    "likely",
    "unlikely",
    "is set to",
    "threatens to",
    "going to",
    "probably",
    "perhaps",
    "arguably",
    "possibly",
    "potentially",
    "seems",
    "appears",
];

/// Paradox and irony.
const PARADOX: &[&str] = &[
    "paradox",
    "paradoxically",
    "ironically",
    "irony",
    "counterintuitive",
    "counterintuitively",
];

/// Trends and change.
const TREND: &[&str] = &[
    "increasingly",
    "rapidly",
    "growing",
    "evolving",
    "evolved",
    "shifting",
    "emerging",
    "rising",
    "mounting",
    "worsening",
    "shift",
    "strengthens",
    "modernizing",
    "modernising",
    "accelerating",
    "deepening",
    "metastasizing",
    "metastasising",
    "emptying",
    "no longer",
];

/// Contrast that defines by opposition ("X is not a Y", "none of this", "in practice").
const CONTRAST: &[&str] = &[
    "is not a",
    "is not an",
    "is not the",
    "are not a",
    "are not the",
    "isn t a",
    "isn t the",
    "none of",
    "not only",
    "nor",
    "in principle",
    "in practice",
    "not just",
    "can no longer",
];

/// Plain negation: weak alone ("Osei is not waiting" narrates), a claim with another cue.
const NEGATION: &[&str] = &[
    "is not", "are not", "isn t", "aren t", "do not", "does not", "don t", "doesn t", "cannot",
    "never",
];

/// Framing of a general point.
const FRAMING: &[&str] = &[
    "the lesson",
    "the problem",
    "the answer",
    "the question",
    "the truth",
    "the reality",
    "the key",
    "part of the problem",
    "part of the answer",
    "part of the solution",
    "is that",
    "part of an",
    "part of a",
    "the case for",
    "the case that",
    "a way of",
    "the alternative",
];

/// Positions reported from a group or argued for ("critics say", "argued that").
const REPORTED: &[&str] = &[
    "critics say",
    "critics argue",
    "supporters say",
    "supporters argue",
    "experts say",
    "analysts say",
    "scholars say",
    "scholars said",
    "engineers say",
    "economists say",
    "researchers say",
    "argued that",
    "argues that",
    "disputed that",
    "contends that",
    "insisted that",
    "acknowledged that",
    "put its chances",
    "said that",
];

/// Words opening a clause that report when something happened.
static DATE_OPENERS: LazyLock<Lexicon> = LazyLock::new(|| {
    let own: &[&'static str] = &[
        "yesterday",
        "last",
        "earlier",
        "this",
        "today",
        "dawn",
        "dusk",
        "noon",
        "midnight",
        "morning",
        "evening",
    ];
    Lexicon::new(&[&MONTH_NAMES[..], &WEEKDAY_NAMES[..], own].concat())
});

/// The kind and weight of each cue list, in the order [`CUES`] merges them.
const KINDS: [CueKind; 10] = [
    ("evaluative", 0.35),
    ("comparison", 0.35),
    ("causal", 0.3),
    ("prediction or hedge", 0.3),
    ("paradox", 0.5),
    ("trend", 0.25),
    ("contrast", 0.3),
    ("negation", 0.15),
    ("framing", 0.3),
    ("reported position", 0.35),
];

/// All cue lists in one table, so that each word is looked up once.
static CUES: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::of_lists(&[
        EVALUATIVE, COMPARISON, CAUSAL, PREDICTIVE, PARADOX, TREND, CONTRAST, NEGATION, FRAMING,
        REPORTED,
    ])
});

/// Where a clause sits in the article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Placement {
    /// The clause is the standfirst.
    pub standfirst: bool,
    /// The clause is in the first paragraph of the body.
    pub lede: bool,
}

/// A clause's claim score and the cues behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// Score in 0.0–1.0.
    pub score: f32,
    /// The cues found, in reading order (thesis and narration are not word cues).
    pub cues: Vec<Cue>,
    /// Labels of placement cues ("thesis: standfirst").
    pub notes: Vec<&'static str>,
}

/// Scores a clause as a claim; `from_word` skips words a concession holds.
pub fn assess(tokens: &Tokens, from_word: usize, placement: Placement) -> Assessment {
    let cues: Vec<Cue> = find_all_kinds(tokens, &CUES, &KINDS)
        .into_iter()
        .filter(|cue| cue.word >= from_word)
        .filter(|cue| !(cue.kind == "comparison" && before_number(tokens, cue)))
        .filter(|cue| !is_not_a_cue_here(tokens, cue))
        .collect();
    let mut notes = Vec::new();
    let mut score: f32 = cues.iter().map(|cue| cue.weight).sum();
    if placement.standfirst {
        score += 0.5;
        notes.push("thesis: standfirst");
    } else if placement.lede {
        score += 0.15;
        notes.push("thesis: lede");
    }
    if tokens.lower(0) == "but" || tokens.lower(0) == "yet" {
        score += 0.15;
        notes.push("contrast: opens with but");
    }
    if opens_with_date(tokens) {
        score -= 0.3;
        notes.push("narration: opens with a date");
    }
    // A question raises an issue and a clause ending in a colon introduces what follows (a
    // quote, a list): neither asserts anything itself.
    if tokens.text.trim_end().ends_with(['?', ':']) {
        score = 0.0;
    }
    Assessment {
        score: score.clamp(0.0, 1.0),
        cues,
        notes,
    }
}

/// "more than 400 boats" and "15% more than last year" count, they do not compare.
fn before_number(tokens: &Tokens, cue: &Cue) -> bool {
    let is_number = |k: usize| tokens.word(k).starts_with(|c: char| c.is_ascii_digit());
    let next = cue.word + cue.length;
    (next < tokens.len() && is_number(next))
        || (cue.word.saturating_sub(2)..cue.word).any(is_number)
}

/// Words after "right" that make it an intensifier of time or place ("right now", "right
/// away"), not a judgement.
const RIGHT_INTENSIFIED: &[&str] = &["now", "away", "here", "there", "then", "after", "before"];

/// A cue word used in another sense: "right" in "right now" says when, not that something is
/// correct; "May" next to a number is the month ("10 May 2016", "May 6, 2003"), not a hedge.
fn is_not_a_cue_here(tokens: &Tokens, cue: &Cue) -> bool {
    let next = cue.word + cue.length;
    let is_number =
        |k: usize| k < tokens.len() && tokens.word(k).starts_with(|c: char| c.is_ascii_digit());
    match tokens.lower(cue.word) {
        "right" if cue.length == 1 => {
            next < tokens.len() && RIGHT_INTENSIFIED.contains(&tokens.lower(next))
        }
        "may" if cue.length == 1 => {
            tokens.is_capitalised(cue.word)
                && (is_number(next) || (cue.word > 0 && is_number(cue.word - 1)))
        }
        _ => false,
    }
}

/// Whether the clause opens by dating an event ("On March 3, …", "Last week, …", "In 2019, …").
fn opens_with_date(tokens: &Tokens) -> bool {
    let first = (0..tokens.len().min(3)).find(|&k| {
        let ambiguous = matches!(tokens.lower(k), "may" | "march");
        DATE_OPENERS.contains(tokens.lower(k)) && (!ambiguous || tokens.is_capitalised(k))
            || tokens.word(k).starts_with(|c: char| c.is_ascii_digit())
    });
    let ago = (1..tokens.len().min(5)).any(|k| tokens.lower(k) == "ago");
    ago || match first {
        Some(0) => tokens.lower(0) != "this",
        Some(_) => matches!(
            tokens.lower(0),
            "on" | "in" | "at" | "by" | "since" | "until"
        ),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(text: &str) -> f32 {
        assess(&Tokens::new(text), 0, Placement::default()).score
    }

    #[test]
    fn judgements_predictions_and_comparisons_are_claims() {
        // The writer's own evaluation, forecast or comparison is arguable.
        assert!(score("The levy is a grim mistake.") >= THRESHOLD);
        assert!(score("Such a port would likely draw traffic away from the coast.") >= THRESHOLD);
        assert!(score("Buses carry more riders than trams.") >= THRESHOLD);
        assert!(score("The central paradox is a strong state with weak towns.") >= THRESHOLD);
    }

    #[test]
    fn plain_narration_is_not_a_claim() {
        // Events, dates and counts are reported, not argued.
        assert!(score("The mayor opened the bridge.") < THRESHOLD);
        assert!(score("On March 3, the council met and voted.") < THRESHOLD);
        assert!(score("More than 400 boats left the harbour.") < THRESHOLD);
        assert!(score("A decade ago, a boat could land three tonnes.") < THRESHOLD);
        assert!(score("Fuel costs 15% more than it did.") < THRESHOLD);
        assert!(score("At dawn the boats came in lighter than before.") < THRESHOLD);
    }

    #[test]
    fn negation_defines_or_narrates() {
        // "X is not a Y" defines by contrast; "Osei is not waiting" narrates, unless the
        // sentence argues back with "But".
        assert!(score("A fleet is not a strategy.") >= THRESHOLD);
        assert!(score("Osei is not waiting for the ministry.") < THRESHOLD);
        assert!(score("But concrete is not governance.") >= THRESHOLD);
    }

    #[test]
    fn questions_are_not_claims() {
        // A question raises an issue; it asserts nothing.
        assert_eq!(score("Would a better levy work?"), 0.0);
    }

    #[test]
    fn introductions_ending_in_a_colon_are_not_claims() {
        // "Her report put the problem this way:" hands over to a quote; the quote is the
        // speaker's and the introduction asserts nothing of the writer's.
        assert_eq!(score("Her report put the grave problem this way:"), 0.0);
    }

    #[test]
    fn the_standfirst_counts_as_thesis() {
        // The standfirst states what the piece argues, even without cue words.
        let tokens = Tokens::new("Towns are running the grid now.");
        let placed = Placement {
            standfirst: true,
            lede: false,
        };
        assert!(assess(&tokens, 0, placed).score >= THRESHOLD);
    }

    #[test]
    fn cues_in_a_concession_do_not_count() {
        // Only what follows "While X, …" is asserted.
        let tokens = Tokens::new("While the old levy was grim, farmers planted.");
        assert!(assess(&tokens, 6, Placement::default()).score < THRESHOLD);
    }

    #[test]
    fn cue_words_in_another_sense_do_not_count() {
        // "Right now" says when and "May" beside a number is the month: neither judges nor
        // hedges, so a short sentence carrying only them is not a claim. The same words in
        // their cue sense still count.
        assert!(score("Right now, nobody is required to.") < THRESHOLD);
        assert!(score("The rules were fixed on 10 May 2016.") < THRESHOLD);
        assert!(score("The rules changed in May 2016.") < THRESHOLD);
        assert!(score("The council was right about the levy.") >= THRESHOLD);
        assert!(score("The levy may fail within a year.") >= THRESHOLD);
        assert!(score("The levy may fail by May 2017.") >= THRESHOLD);
    }
}
