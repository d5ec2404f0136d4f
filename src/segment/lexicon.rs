//! The word lists segmentation rules consult: abbreviations by how they behave before a
//! following word, common sentence starters, and verbs of speech used in attributions.

/// How the word before a full stop behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    /// An abbreviation that never ends a sentence in practice: titles written before a name
    /// (`Dr.`, `Lt.`, `Gen.`) and Latin connectives (`e.g.`, `i.e.`, `vs.`, `cf.`).
    NeverEnds,
    /// An abbreviation written before a number (`No. 5`, `Vol. 2`, `Fig. 3`): a following
    /// number continues the sentence, a following capitalised word starts a new one.
    NumberPrefix,
    /// An abbreviation that may end a sentence (`U.S.`, `Inc.`, `etc.`, `Jan.`, `p.m.`): a
    /// following lowercase word or number continues; a capitalised word starts a new sentence
    /// only if it is a common sentence starter.
    MayEnd,
    /// A single capital letter: an initial (`John F. Kennedy`), treated like [`MayEnd`].
    ///
    /// [`MayEnd`]: WordClass::MayEnd
    Initial,
    /// A list marker opening the sentence (`1.`, `iv.`, `b.`): never a sentence by itself.
    ListMarker,
    /// An ordinary word: the full stop ends the sentence.
    Word,
}

/// A word of up to [`KEY_BYTES`] bytes packed big-endian into an integer, so that integer
/// order is byte order: lists of keys are binary-searched with no string comparisons.
type Key = u128;

/// The longest word a [`Key`] holds.
const KEY_BYTES: usize = 16;

/// The key of a listed word (at compile time; longer words fail the build).
const fn key(word: &str) -> Key {
    let bytes = word.as_bytes();
    assert!(bytes.len() <= KEY_BYTES, "a listed word fits in a key");
    let mut key = 0;
    let mut index = 0;
    while index < bytes.len() {
        key |= (bytes[index] as Key) << (8 * (KEY_BYTES - 1 - index));
        index += 1;
    }
    key
}

/// The keys of a list of words, in the order written.
macro_rules! keys {
    ($($word:literal),* $(,)?) => {
        &[$(key($word)),*]
    };
}

/// Titles written before a name, matched case-sensitively. Every list here is sorted (in byte
/// order) for binary search; the case-insensitive ones are written in lowercase.
const TITLES: &[Key] = keys![
    "Adm", "Amb", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Cpl", "Cpt", "Dr", "Drs", "Fr", "Gen",
    "Gens", "Gov", "Govs", "Hon", "Insp", "Lt", "Maj", "Messrs", "Mlle", "Mme", "Mr", "Mrs", "Ms",
    "Msgr", "Mx", "Pres", "Prof", "Pvt", "Rep", "Reps", "Rev", "Sen", "Sens", "Sgt", "Supt",
];

/// Connectives that never end a sentence, matched case-insensitively.
const CONNECTIVES: &[Key] = keys![
    "approx", "c.f", "ca", "cf", "e.g", "eg", "i.e", "ie", "incl", "v", "viz", "vs",
];

/// Abbreviations written before a number, matched case-insensitively.
const NUMBER_PREFIXES: &[Key] = keys![
    "art", "arts", "ch", "chap", "fig", "figs", "no", "nos", "nr", "op", "p", "para", "pp", "sec",
    "vol", "vols",
];

/// Abbreviations that may end a sentence, matched case-insensitively.
const MAY_END: &[Key] = keys![
    "al", "apr", "assn", "aug", "ave", "blvd", "bros", "co", "corp", "dec", "dept", "esq", "est",
    "etc", "feb", "fri", "ft", "govt", "inc", "intl", "jan", "jr", "jul", "jun", "llc", "ltd",
    "mar", "misc", "mon", "mt", "natl", "nov", "oct", "ph.d", "plc", "rd", "retd", "sep", "sept",
    "sr", "st", "thu", "thur", "thurs", "tue", "tues", "univ",
];

/// Capitalised words that commonly open a sentence: after an abbreviation that may end a
/// sentence, one of these signals that it did.
const SENTENCE_STARTERS: &[Key] = keys![
    "A",
    "According",
    "After",
    "Again",
    "All",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Are",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Can",
    "Could",
    "Despite",
    "Did",
    "Do",
    "Does",
    "During",
    "Each",
    "Earlier",
    "Even",
    "Every",
    "Few",
    "Finally",
    "First",
    "For",
    "From",
    "Furthermore",
    "Had",
    "Has",
    "Have",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Indeed",
    "Instead",
    "Is",
    "It",
    "Its",
    "Last",
    "Later",
    "Let",
    "Many",
    "Meanwhile",
    "Moreover",
    "Most",
    "Much",
    "My",
    "Nevertheless",
    "Next",
    "No",
    "Nor",
    "Not",
    "Now",
    "Of",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Other",
    "Others",
    "Our",
    "Over",
    "Perhaps",
    "Second",
    "Several",
    "She",
    "Should",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Today",
    "Under",
    "Unlike",
    "Until",
    "We",
    "Were",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Without",
    "Would",
    "Yet",
    "You",
    "Your",
];

/// Verbs of speech that, after a capitalised name, mark an attribution (`“Why?” Khan asked.`).
const SPEECH_VERBS: &[Key] = keys![
    "acknowledged",
    "added",
    "adds",
    "agreed",
    "answered",
    "argued",
    "argues",
    "asked",
    "asks",
    "conceded",
    "concluded",
    "continued",
    "countered",
    "cried",
    "declared",
    "demanded",
    "exclaimed",
    "explained",
    "explains",
    "insisted",
    "insists",
    "joked",
    "noted",
    "notes",
    "posted",
    "quipped",
    "recalled",
    "recalls",
    "replied",
    "replies",
    "responded",
    "said",
    "says",
    "shouted",
    "stated",
    "told",
    "tweeted",
    "warned",
    "warns",
    "whispered",
    "wondered",
    "writes",
    "wrote",
    "yelled",
];

