//! The decision at each candidate boundary: does this run of final punctuation end the
//! sentence, given the word before it and the text after it?

use super::lexicon::{self, WordClass};
use super::scan::{Run, RunKind};

/// Decides whether `run` ends the sentence that began at `sentence_start`; `next` is where
/// the following text starts (past white space).
pub fn ends_sentence(text: &str, sentence_start: usize, run: &Run, next: usize) -> bool {
    let before = &text[sentence_start..run.start];
    let rest = &text[next..];
    let Some(first) = rest.chars().next() else {
        return false;
    };
    if first.is_lowercase() || continues_after_space(first) {
        return false;
    }
    let word = WordBefore::read(before);
    if word.text.is_empty() && !word.has_text_before {
        return false;
    }
    let following = Following::read(rest);
    if following.first.is_some_and(char::is_lowercase) {
        return false;
    }
    match run.kind {
        RunKind::Ideographic | RunKind::Ellipsis => true,
        RunKind::Stop => !(run.closes_quote && attribution_follows(rest)),
        RunKind::Period => match lexicon::classify(word.text, !word.has_text_before) {
            WordClass::NeverEnds | WordClass::ListMarker => false,
            WordClass::NumberPrefix => !following.starts_with_digit(),
            WordClass::MayEnd | WordClass::Initial => following.is_sentence_starter(),
            WordClass::Word => true,
        },
    }
}

/// Punctuation that cannot open a sentence, so a sentence continues when it follows a full
/// stop and a space: commas, dashes, closing brackets, a further dot of a spaced ellipsis.
fn continues_after_space(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '%'
            | ')'
            | ']'
            | '}'
            | '.'
            | '…'
            | '–'
            | '—'
            | '-'
            | '&'
            | '/'
            | '”'
            | '’'
    )
}

/// Opening quotes and brackets skipped to reach the first word of the next sentence.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
            | '*'
            | '_'
    )
}

/// The word just before a run, stripped of surrounding punctuation (`(Retd` → `Retd`), and
/// whether any letter or digit precedes it in the sentence.
struct WordBefore<'a> {
    text: &'a str,
    has_text_before: bool,
}

impl<'a> WordBefore<'a> {
    fn read(before: &'a str) -> Self {
        let token_start = before
            .rfind(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '/'))
            .map_or(0, |index| {
                index + before[index..].chars().next().map_or(1, char::len_utf8)
            });
        let token = &before[token_start..];
        let text = token.trim_matches(|c: char| !c.is_alphanumeric());
        let text_start = token_start
            + (token.len()
                - token
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .len());
        WordBefore {
            text,
            has_text_before: before[..text_start]
                .chars()
                .rev()
                .any(char::is_alphanumeric),
        }
    }
}

/// The first word after a candidate boundary, past opening quotes and brackets.
struct Following<'a> {
    first: Option<char>,
    word: &'a str,
    /// Whether a full stop follows the word directly (`A.` is an initial, not the article).
    dotted: bool,
}

impl<'a> Following<'a> {
    fn read(rest: &'a str) -> Self {
        let rest = rest.trim_start_matches(is_opener);
        let len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        Following {
            first: rest.chars().next(),
            word: &rest[..len],
            dotted: rest[len..].starts_with('.'),
        }
    }

    fn starts_with_digit(&self) -> bool {
        self.first.is_some_and(|c| c.is_ascii_digit())
    }

    /// A capitalised common sentence starter (`The`, `But`, `She`), not an initial (`A.`).
    fn is_sentence_starter(&self) -> bool {
        let initial = self.dotted && self.word.chars().count() == 1;
        !initial && lexicon::is_sentence_starter(self.word)
    }
}

/// Whether `rest` opens with an attribution: one to four capitalised words and a verb of
/// speech (`Khan asked`, `Prof. Jane Doe said`), so a `?` or `!` closing a quotation before
/// it does not end the sentence.
fn attribution_follows(rest: &str) -> bool {
    for (names, word) in rest.split_whitespace().take(5).enumerate() {
        let bare = word.trim_matches(|c: char| !c.is_alphabetic());
        if names > 0 && lexicon::is_speech_verb(bare) {
            return true;
        }
        if !bare.chars().next().is_some_and(char::is_uppercase) || word.ends_with([',', ';']) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_before_is_stripped_of_brackets_and_quotes() {
        // "(Retd." must be recognised as the abbreviation "Retd".
        let word = WordBefore::read("Lt. Gen. (Retd");
        assert_eq!(word.text, "Retd");
        assert!(word.has_text_before);
        let word = WordBefore::read("“1");
        assert_eq!(word.text, "1");
        assert!(!word.has_text_before);
    }

    #[test]
    fn attributions_need_a_name_then_a_speech_verb() {
        // “Why now?” Khan asked. is one sentence; “Why now?” Khan left. is two.
        assert!(attribution_follows("Khan asked."));
        assert!(attribution_follows("Prof. Jane Doe said."));
        assert!(!attribution_follows("Khan left."));
        assert!(!attribution_follows("Said the minister."));
    }

    #[test]
    fn the_following_word_skips_opening_quotes() {
        // After an abbreviation, “The … starts a new sentence just like The … does.
        let following = Following::read("“The plan");
        assert_eq!(following.word, "The");
        assert!(following.is_sentence_starter());
        assert!(!Following::read("A. Smith").is_sentence_starter());
    }
}
