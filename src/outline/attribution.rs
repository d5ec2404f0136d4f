//! Attribution of a quoted passage: the speech verb near it ("said", "noted", "according to")
//! and the phrase naming who spoke, looked for after the closing mark (“…,” she said) or before
//! the opening mark (As X noted, “…”; X called it “…”).

use std::sync::LazyLock;

use super::lexicon::Lexicon;
use super::speakers::{self, is_pronoun, name_runs, run_text};
use super::words::Tokens;

/// Verbs that introduce or follow reported speech. Forms that are also common nouns
/// ("states", "claims", "notes") are left out so "the United States said" is read right.
static SPEECH_VERBS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "say",
        "says",
        "said",
        "saying",
        "noted",
        "noting",
        "tell",
        "tells",
        "told",
        "telling",
        "warn",
        "warns",
        "warned",
        "warning",
        "argue",
        "argues",
        "argued",
        "arguing",
        "write",
        "writes",
        "wrote",
        "writing",
        "add",
        "adds",
        "added",
        "adding",
        "ask",
        "asks",
        "asked",
        "explain",
        "explains",
        "explained",
        "explaining",
        "insist",
        "insists",
        "insisted",
        "stated",
        "declare",
        "declares",
        "declared",
        "claimed",
        "reply",
        "replies",
        "replied",
        "recall",
        "recalls",
        "recalled",
        "observed",
        "remarked",
        "acknowledge",
        "acknowledges",
        "acknowledged",
        "admit",
        "admits",
        "admitted",
        "concede",
        "concedes",
        "conceded",
        "continued",
        "conclude",
        "concludes",
        "concluded",
        "emphasised",
        "emphasized",
        "stressed",
        "suggest",
        "suggests",
        "suggested",
        "predicted",
        "cautioned",
        "countered",
        "responded",
        "announced",
        "tweeted",
        "called",
        "described",
        "describes",
        "quipped",
        "complained",
        "contends",
        "contended",
        "maintains",
        "maintained",
        "testified",
        "lamented",
        "urged",
        "urges",
        "wondered",
        "whispered",
        "shouted",
        "told",
        "put",
        "puts",
        "writes",
        "recounted",
        "recounts",
        "mused",
        "agreed",
        "agrees",
        "objected",
    ])
});

/// Which side of the passage the attribution was found on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// After the closing mark: “…,” she said.
    After,
    /// Before the opening mark: She said: “…”
    Before,
}

/// Who an attribution points to, before resolution against the article's names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeakerRef {
    /// A name as written, titles stripped ("Okoro").
    Name(String),
    /// A pronoun ("he", "she", "they"): the last named speaker.
    Pronoun,
    /// A common-noun phrase ("a spokeswoman for the ministry", "officials").
    Phrase(String),
    /// A verb with no subject of its own ("…, adding that “…”"): the previous speaker.
    Previous,
}

/// An attribution found next to a quoted passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Who spoke.
    pub speaker: SpeakerRef,
    /// The speech verb, lower-cased ("said", "according to").
    pub verb: String,
    /// Where it was found.
    pub side: Side,
}

/// Whether `lower` is a speech verb.
pub fn is_speech_verb(lower: &str) -> bool {
    SPEECH_VERBS.contains(lower)
}

/// Whether the full stop that ends `before` (text up to a '.') closes an abbreviation such as
/// a title ("Gen.") or an initial ("J."), not a sentence.
pub fn ends_with_abbreviation(before: &str) -> bool {
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(before.len(), |(at, _)| at);
    let word = &before[start..];
    let length = word.chars().count();
    (length == 1 && word.chars().all(char::is_uppercase))
        || (length > 0 && length <= 5 && speakers::is_title(&word.to_ascii_lowercase()))
}

/// Byte offset where the clause starting `text` ends: at a sentence-ending stop (not an
/// abbreviation), a semicolon, a colon, a line break or another quotation mark.
pub fn clause_end(text: &str) -> usize {
    for (at, c) in text.char_indices() {
        match c {
            ';' | ':' | '!' | '?' | '\n' | '“' | '”' | '"' | '«' | '»' => return at,
            '.' if !ends_with_abbreviation(&text[..at]) => return at,
            _ => {}
        }
    }
    text.len()
}