/// Classifies `word`, the text just before a full stop (stripped of surrounding punctuation),
/// given whether it opens its sentence.
pub fn classify(word: &str, opens_sentence: bool) -> WordClass {
    if opens_sentence && is_list_marker(word) {
        return WordClass::ListMarker;
    }
    if let Some(exact) = key_of(word) {
        let lower = lowercase(exact);
        if TITLES.binary_search(&exact).is_ok() || CONNECTIVES.binary_search(&lower).is_ok() {
            return WordClass::NeverEnds;
        }
        if NUMBER_PREFIXES.binary_search(&lower).is_ok() {
            return WordClass::NumberPrefix;
        }
        if MAY_END.binary_search(&lower).is_ok() {
            return WordClass::MayEnd;
        }
    }
    if is_dotted_abbreviation(word) {
        return WordClass::MayEnd;
    }
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(first), None) if first.is_uppercase() => WordClass::Initial,
        _ => WordClass::Word,
    }
}

/// Whether `word` commonly opens a sentence.
pub fn is_sentence_starter(word: &str) -> bool {
    key_of(word).is_some_and(|key| SENTENCE_STARTERS.binary_search(&key).is_ok())
}

/// Whether `word` is a verb of speech used in attributions.
pub fn is_speech_verb(word: &str) -> bool {
    key_of(word).is_some_and(|key| SPEECH_VERBS.binary_search(&key).is_ok())
}

/// The key of `word`, if it is short enough to be listed.
fn key_of(word: &str) -> Option<Key> {
    let mut bytes = [0; KEY_BYTES];
    bytes
        .get_mut(..word.len())?
        .copy_from_slice(word.as_bytes());
    Some(Key::from_be_bytes(bytes))
}

/// `key` with its ASCII letters lowercased.
fn lowercase(key: Key) -> Key {
    let mut bytes = key.to_be_bytes();
    bytes.make_ascii_lowercase();
    Key::from_be_bytes(bytes)
}

/// Letters separated by full stops, one or two letters each: `U.S`, `e.g`, `a.m`, `D.C`.
fn is_dotted_abbreviation(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        })
}

/// One to three digits, a single letter, or a Roman numeral up to a few letters long.
fn is_list_marker(word: &str) -> bool {
    let digits = (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit());
    let letter = word.len() == 1 && word.bytes().all(|b| b.is_ascii_alphabetic());
    let roman = (1..=4).contains(&word.len())
        && (word.bytes().all(|b| b"ivx".contains(&b)) || word.bytes().all(|b| b"IVX".contains(&b)));
    digits || letter || roman
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search_and_case_insensitive_ones_are_lowercase() {
        // A list out of order would make binary search miss entries silently, and an entry
        // with a capital in a case-insensitive list could never match.
        for list in [
            TITLES,
            CONNECTIVES,
            NUMBER_PREFIXES,
            MAY_END,
            SENTENCE_STARTERS,
            SPEECH_VERBS,
        ] {
            assert!(list.windows(2).all(|pair| pair[0] < pair[1]));
        }
        for list in [CONNECTIVES, NUMBER_PREFIXES, MAY_END, SPEECH_VERBS] {
            assert!(list.iter().all(|&entry| lowercase(entry) == entry));
        }
    }

    #[test]
    fn keys_match_whole_words_only() {
        // "Dr" must not match "Drs" or "Dr." and over-long words are never listed.
        assert_eq!(key_of("Dr"), Some(key("Dr")));
        assert_ne!(key_of("Drs"), Some(key("Dr")));
        assert!(is_sentence_starter("The"));
        assert!(!is_sentence_starter("Th"));
        assert!(!is_sentence_starter("Theeeeeeeeeeeeeeeeeeeeee"));
        assert_eq!(classify("INC", false), WordClass::MayEnd);
    }

    #[test]
    fn titles_are_case_sensitive_so_ordinary_words_are_not_titles() {
        // "Gen." before a name is a title; "gen" is not, and must not glue sentences.
        assert_eq!(classify("Gen", false), WordClass::NeverEnds);
        assert_eq!(classify("gen", false), WordClass::Word);
    }

    #[test]
    fn dotted_letter_runs_are_abbreviations_but_domains_and_decimals_are_not() {
        // U.S., a.m. and D.C. are abbreviations; a domain or an amount that ends a sentence is not.
        assert_eq!(classify("U.S", false), WordClass::MayEnd);
        assert_eq!(classify("a.m", false), WordClass::MayEnd);
        assert_eq!(classify("example.com", false), WordClass::Word);
        assert_eq!(classify("1.2bn", false), WordClass::Word);
    }

    #[test]
    fn list_markers_count_only_when_they_open_the_sentence() {
        // "1." opening a list item is a marker; "in 2021." ends a sentence.
        assert_eq!(classify("1", true), WordClass::ListMarker);
        assert_eq!(classify("iv", true), WordClass::ListMarker);
        assert_eq!(classify("1", false), WordClass::Word);
        assert_eq!(classify("2021", true), WordClass::Word);
    }

    #[test]
    fn single_capitals_are_initials_and_numbers_take_number_prefixes() {
        // "John F. Kennedy" must not split at "F."; "No. 5" must not split at "No.".
        assert_eq!(classify("F", false), WordClass::Initial);
        assert_eq!(classify("No", false), WordClass::NumberPrefix);
        assert_eq!(classify("etc", false), WordClass::MayEnd);
    }
}
