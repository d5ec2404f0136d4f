//! Recommendations: clauses that advise a course of action, and who should act.
//!
//! Cues: deontic modals ("should", "must", "ought to", "need to", "it is time", "cannot afford
//! to"), advisory verbs ("urge", "recommend", "call on", "propose"), "X can/could <act>" when X
//! is an actor and the verb a policy action, a proposal ("A better approach would involve…"),
//! "the case for X to <act>", and imperatives opening a sentence.

use std::sync::LazyLock;

use super::cues::{Cue, CueKind, find_all_kinds};
use super::frames;
use super::lexicon::{Lexicon, PhraseSet};
use super::words::Tokens;

/// Deontic modals and set phrases of advice.
const DEONTIC: &[&str] = &[
    "should",
    "must",
    "ought to",
    "need to",
    "needs to",
    "it is time",
    "it s time",
    "it is high time",
    "cannot afford to",
    "can t afford to",
    "would be wise to",
    "would do well to",
    "had better",
    "it is essential",
    "it is vital",
    "it is imperative",
    "it is crucial",
    "is essential that",
    "is imperative that",
];

/// Verbs that advise someone else to act.
const ADVISORY: &[&str] = &[
    "urge",
    "urges",
    "urged",
    "recommend",
    "recommends",
    "recommended",
    "call on",
    "calls on",
    "called on",
    "call for",
    "calls for",
    "called for",
    "propose",
    "proposes",
    "proposed",
    "advise",
    "advises",
    "advised",
    "we suggest",
    "i suggest",
];

/// Nouns for those who can act on policy.
static ACTORS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "government",
        "governments",
        "policymakers",
        "lawmakers",
        "legislators",
        "regulators",
        "congress",
        "parliament",
        "administration",
        "officials",
        "authorities",
        "leaders",
        "donors",
        "states",
        "countries",
        "nations",
        "allies",
        "partners",
        "ministries",
        "agencies",
        "companies",
        "firms",
        "employers",
        "cities",
        "councils",
        "towns",
        "utilities",
        "insurers",
        "we",
        "voters",
        "citizens",
        "residents",
        "schools",
        "universities",
        "banks",
        "investors",
        "legislature",
        "ministers",
        "commission",
        "council",
        "agency",
        "ministry",
        "department",
        "court",
        "courts",
        "union",
        "bloc",
    ])
});

/// Nouns that name a proposal ("One option would be…", "A novel approach could involve…").
static PROPOSALS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "approach",
        "model",
        "option",
        "solution",
        "answer",
        "alternative",
        "strategy",
        "step",
        "policy",
        "plan",
        "remedy",
        "fix",
        "response",
        "path",
        "priority",
        "idea",
        "framework",
        "measure",
        "reform",
        "proposal",
        "way",
    ])
});

/// Verbs of policy action, for "X can <act>".
static POLICY_VERBS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "support",
        "assist",
        "help",
        "invest",
        "fund",
        "finance",
        "work",
        "engage",
        "cooperate",
        "partner",
        "strengthen",
        "expand",
        "build",
        "establish",
        "create",
        "adopt",
        "introduce",
        "pursue",
        "promote",
        "encourage",
        "offer",
        "provide",
        "push",
        "press",
        "lead",
        "use",
        "leverage",
        "replicate",
        "tighten",
        "ease",
        "reform",
        "require",
        "ban",
        "restrict",
        "impose",
        "lift",
        "increase",
        "reduce",
        "cut",
        "raise",
        "boost",
        "prioritise",
        "prioritize",
        "consider",
        "start",
        "begin",
        "take",
        "set",
        "learn",
        "coordinate",
        "share",
        "develop",
        "deploy",
        "improve",
        "ensure",
        "protect",
        "address",
        "tackle",
        "counter",
        "sanction",
        "negotiate",
        "seek",
        "allow",
        "give",
        "spend",
        "redirect",
        "focus",
        "commit",
        "join",
        "back",
        "involve",
        "extend",
        "pool",
        "publish",
        "enforce",
        "regulate",
        "subsidise",
        "subsidize",
        "tax",
        "cap",
        "train",
        "hire",
        "open",
        "close",
        "step",
        "make",
        "act",
        "do",
    ])
});

/// Nouns that introduce a reason for someone to act ("the case for X to act").
const RATIONALES: &[&str] = &["rationale for", "case for", "argument for", "reason for"];

