//! Who is speaking: person names found as runs of capitalised words, titles and ranks stripped,
//! and short mentions ("Lt. Gen. Okoro", "Dr. Okafor") resolved to the fullest name the article
//! uses for the same person.

use crate::ingest::dates::{MONTH_NAMES, WEEKDAY_NAMES};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use super::lexicon::Lexicon;
use super::words::Tokens;
use crate::document::Document;

/// Titles, ranks and roles written before a name; stripped from speakers.
static TITLES: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "sen",
        "senator",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "gov",
        "governor",
        "gen",
        "general",
        "lt",
        "lieutenant",
        "col",
        "colonel",
        "maj",
        "major",
        "capt",
        "captain",
        "cmdr",
        "commander",
        "adm",
        "admiral",
        "sgt",
        "sergeant",
        "cpl",
        "corporal",
        "brig",
        "brigadier",
        "marshal",
        "pres",
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "chancellor",
        "ambassador",
        "judge",
        "justice",
        "chief",
        "rev",
        "reverend",
        "fr",
        "father",
        "sir",
        "dame",
        "lord",
        "lady",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "mayor",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "cfo",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "inspector",
        "detective",
        "deputy",
        "former",
        "retd",
        "ret",
        "dean",
        "coach",
        "councillor",
        "councilman",
        "councilwoman",
        "attorney",
        "commissioner",
        "superintendent",
        "rabbi",
        "imam",
        "pope",
        "bishop",
        "cardinal",
        "st",
        "speaker",
        "leader",
        "premier",
        "founder",
        "economist",
        "analyst",
        "author",
        "editor",
    ])
});

/// Capitalised words that open sentences or clauses and are never part of a name.
static NOT_NAMES: LazyLock<Lexicon> = LazyLock::new(|| {
    let own: &[&'static str] = &[
        "a",
        "an",
        "the",
        "as",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "to",
        "of",
        "but",
        "and",
        "or",
        "nor",
        "so",
        "yet",
        "while",
        "when",
        "whereas",
        "although",
        "though",
        "if",
        "because",
        "since",
        "after",
        "before",
        "during",
        "until",
        "unless",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "there",
        "here",
        "then",
        "now",
        "still",
        "however",
        "meanwhile",
        "according",
        "also",
        "even",
        "only",
        "indeed",
        "instead",
        "moreover",
        "last",
        "earlier",
        "later",
        "today",
        "yesterday",
        "tomorrow",
        "what",
        "who",
        "why",
        "how",
        "where",
        "which",
        "some",
        "many",
        "most",
        "all",
        "both",
        "each",
        "every",
        "no",
        "not",
        "one",
        "two",
        "three",
        "asked",
        "said",
        "says",
        "speaking",
        "writing",
        "like",
        "unlike",
        "despite",
        "given",
        "under",
        "over",
        "among",
        "between",
        "through",
        "about",
        "mr",
        "jr",
        "sr",
        "is",
        "are",
        "was",
        "were",
        "be",
        "has",
        "have",
        "had",
        "will",
        "can",
        "could",
        "would",
        "should",
        "must",
        "may",
        "does",
        "did",
        "do",
    ];
    Lexicon::new(&[&MONTH_NAMES[..], &WEEKDAY_NAMES[..], own].concat())
});

/// Lower-case particles that may sit inside a name ("Ludwig van Beethoven").
static NAME_PARTICLES: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "de", "da", "di", "del", "della", "der", "den", "van", "von", "bin", "bint", "ibn", "al",
        "el", "la", "le", "du", "dos", "das",
    ])
});

/// Generational suffixes dropped from the end of a name.
static SUFFIXES: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(&["jr", "sr", "ii", "iii", "iv", "retd", "ret"]));