/// Byte offset where the sentence holding offset `upto` starts, not before `floor`.
pub fn sentence_start(text: &str, floor: usize, upto: usize) -> usize {
    let region = &text[floor..upto];
    let mut start = floor;
    let mut chars = region.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next_is_space = chars.peek().is_some_and(|&(_, n)| n.is_whitespace());
        let ends = match c {
            '!' | '?' => next_is_space,
            '.' => next_is_space && !ends_with_abbreviation(&region[..at]),
            _ => false,
        };
        if ends {
            start = floor + at + c.len_utf8();
        }
    }
    start + text[start..upto].len() - text[start..upto].trim_start().len()
}

/// Looks for an attribution in `text`, the words right after a closing quotation mark.
pub fn after(text: &str) -> Option<Attribution> {
    let lead = text.len() - text.trim_start_matches([',', ' ', '—', '–', '-']).len();
    if text[..lead].contains('\n') {
        return None;
    }
    let clause = &text[lead..lead + clause_end(&text[lead..])];
    let tokens = Tokens::new(clause);
    if tokens.is_empty() || !tokens.gap_before(0).trim().is_empty() {
        return None;
    }
    if tokens.matches_at(0, &["according", "to"]) || is_speech_verb(tokens.lower(0)) {
        let skip = if tokens.lower(0) == "according" { 2 } else { 1 };
        let rest = &clause[tokens.span(skip.min(tokens.len()) - 1).end..];
        let phrase = &rest[..rest.find([',', '(']).unwrap_or(rest.len())];
        return Some(Attribution {
            speaker: speaker_of(phrase, Position::First)?,
            verb: verb_text(&tokens, skip),
            side: Side::After,
        });
    }
    let verb = (1..tokens.len().min(12)).find(|&k| is_speech_verb(tokens.lower(k)))?;
    let subject = subject_before(&clause[..tokens.span(verb).start]);
    Some(Attribution {
        speaker: speaker_of(subject, Position::Last)?,
        verb: tokens.lower(verb).to_owned(),
        side: Side::After,
    })
}

/// Looks for an attribution in `text`, the sentence up to an opening quotation mark.
pub fn before(text: &str) -> Option<Attribution> {
    let tokens = Tokens::new(text);
    let according = (0..tokens.len())
        .rev()
        .find(|&k| tokens.matches_at(k, &["according", "to"]));
    if let Some(k) = according.filter(|&k| k + 2 < tokens.len()) {
        let rest = &text[tokens.span(k + 1).end..];
        let phrase = &rest[..rest.find([',', '(', ':']).unwrap_or(rest.len())];
        return Some(Attribution {
            speaker: speaker_of(phrase, Position::First)?,
            verb: "according to".to_owned(),
            side: Side::Before,
        });
    }
    let verb = (0..tokens.len())
        .rev()
        .find(|&k| is_speech_verb(tokens.lower(k)))?;
    let subject = subject_before(&text[..tokens.span(verb).start]);
    let speaker = if subject.trim().is_empty() {
        SpeakerRef::Previous
    } else {
        speaker_of(subject, Position::Last)?
    };
    Some(Attribution {
        speaker,
        verb: tokens.lower(verb).to_owned(),
        side: Side::Before,
    })
}

/// The subject phrase at the end of `text` (the words before a speech verb), skipping an
/// appositive set off by commas ("X, former head of Y, noted").
fn subject_before(text: &str) -> &str {
    let trimmed = text.trim_end();
    let segments: Vec<&str> = split_outside_parens(trimmed);
    if !trimmed.ends_with(',') {
        return segments.last().copied().unwrap_or("");
    }
    segments
        .iter()
        .rev()
        .skip(1)
        .find(|segment| {
            segment
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
        .copied()
        .unwrap_or("")
}

/// Splits at commas that are not inside parentheses; a trailing comma gives an empty last part.
fn split_outside_parens(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut from = 0;
    for (at, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&text[from..at]);
                from = at + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[from..]);
    parts
}

/// Which name to prefer when a phrase holds several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Position {
    /// The first name: the one right after a verb ("said Osei, head of Fourth Corps").
    First,
    /// A subject's name: its first full name ("Sen. Ada Osei of Accra"), else its last name
    /// ("As Ghanaian colonel Osei").
    Last,
}

/// Words that may open a subject phrase without being part of it.
static PHRASE_OPENERS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "as", "and", "but", "while", "so", "yet", "then", "when", "because", "though", "although",
        "later", "also", "in", "at", "on", "that",
    ])
});