/// Verbs that open imperative sentences of advice.
static IMPERATIVES: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "check", "learn", "keep", "call", "cap", "give", "bring", "tie", "stop", "start", "make",
        "let", "consider", "ask", "support", "fund", "vote", "write", "join", "demand", "remember",
        "read", "take", "tell", "don", "invest", "protect", "treat", "build", "end", "ban",
        "require", "put", "imagine", "think", "stay", "drink", "avoid", "register", "contact",
        "sign", "donate", "act", "talk", "listen", "look", "find", "help", "use", "plan",
        "prepare", "insist", "refuse", "reject",
    ])
});

/// Words after which a sentence-initial verb is a noun, not an imperative ("Support for…").
static NOT_AFTER_IMPERATIVE: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "of", "for", "is", "are", "was", "were", "has", "had", "s", "will", "would", "can",
        "could", "may", "might", "and", "or",
    ])
});

/// Words that cannot be an actor on their own.
static NOT_ACTORS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "it",
        "this",
        "that",
        "there",
        "more",
        "which",
        "what",
        "something",
        "nothing",
        "much",
        "these",
        "those",
        "all",
        "each",
        "one",
        "you",
    ])
});

/// Words after which the subject of a reported recommendation starts ("said lawmakers ought").
static SUBJECT_OPENERS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "that",
        "said",
        "says",
        "say",
        "argued",
        "argues",
        "argue",
        "added",
        "believe",
        "believes",
        "think",
        "thinks",
        "agree",
        "agrees",
        "insist",
        "insists",
        "warned",
        "because",
        "since",
        "whether",
        "if",
        "unless",
        "when",
        "once",
        "and",
        "but",
        "so",
        "then",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "finally",
        "instead",
        "meanwhile",
        "also",
        "recommend",
        "recommends",
    ])
});

/// The kind and weight of each cue list, in the order [`CUES`] merges them.
const KINDS: [CueKind; 3] = [
    ("modal", 0.6),
    ("advisory verb", 0.6),
    ("reason to act", 0.5),
];

/// The cue lists of advice in one table, so that each word is looked up once.
static CUES: LazyLock<PhraseSet> =
    LazyLock::new(|| PhraseSet::of_lists(&[DEONTIC, ADVISORY, RATIONALES]));

/// A recommendation found in a clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Advice {
    /// The cues that triggered it.
    pub cues: Vec<Cue>,
    /// Who should act, where named.
    pub actor: Option<String>,
}

/// Looks for advice in a clause; `from_word` skips words a concession holds, and
/// `opens_sentence` tells whether the clause starts its sentence (for imperatives).
pub fn detect(tokens: &Tokens, from_word: usize, opens_sentence: bool) -> Option<Advice> {
    if tokens.text.trim_end().ends_with('?') {
        return None;
    }
    let mut cues = Vec::new();
    let mut actor = None;
    let found = find_all_kinds(tokens, &CUES, &KINDS);
    let of_kind = |kind: usize| {
        found
            .iter()
            .filter(move |cue| cue.kind == KINDS[kind].0)
            .cloned()
    };
    for cue in of_kind(0) {
        if cue.word < from_word
            || !is_advice_modal(tokens, &cue)
            || frames::governing(tokens, cue.word, from_word).is_some()
        {
            continue;
        }
        actor = actor.or_else(|| subject_before(tokens, cue.word, from_word));
        cues.push(cue);
    }
    for cue in of_kind(1) {
        if cue.word < from_word || is_noun_use(tokens, cue.word) {
            continue;
        }
        actor = actor.or_else(|| object_after(tokens, cue.word + cue.length));
        cues.push(cue);
    }
    for cue in of_kind(2) {
        let object = cue.word + cue.length;
        if cue.word >= from_word
            && let Some(to) =
                (object..tokens.len().min(object + 6)).find(|&k| tokens.lower(k) == "to")
            && to > object
        {
            actor = actor.or_else(|| object_after(tokens, object));
            cues.push(cue);
        }
    }
    if let Some(cue) = capability(tokens, from_word) {
        actor = actor.or_else(|| subject_before(tokens, cue.word, from_word));
        cues.push(cue);
    }
    if opens_sentence && let Some(cue) = imperative(tokens) {
        cues.push(cue);
    }
    cues.sort_by_key(|cue| cue.word);
    (!cues.is_empty()).then_some(Advice { cues, actor })
}

/// Words before "calls for" or "proposal" that make it a noun ("as calls for reform grow").
static NOUN_MARKERS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "as", "the", "a", "an", "these", "those", "new", "growing", "recent", "repeated", "many",
        "and", "of", "amid", "despite", "with", "their", "its", "his", "her", "our", "louder",
        "fresh", "frequent", "public",
    ])
});