/// Words that mark a name as an organisation's or a place's rather than a person's.
static NOT_PERSONS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "union",
        "university",
        "institute",
        "center",
        "centre",
        "council",
        "ministry",
        "department",
        "agency",
        "committee",
        "commission",
        "forum",
        "bank",
        "company",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "group",
        "party",
        "army",
        "forces",
        "force",
        "court",
        "parliament",
        "congress",
        "senate",
        "office",
        "association",
        "foundation",
        "fund",
        "network",
        "organization",
        "organisation",
        "coalition",
        "alliance",
        "league",
        "school",
        "college",
        "hospital",
        "times",
        "post",
        "news",
        "states",
        "republic",
        "kingdom",
        "nations",
        "islands",
        "sea",
        "ocean",
        "river",
        "valley",
        "city",
        "county",
        "province",
        "region",
        "authority",
        "board",
        "service",
        "services",
        "administration",
        "house",
        "street",
        "review",
        "report",
        "project",
        "program",
        "programme",
        "initiative",
        "act",
        "bill",
        "treaty",
        "deal",
        "accord",
        "express",
        "airlines",
        "guard",
        "navy",
        "police",
    ])
});

/// Third-person pronouns that refer back to the last named speaker.
static PRONOUNS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&["he", "she", "they"]));

/// Whether `word` (any case) is a third-person subject pronoun.
pub fn is_pronoun(word: &str) -> bool {
    PRONOUNS.contains(&word.to_ascii_lowercase())
}

/// Whether `word` (lower case) is a title, rank or role written before names.
pub fn is_title(word: &str) -> bool {
    TITLES.contains(word)
}

/// Whether words `a` and `b` (`b = a + 1`) are joined the way words of one name are: by
/// spaces only, or by a full stop after an abbreviated title or an initial ("Lt. Gen.", "J. R.").
fn joined_in_name(tokens: &Tokens, a: usize, b: usize) -> bool {
    let gap = tokens.gap_before(b);
    if gap.chars().all(char::is_whitespace) && !gap.contains('\n') {
        return true;
    }
    let word = tokens.word(a);
    let abbreviated = word.chars().count() == 1 || (is_title(tokens.lower(a)) && word.len() <= 5);
    abbreviated
        && gap.starts_with('.')
        && gap[1..].chars().all(char::is_whitespace)
        && gap.len() > 1
}

/// Runs of capitalised words that look like names, as word-index ranges, with leading function
/// words, titles and ranks, and trailing suffixes removed.
pub fn name_runs(tokens: &Tokens) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !tokens.is_capitalised(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < tokens.len() && joined_in_name(tokens, end - 1, end) {
            if tokens.is_capitalised(end) && !NOT_NAMES.contains(tokens.lower(end)) {
                end += 1;
            } else if NAME_PARTICLES.contains(tokens.lower(end))
                && end + 1 < tokens.len()
                && tokens.is_capitalised(end + 1)
                && joined_in_name(tokens, end, end + 1)
            {
                end += 2;
            } else {
                break;
            }
        }
        i = end;
        if let Some(run) = strip_run(tokens, start..end) {
            runs.push(run);
        }
    }
    runs
}

/// Removes function words, titles and suffixes from a run; `None` when nothing name-like is left.
fn strip_run(tokens: &Tokens, run: Range<usize>) -> Option<Range<usize>> {
    let mut start = run.start;
    let mut end = run.end;
    while start < end && NOT_NAMES.contains(tokens.lower(start)) {
        start += 1;
    }
    while end > start && SUFFIXES.contains(tokens.lower(end - 1)) {
        end -= 1;
    }
    if let Some(last_title) = (start..end).rev().find(|&k| is_title(tokens.lower(k)))
        && last_title + 1 < end
    {
        start = last_title + 1;
    }
    let all_titles = (start..end).all(|k| is_title(tokens.lower(k)));
    (start < end && !all_titles).then_some(start..end)
}