/// Reads who spoke from a short phrase: a pronoun, a name (titles stripped) or a noun phrase.
fn speaker_of(phrase: &str, position: Position) -> Option<SpeakerRef> {
    let without_parens = strip_parenthesised(phrase);
    let tokens = Tokens::new(&without_parens);
    let first = (0..tokens.len()).find(|&k| !PHRASE_OPENERS.contains(tokens.lower(k)))?;
    if is_pronoun(tokens.word(first)) {
        return Some(SpeakerRef::Pronoun);
    }
    let runs = name_runs(&tokens);
    let run = match position {
        Position::First => runs.first(),
        Position::Last => runs.iter().find(|run| run.len() >= 2).or(runs.last()),
    };
    if let Some(run) = run {
        return Some(SpeakerRef::Name(run_text(&tokens, run).to_owned()));
    }
    let words = tokens.len() - first;
    let text = &without_parens[tokens.span(first).start..tokens.span(tokens.len() - 1).end];
    (words <= 8).then(|| SpeakerRef::Phrase(text.to_owned()))
}

fn strip_parenthesised(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn verb_text(tokens: &Tokens, words: usize) -> String {
    (0..words.min(tokens.len()))
        .map(|k| tokens.lower(k))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> SpeakerRef {
        SpeakerRef::Name(text.to_owned())
    }

    #[test]
    fn attribution_after_the_quote_in_either_order() {
        // “…,” she said / “…,” said Dr. Osei / “…,” Osei told reporters.
        assert_eq!(after(", she said.").unwrap().speaker, SpeakerRef::Pronoun);
        assert_eq!(
            after(", said Dr. Ama Osei.").unwrap().speaker,
            name("Ama Osei")
        );
        assert_eq!(after(" says Lt. Gen. Osei.").unwrap().speaker, name("Osei"));
        assert_eq!(
            after(", Osei told reporters.").unwrap().speaker,
            name("Osei")
        );
        // A partial quote with the attribution at the sentence's end.
        assert_eq!(
            after(" to enforce the law, she said, noting the cuts.")
                .unwrap()
                .speaker,
            SpeakerRef::Pronoun
        );
        assert_eq!(
            after(", according to Osei, a farmer.").unwrap().speaker,
            name("Osei")
        );
    }

    #[test]
    fn no_attribution_after_a_quote_followed_by_narration() {
        // A scare quote is followed by the rest of its sentence, not by a speech verb.
        assert_eq!(after(" characterized by control and sanctuaries."), None);
        assert_eq!(after(". The next day, officials said nothing."), None);
    }

    #[test]
    fn attribution_before_the_quote_skips_an_appositive() {
        // "As X, former head of Y in Z, noted, “…”": the speaker is X, not Z.
        let found = before(
            "As retired colonel Ama Osei (Ret), former head of Fourth Corps in Tamale, noted, ",
        )
        .unwrap();
        assert_eq!(found.speaker, name("Ama Osei"));
        assert_eq!(found.verb, "noted");
        assert_eq!(
            before("In a statement, the ministry said: ")
                .unwrap()
                .speaker,
            SpeakerRef::Phrase("the ministry".to_owned())
        );
    }

    #[test]
    fn partial_quotes_and_continuations() {
        // "Osei called the plan “…”" attributes a partial quote; "…, adding that “…”" continues
        // the previous speaker.
        assert_eq!(
            before("Osei called the plan ").unwrap().speaker,
            name("Osei")
        );
        // A subject with a place after the name is the person, not the place.
        assert_eq!(
            before("Sen. Ada Osei of Accra, the ranking member, warned that it would become ")
                .unwrap()
                .speaker,
            name("Ada Osei")
        );
        assert_eq!(
            before(", adding that ").unwrap().speaker,
            SpeakerRef::Previous
        );
        assert_eq!(before("Terror groups seek modern "), None);
    }

    #[test]
    fn sentence_and_clause_bounds_respect_abbreviations() {
        // "Lt. Gen." must not end a sentence or an attribution clause.
        assert_eq!(clause_end("says Lt. Gen. Osei. Next"), 18);
        let text = "It rained. Then Lt. Gen. Osei said ";
        assert_eq!(
            &text[sentence_start(text, 0, text.len())..],
            "Then Lt. Gen. Osei said "
        );
    }
}