/// Whether the advisory word at `k` is used as a noun, not a verb.
fn is_noun_use(tokens: &Tokens, k: usize) -> bool {
    k > 0 && NOUN_MARKERS.contains(tokens.lower(k - 1))
}

/// Whether a deontic cue advises: not "should have" (hindsight), not "Should it rain"
/// (a condition), not a modal inside a relative clause whose verb lacks its object ("a risk
/// that we cannot afford to ignore." describes the risk, it advises nothing).
fn is_advice_modal(tokens: &Tokens, cue: &Cue) -> bool {
    let next = cue.word + cue.length;
    if next + 1 < tokens.len()
        && tokens.lower(next) == "have"
        && is_participle(tokens.lower(next + 1))
    {
        return false;
    }
    let inability = tokens.lower(cue.word) != "should"
        && tokens.matches_at(cue.word + cue.length - 2, &["afford", "to"]);
    let after_relative = (cue.word.saturating_sub(4)..cue.word)
        .any(|k| matches!(tokens.lower(k), "who" | "that" | "which"));
    if inability && after_relative {
        return false;
    }
    if cue.word == 0 && tokens.lower(0) == "should" {
        return false;
    }
    let verb_ends_clause = next + 1 >= tokens.len();
    let relative = (cue.word.saturating_sub(6)..cue.word).any(|k| {
        matches!(tokens.lower(k), "that" | "which")
            && k > 0
            && !REPORTING.contains(tokens.lower(k - 1))
    });
    !(verb_ends_clause && relative)
}

/// Verbs and adjectives after which "that" opens a reported view, not a relative clause
/// ("argues that regulators must act", unlike "a risk that we cannot afford to ignore").
static REPORTING: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "say",
        "says",
        "said",
        "argue",
        "argues",
        "argued",
        "believe",
        "believes",
        "believed",
        "think",
        "thinks",
        "thought",
        "agree",
        "agrees",
        "agreed",
        "insist",
        "insists",
        "insisted",
        "warn",
        "warns",
        "warned",
        "conclude",
        "concludes",
        "concluded",
        "recommend",
        "recommends",
        "recommended",
        "suggest",
        "suggests",
        "suggested",
        "note",
        "notes",
        "noted",
        "find",
        "finds",
        "found",
        "show",
        "shows",
        "showed",
        "stress",
        "stresses",
        "stressed",
        "maintain",
        "maintains",
        "maintained",
        "contend",
        "contends",
        "contended",
        "clear",
        "true",
        "convinced",
    ])
});

/// Irregular past participles; regular ones end in "-ed".
static PARTICIPLES: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "been", "done", "known", "seen", "made", "taken", "given", "gone", "had", "built", "kept",
        "left", "heard", "paid", "told", "thought", "found", "brought", "sent", "spent", "felt",
        "led", "met", "put", "set", "cut", "let", "read", "run", "won", "shown", "grown", "begun",
        "chosen", "spoken", "written", "acted", "stopped",
    ])
});

/// Whether `lower` is a past participle ("should have *acted*", not "should have rights").
fn is_participle(lower: &str) -> bool {
    lower.ends_with("ed") || PARTICIPLES.contains(lower)
}

/// "X can/could [also] <policy verb>" with X an actor, or a proposal noun before
/// "can/could/would/might".
fn capability(tokens: &Tokens, from_word: usize) -> Option<Cue> {
    (from_word..tokens.len()).find_map(|k| {
        let modal = tokens.lower(k);
        if !matches!(modal, "can" | "could" | "would" | "might")
            || frames::governing(tokens, k, from_word).is_some()
        {
            return None;
        }
        let mut verb = k + 1;
        if verb < tokens.len() && matches!(tokens.lower(verb), "also" | "still" | "then") {
            verb += 1;
        }
        if verb >= tokens.len() {
            return None;
        }
        let subject = from_word.max(k.saturating_sub(6))..k;
        let proposal = subject.clone().any(|s| PROPOSALS.contains(tokens.lower(s)))
            && subject.start < k
            && matches!(
                tokens.lower(subject.start),
                "a" | "an" | "the" | "one" | "another" | "this" | "such"
            );
        // "Extending the scheme would cost little": an action as subject, weighed hypothetically.
        let weighed_action = modal == "would"
            && k > from_word
            && k >= from_word + 2
            && tokens.lower(from_word).ends_with("ing")
            && tokens.lower(from_word).len() > 5;
        let proposal = proposal || weighed_action;
        let actor = matches!(modal, "can" | "could")
            && POLICY_VERBS.contains(tokens.lower(verb))
            && is_actor_subject(tokens, from_word, k);
        (proposal || actor).then_some(Cue {
            word: k,
            length: verb - k + 1,
            kind: if proposal {
                "proposal"
            } else {
                "actor can act"
            },
            weight: 0.5,
        })
    })
}