/// Whether only titles, capitalised words (a demonym, a rank) and sentence openers stand
/// between the start of word `start`'s sentence and the word.
fn opens_sentence(tokens: &Tokens, start: usize) -> bool {
    let mut k = start;
    while k > 0 {
        let gap = tokens.gap_before(k);
        let previous = k - 1;
        let ends_sentence = gap
            .trim_start()
            .starts_with(['.', '!', '?', ':', '"', '“', '”', '‘'])
            && !(gap.starts_with('.') && joined_in_name(tokens, previous, k));
        if ends_sentence {
            return true;
        }
        let lower = tokens.lower(previous);
        let allowed =
            is_title(lower) || tokens.is_capitalised(previous) || NOT_NAMES.contains(lower);
        if !allowed || gap.contains(',') {
            return false;
        }
        k = previous;
    }
    true
}

/// Function words that cannot follow a subject as its verb.
static NOT_VERBS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "of", "in", "at", "on", "for", "from", "to", "and", "or", "with", "by", "the", "a", "an",
        "who", "which", "that", "whose", "as", "s",
    ])
});

/// Whether the word after a name (index `next`) is a comma or full stop, or a lower-case word
/// that can be a verb — not a noun the name modifies as an adjective ("West African catches"
/// is ruled out only by that noun being missing from this test, so nouns count as verbs here
/// only after a comma).
fn followed_by_verb_or_comma(tokens: &Tokens, next: usize) -> bool {
    if next >= tokens.len() {
        return tokens.text[tokens.span(next - 1).end..]
            .trim_start()
            .starts_with(['.', ',']);
    }
    let gap = tokens.gap_before(next);
    if gap.trim_start().starts_with([',', '.', ';']) {
        return true;
    }
    gap.chars().all(char::is_whitespace)
        && !tokens.is_capitalised(next)
        && !NOT_VERBS.contains(tokens.lower(next))
}

/// The text of a run of words, from the first word's start to the last word's end.
pub fn run_text<'a>(tokens: &Tokens<'a>, run: &Range<usize>) -> &'a str {
    &tokens.text[tokens.span(run.start).start..tokens.span(run.end - 1).end]
}

/// The fullest form of each surname used in an article, for resolving short mentions.
#[derive(Debug, Default)]
pub struct NameIndex {
    by_surname: HashMap<String, (String, usize)>,
}

impl NameIndex {
    /// Collects the names used in the document's non-boilerplate blocks.
    pub fn build(document: &Document) -> Self {
        let mut index = NameIndex::default();
        for block in document.blocks.iter().filter(|b| !b.is_boilerplate()) {
            index.add_text(document.slice(&block.span));
        }
        index
    }

    /// Adds the names found in `text`.
    pub fn add_text(&mut self, text: &str) {
        let tokens = Tokens::new(text);
        for run in name_runs(&tokens) {
            let length = run.len();
            if length < 2 {
                continue;
            }
            let surname = tokens.lower(run.end - 1).to_owned();
            let name = run_text(&tokens, &run);
            let entry = self
                .by_surname
                .entry(surname)
                .or_insert_with(|| (name.to_owned(), length));
            if length > entry.1 {
                *entry = (name.to_owned(), length);
            }
        }
    }

    /// The last person in `text` that a pronoun could refer back to: a name resolved to two
    /// words or more, without a word marking an organisation or a place, that is the subject of
    /// its sentence or clause ("Dr. Ada Osei, head of…, said", "…, Osei was cautious") or an
    /// appositive set off by commas ("a nurse, Ada Osei, said").
    pub fn last_person(&self, text: &str) -> Option<String> {
        let tokens = Tokens::new(text);
        name_runs(&tokens).iter().rev().find_map(|run| {
            let placed = opens_sentence(&tokens, run.start)
                || (run.start > 0
                    && tokens.gap_before(run.start).trim_end().ends_with(',')
                    && followed_by_verb_or_comma(&tokens, run.end));
            if !placed {
                return None;
            }
            let name = self.resolve(run_text(&tokens, run));
            let name_tokens = Tokens::new(&name);
            let person = name_tokens.len() >= 2
                && (0..name_tokens.len()).all(|k| !NOT_PERSONS.contains(name_tokens.lower(k)));
            person.then_some(name)
        })
    }