/// Whether the words before `modal` (after the last comma) name an actor: an actor noun
/// right before the modal ("regulators can"), or a short proper name ("Washington can",
/// "The European Union could").
fn is_actor_subject(tokens: &Tokens, from_word: usize, modal: usize) -> bool {
    if modal == from_word {
        return false;
    }
    if ACTORS.contains(tokens.lower(modal - 1)) {
        return true;
    }
    let start = (from_word + 1..modal)
        .rev()
        .find(|&k| tokens.gap_before(k).contains(','))
        .unwrap_or(from_word);
    let words = start..modal;
    words.len() <= 4
        && words
            .clone()
            .all(|k| tokens.is_capitalised(k) || matches!(tokens.lower(k), "the" | "of"))
        && !words.clone().any(|k| is_common(tokens, k))
        && words.clone().any(|k| tokens.is_capitalised(k))
}

/// Whether a capitalised sentence-initial word is a common word rather than a name.
fn is_common(tokens: &Tokens, k: usize) -> bool {
    NOT_ACTORS.contains(tokens.lower(k)) || PROPOSALS.contains(tokens.lower(k))
}

/// An imperative: a sentence opening with a base verb of advice ("Check on your neighbours").
fn imperative(tokens: &Tokens) -> Option<Cue> {
    let first = usize::from(!tokens.is_empty() && tokens.lower(0) == "please");
    if first >= tokens.len() || !IMPERATIVES.contains(tokens.lower(first)) {
        return None;
    }
    let next = first + 1;
    let noun_use = next < tokens.len() && NOT_AFTER_IMPERATIVE.contains(tokens.lower(next));
    let negative = tokens.lower(first) == "don" && !tokens.matches_at(first, &["don", "t"]);
    (!noun_use && !negative && next < tokens.len() && !points_to_evidence(tokens, first)).then_some(
        Cue {
            word: first,
            length: 1,
            kind: "imperative",
            weight: 0.5,
        },
    )
}

/// Verbs that, opening a sentence, turn the reader's attention rather than advise.
static ATTENTION: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(&["consider", "take", "look", "imagine", "remember", "think"]));

/// Nouns of evidence and example that an attention verb points at ("Consider the numbers.").
static EVIDENCE: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "numbers",
        "figures",
        "data",
        "evidence",
        "facts",
        "record",
        "statistics",
        "case",
        "example",
        "history",
        "map",
        "math",
        "maths",
        "arithmetic",
    ])
});

/// Whether a short sentence opening with an attention verb points at evidence or an example
/// ("Consider the numbers.", "Take the case of Oslo."): a rhetorical turn that introduces what
/// follows, not advice ("Consider a levy on empty homes." still advises).
fn points_to_evidence(tokens: &Tokens, verb: usize) -> bool {
    ATTENTION.contains(tokens.lower(verb))
        && tokens.len() <= verb + 7
        && (verb + 1..tokens.len().min(verb + 4)).any(|k| EVIDENCE.contains(tokens.lower(k)))
}

/// The subject phrase before word `at`: from after the last comma or reporting word, at most
/// eight words, or `None` for pronouns and empty phrases.
fn subject_before(tokens: &Tokens, at: usize, from_word: usize) -> Option<String> {
    let mut start = from_word;
    for k in from_word..at {
        if k > from_word && tokens.gap_before(k).contains([',', ':', '(', '—']) {
            start = k;
        }
        if SUBJECT_OPENERS.contains(tokens.lower(k)) {
            start = k + 1;
        }
    }
    phrase(tokens, start, at)
}

/// The object phrase after word `from`, up to "to", "that", a comma or eight words.
fn object_after(tokens: &Tokens, from: usize) -> Option<String> {
    let mut end = from;
    while end < tokens.len()
        && end < from + 8
        && !matches!(tokens.lower(end), "to" | "that")
        && (end == from || !tokens.gap_before(end).contains([',', '.', ';']))
    {
        end += 1;
    }
    phrase(tokens, from, end)
}