    /// The fullest known form of `name` (itself when none is fuller).
    pub fn resolve(&self, name: &str) -> String {
        let tokens = Tokens::new(name);
        if tokens.is_empty() {
            return name.to_owned();
        }
        let surname = tokens.lower(tokens.len() - 1);
        match self.by_surname.get(surname) {
            Some((full, length)) if *length > tokens.len() => {
                let full_tokens = Tokens::new(full);
                let offset = full_tokens.len() - tokens.len();
                let same_ending =
                    (0..tokens.len()).all(|k| full_tokens.lower(offset + k) == tokens.lower(k));
                if same_ending {
                    full.clone()
                } else {
                    name.to_owned()
                }
            }
            _ => name.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<String> {
        let tokens = Tokens::new(text);
        name_runs(&tokens)
            .iter()
            .map(|run| run_text(&tokens, run).to_owned())
            .collect()
    }

    #[test]
    fn titles_and_ranks_are_stripped_from_names() {
        // A speaker is a person, not their rank: "Lt. Gen. Okoro" is Okoro.
        assert_eq!(runs("said Lt. Gen. Okoro."), ["Okoro"]);
        assert_eq!(runs("Sen. Maria Vance and Dr. Lee"), ["Maria Vance", "Lee"]);
        assert_eq!(
            runs("As Ghanaian lieutenant general Kofi Okoro (Retd) noted"),
            ["Ghanaian", "Kofi Okoro"]
        );
    }

    #[test]
    fn sentence_openers_and_particles_are_handled() {
        // A capitalised first word of a sentence is not part of the name after it, while
        // particles inside a name are.
        assert_eq!(
            runs("The Ludwig van Beethoven house"),
            ["Ludwig van Beethoven"]
        );
        assert_eq!(runs("But Smith disagreed."), ["Smith"]);
        assert_eq!(runs("Martin Luther King Jr. spoke"), ["Martin Luther King"]);
        // Title-case headlines must not fuse words into a false name.
        assert_eq!(runs("Why the Crisis Is Ours"), ["Crisis", "Ours"]);
    }

    #[test]
    fn short_mentions_resolve_to_the_fullest_name() {
        // Articles introduce a person in full once, then use surname and rank.
        let mut index = NameIndex::default();
        index.add_text("Retired colonel Ana María Ruiz spoke. Later Ruiz left. Then Tom Ruiz.");
        assert_eq!(index.resolve("Ruiz"), "Ana María Ruiz");
        assert_eq!(index.resolve("Ana María Ruiz"), "Ana María Ruiz");
        assert_eq!(index.resolve("Pedro Ruiz"), "Pedro Ruiz");
        assert_eq!(index.resolve("Nobody"), "Nobody");
    }

    #[test]
    fn the_last_person_named_skips_places_and_unknown_single_words() {
        // "She" after "Nadia Petrov runs the clinic in the United States" is Nadia Petrov.
        let mut index = NameIndex::default();
        index.add_text("Nadia Petrov runs the clinic.");
        index.add_text("The Harbour Fishers Union met.");
        assert_eq!(
            index
                .last_person("Petrov runs the clinic in the United States and Lagos.")
                .as_deref(),
            Some("Nadia Petrov")
        );
        assert_eq!(index.last_person("Lagos is hot."), None);
        assert_eq!(
            index.last_person("Harbour Fishers Union members left."),
            None
        );
        // After an introductory clause, the name before the verb is the subject.
        assert_eq!(
            index
                .last_person("Asked about Lagos, Petrov was cautious.")
                .as_deref(),
            Some("Nadia Petrov")
        );
        // An appositive name after a role.
        assert_eq!(
            index
                .last_person("I asked a nurse, Nadia Petrov, why.")
                .as_deref(),
            Some("Nadia Petrov")
        );
        assert_eq!(
            index
                .last_person("Dr. Nadia Petrov, head of the Harbour Fishers Union, spoke.")
                .as_deref(),
            Some("Nadia Petrov")
        );
    }

    #[test]
    fn pronouns_are_recognised() {
        // "he said" must point back to the last named speaker.
        assert!(is_pronoun("She"));
        assert!(!is_pronoun("Shea"));
    }
}