fn phrase(tokens: &Tokens, start: usize, end: usize) -> Option<String> {
    if start >= end || end - start > 8 {
        return None;
    }
    if end - start == 1 && NOT_ACTORS.contains(tokens.lower(start)) {
        return None;
    }
    Some(tokens.text[tokens.span(start).start..tokens.span(end - 1).end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn advice(text: &str) -> Option<Advice> {
        detect(&Tokens::new(text), 0, true)
    }

    fn actor(text: &str) -> Option<String> {
        advice(text).and_then(|a| a.actor)
    }

    #[test]
    fn deontic_modals_advise_and_name_their_subject() {
        // "X should/must/ought to/needs to" is the plainest form of advice.
        assert_eq!(
            actor("First, the port authority should publish its data.").as_deref(),
            Some("the port authority")
        );
        assert_eq!(
            actor("Mayors ought to share buses.").as_deref(),
            Some("Mayors")
        );
        assert!(advice("More needs to be done.").is_some());
        assert_eq!(actor("More needs to be done."), None);
        assert_eq!(
            actor("Okafor said lawmakers ought to wait.").as_deref(),
            Some("lawmakers")
        );
    }

    #[test]
    fn endorsed_views_advise_and_doubted_ones_do_not() {
        // "We believe Congress should act" is the writer's advice and Congress its actor;
        // "Not everyone is convinced that software should decide" doubts a view, and
        // "because nothing should be lost" gives a reason: neither advises anybody.
        assert_eq!(
            actor("We believe Congress should act.").as_deref(),
            Some("Congress")
        );
        assert_eq!(
            actor("The report argues that regulators must act.").as_deref(),
            Some("regulators")
        );
        assert!(advice("Not everyone is convinced that software should decide.").is_none());
        assert!(advice("The file stays, because nothing should be lost.").is_none());
        assert!(advice("She doubts that regulators must act.").is_none());
        assert!(advice("Few think that Washington can fund the patrols.").is_none());
        // A modal before the reason still advises, and names its actor.
        assert_eq!(
            actor("Ports must act because nothing should be lost.").as_deref(),
            Some("Ports")
        );
    }

    #[test]
    fn hindsight_conditions_and_relative_clauses_are_not_advice() {
        // "should have" judges the past; "Should it rain" is a condition; "a risk that we
        // cannot afford to ignore." describes the risk.
        assert!(advice("The board should have known.").is_none());
        assert!(advice("Workers should have the right to rest.").is_some());
        // "people who cannot afford to run it" describes them.
        assert!(advice("It fails the tenants who cannot afford to heat their flats.").is_none());
        assert!(advice("Should it rain, the match stops.").is_none());
        assert!(advice("Floods are a risk that farmers cannot afford to ignore.").is_none());
        // After a reporting verb "that" opens a reported view: "argues that X must act."
        assert!(advice("The panel argues that ports must act.").is_some());
        assert!(advice("Is it time to act?").is_none());
    }

    #[test]
    fn advisory_verbs_name_the_one_advised() {
        // "X urged/called on Y to act": Y is who should act.
        assert_eq!(
            actor("She called on the city council to act.").as_deref(),
            Some("the city council")
        );
        assert_eq!(
            actor("Ngata urged regulators to wait.").as_deref(),
            Some("regulators")
        );
        assert!(advice("I recommend that ports pool their data.").is_some());
        // "as calls for reform grow" uses "calls" as a noun.
        assert!(advice("Prices rose as calls for reform grew louder.").is_none());
    }

    #[test]
    fn actors_who_can_act_and_proposals() {
        // "Brussels can fund X" proposes; "Storms can damage lines" states a fact.
        assert_eq!(
            actor("Brussels can also fund the patrols.").as_deref(),
            Some("Brussels")
        );
        assert!(advice("The European Union could support the plan.").is_some());
        assert!(advice("Storms can damage the lines.").is_none());
        assert!(advice("A better approach would involve the towns.").is_some());
        assert!(advice("The storm could open new routes.").is_none());
        assert!(
            detect(
                &Tokens::new("Pooling the boats would cost little."),
                0,
                false
            )
            .is_some()
        );
    }

    #[test]
    fn reasons_for_someone_to_act() {
        // "the case for X to act" argues for an action by X.
        assert_eq!(
            actor("That gives a strong case for ministers to rethink the levy.").as_deref(),
            Some("ministers")
        );
    }

    #[test]
    fn imperatives_open_a_sentence() {
        // Op-eds address readers directly: "Check on a neighbour."
        assert!(advice("Check on an older neighbour tonight.").is_some());
        assert!(advice("Support for the levy fell.").is_none());
        assert!(detect(&Tokens::new("Check the list."), 0, false).is_none());
    }

    #[test]
    fn pointing_the_reader_at_evidence_is_not_advice() {
        // "Consider the numbers." introduces the figures that follow; it asks nothing of
        // anyone. Considering a policy is still advice.
        assert!(advice("Consider the numbers.").is_none());
        assert!(advice("Take the case of Oslo.").is_none());
        assert!(advice("Consider a levy on empty homes.").is_some());
    }
}
