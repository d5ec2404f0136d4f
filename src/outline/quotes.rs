//! Direct quotations with their speakers.
//!
//! A quoted passage is a quote when a speech verb attributes it (after the closing mark or
//! earlier in its sentence), when it continues an attributed quote (the second half of a split
//! quote, the next paragraph of a multi-paragraph quote, a quote introduced by a colon at the end
//! of the previous paragraph), or when it is a whole sentence of six words or more on its own.
//! A few quoted words with no attribution — scare quotes, titles — are not quotes.

use std::ops::Range;

use super::attribution::{self, Attribution, SpeakerRef};
use super::marks::{self, QuotedPassage};
use super::speakers::NameIndex;
use super::words::Tokens;
use super::{ItemKind, OutlineItem};
use crate::document::Document;

/// Unattributed quoted sentences shorter than this are taken for scare quotes or titles.
const MIN_UNATTRIBUTED_WORDS: usize = 6;

/// A quoted passage and what is known about it while speakers are being resolved.
#[derive(Debug)]
struct Candidate {
    block: usize,
    /// Byte range of the quoted words in the document, trimmed.
    inner: Range<usize>,
    attribution: Option<Attribution>,
    /// Whether the passage opens its sentence (nothing but an introduction before it).
    standalone: bool,
    /// Whether it continues a passage left open at the end of the previous paragraph.
    continues: bool,
    /// Whether it follows "so-called", which marks scare quotes.
    so_called: bool,
    /// Byte range of the text between the previous quote and this one, where a pronoun's
    /// person is looked for (only when the attribution is a pronoun: names are costly).
    lead_in: Range<usize>,
    words: usize,
    title_case: bool,
    speaker: Option<String>,
    cues: Vec<String>,
}

/// Finds the direct quotations of `document`, in reading order.
pub fn find(document: &Document, names: &NameIndex) -> Vec<OutlineItem> {
    let mut candidates = collect(document);
    resolve_speakers(&mut candidates, document, names);
    inherit_within_blocks(&mut candidates);
    inherit_from_introductions(&mut candidates, document, names);
    inherit_along_chains(&mut candidates);
    candidates
        .into_iter()
        .filter(is_quote)
        .map(|candidate| into_item(candidate, document))
        .collect()
}

fn collect(document: &Document) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    let mut previous_open_ended = false;
    for (index, block) in document.blocks.iter().enumerate() {
        if block.is_boilerplate() {
            previous_open_ended = false;
            continue;
        }
        let text = document.slice(&block.span);
        let passages = marks::quoted_passages(text);
        let mut bound = 0;
        for (k, passage) in passages.iter().enumerate() {
            let next_open = passages.get(k + 1).map_or(text.len(), |p| p.open);
            let start = attribution::sentence_start(text, bound, passage.open);
            let before = &text[start..passage.open];
            let after = &text[passage.close..next_open];
            let continues = k == 0 && passage.open == 0 && previous_open_ended;
            if let Some(mut candidate) =
                candidate(document, index, passage, before, after, continues)
            {
                let base = block.span.start;
                candidate.lead_in = base + bound..base + passage.open;
                candidates.push(candidate);
            }
            bound = passage.close;
        }
        previous_open_ended = passages.last().is_some_and(|p| p.open_ended);
    }
    candidates
}

fn candidate(
    document: &Document,
    block: usize,
    passage: &QuotedPassage,
    before: &str,
    after: &str,
    continues: bool,
) -> Option<Candidate> {
    let base = document.blocks[block].span.start;
    let inner = trim_quote(document.slice(&(base + passage.inner.start..base + passage.inner.end)));
    let inner_start = base + passage.inner.start + inner.0;
    let inner = inner_start..inner_start + inner.1.len();
    if inner.is_empty() {
        return None;
    }
    let introduced = before.trim_end();
    // A quote ending its sentence inside the marks (“…ahead.” The group…) is followed by a new
    // sentence, not by its attribution, unless the text runs on in lower case.
    let ends_sentence = document.slice(&inner).ends_with(['.', '…'])
        && !after.trim_start().starts_with(char::is_lowercase);
    let after_attribution = || {
        if ends_sentence {
            None
        } else {
            attribution::after(after)
        }
    };
    let attribution = if introduced.ends_with([':', ',']) {
        attribution::before(before)
            .filter(|a| a.speaker != SpeakerRef::Previous)
            .or_else(after_attribution)
    } else {
        after_attribution().or_else(|| attribution::before(before))
    };
    let tokens = Tokens::new(document.slice(&inner));
    let words = tokens.len();
    let capitalised = (0..words).filter(|&k| tokens.is_capitalised(k)).count();
    Some(Candidate {
        block,
        inner,
        attribution,
        standalone: introduced.is_empty() || introduced.ends_with(':'),
        continues,
        so_called: ends_with_ignoring_case(introduced, "so-called"),
        lead_in: 0..0,
        words,
        title_case: capitalised * 10 >= words * 7,
        speaker: None,
        cues: vec!["quotation marks".to_owned()],
    })
}

/// Whether `text` ends with the lower-case ASCII `suffix`, in any case.
fn ends_with_ignoring_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.as_bytes()[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Trims white space and the comma that ends a quote before its attribution; returns the offset
/// of the kept text and the text.
fn trim_quote(text: &str) -> (usize, &str) {
    let kept = text.trim_start();
    let offset = text.len() - kept.len();
    (offset, kept.trim_end().trim_end_matches(',').trim_end())
}

/// Resolves attributed speakers in reading order, so that pronouns find the last named one.
fn resolve_speakers(candidates: &mut [Candidate], document: &Document, names: &NameIndex) {
    let mut last_named: Option<String> = None;
    for k in 0..candidates.len() {
        let Some(attribution) = candidates[k].attribution.clone() else {
            continue;
        };
        let side = match attribution.side {
            attribution::Side::After => "after",
            attribution::Side::Before => "before",
        };
        let (speaker, cue) = match attribution.speaker {
            SpeakerRef::Name(name) => {
                let full = names.resolve(&name);
                last_named = Some(full.clone());
                (Some(full), None)
            }
            SpeakerRef::Pronoun => {
                match names.last_person(document.slice(&candidates[k].lead_in)) {
                    Some(person) => {
                        last_named = Some(person.clone());
                        (Some(person), Some("pronoun: person named just before"))
                    }
                    None => (last_named.clone(), Some("pronoun: last named speaker")),
                }
            }
            SpeakerRef::Phrase(phrase) => (Some(phrase), None),
            SpeakerRef::Previous => (
                k.checked_sub(1)
                    .filter(|&p| candidates[p].block == candidates[k].block)
                    .and_then(|p| candidates[p].speaker.clone()),
                Some("continues the previous speaker"),
            ),
        };
        let candidate = &mut candidates[k];
        candidate.speaker = speaker;
        candidate.cues.push(format!(
            "speech verb “{}” {side} the quote",
            attribution.verb
        ));
        candidate.cues.extend(cue.map(str::to_owned));
    }
}

/// The other half of a split quote (“…,” she said. “…”) takes the speaker of its neighbour in
/// the same paragraph.
fn inherit_within_blocks(candidates: &mut [Candidate]) {
    for k in 0..candidates.len() {
        if candidates[k].speaker.is_some() || !candidates[k].standalone {
            continue;
        }
        // Candidates are in reading order, so one block's candidates are contiguous.
        let block = candidates[k].block;
        let first = candidates.partition_point(|c| c.block < block);
        let last = candidates.partition_point(|c| c.block <= block);
        let neighbour = (first..k)
            .rev()
            .chain(k + 1..last)
            .find(|&n| candidates[n].attribution.is_some() && candidates[n].speaker.is_some());
        if let Some(n) = neighbour {
            candidates[k].speaker = candidates[n].speaker.clone();
            candidates[k].cues.push("split quote".to_owned());
        }
    }
}

/// Every paragraph of a multi-paragraph quote takes the speaker found in any of them.
fn inherit_along_chains(candidates: &mut [Candidate]) {
    for k in 1..candidates.len() {
        if candidates[k].continues && candidates[k].speaker.is_none() {
            candidates[k].speaker = candidates[k - 1].speaker.clone();
            candidates[k]
                .cues
                .push("continues the previous paragraph's quote".to_owned());
        }
    }
    for k in (1..candidates.len()).rev() {
        if candidates[k].continues && candidates[k - 1].speaker.is_none() {
            candidates[k - 1].speaker = candidates[k].speaker.clone();
        }
    }
}

/// A paragraph that opens with an unattributed quote takes its speaker from the paragraph
/// before: from the attribution ending it ("Osei put it this way:") or from the person it is
/// about ("The minister, Ada Osei, defended the plan." followed by the quote on its own).
fn inherit_from_introductions(
    candidates: &mut [Candidate],
    document: &Document,
    names: &NameIndex,
) {
    for candidate in candidates.iter_mut() {
        let opens_block =
            candidate.inner.start <= document.blocks[candidate.block].span.start + '“'.len_utf8();
        if candidate.speaker.is_some() || !opens_block || candidate.block == 0 {
            continue;
        }
        let previous = &document.blocks[candidate.block - 1];
        let text = document.slice(&previous.span);
        let block_end = document.blocks[candidate.block].span.end;
        let fills_block = block_end - candidate.inner.end <= '”'.len_utf8() + 1;
        if previous.is_boilerplate() || !(text.ends_with(':') || fills_block) {
            continue;
        }
        let start = attribution::sentence_start(text, 0, text.len());
        let named = match attribution::before(&text[start..]) {
            Some(Attribution {
                speaker: SpeakerRef::Name(name),
                ..
            }) if text.ends_with(':') => Some(names.resolve(&name)),
            _ => None,
        };
        let speaker = named.or_else(|| names.last_person(text));
        if let Some(speaker) = speaker {
            candidate.speaker = Some(speaker);
            candidate.attribution = None;
            candidate
                .cues
                .push("introduced by the previous paragraph".to_owned());
        }
    }
}

/// Whether a candidate is a direct quote rather than a scare quote or a title.
fn is_quote(candidate: &Candidate) -> bool {
    if candidate.so_called {
        return false;
    }
    if candidate.words >= 2 && candidate.title_case {
        return false;
    }
    candidate.attribution.is_some()
        || candidate.speaker.is_some()
        || candidate.continues
        || (candidate.standalone && candidate.words >= MIN_UNATTRIBUTED_WORDS)
}

fn into_item(candidate: Candidate, document: &Document) -> OutlineItem {
    let score = match (&candidate.speaker, &candidate.attribution) {
        (Some(_), Some(_)) => 0.9,
        (Some(_), None) => 0.8,
        (None, _) => 0.5,
    };
    OutlineItem {
        kind: ItemKind::Quote,
        text: document.slice(&candidate.inner).to_owned(),
        speaker: candidate.speaker,
        actor: None,
        sentence: document.sentence_at(candidate.inner.start).unwrap_or(0),
        span: candidate.inner,
        score,
        cues: candidate.cues,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{BlockKind, DocumentBuilder, Format};

    fn quotes(paragraphs: &[&str]) -> Vec<(String, Option<String>)> {
        let mut builder = DocumentBuilder::new(Format::Text);
        for paragraph in paragraphs {
            builder.push(BlockKind::Paragraph, 0, paragraph);
        }
        let document = builder.build();
        find(&document, &NameIndex::build(&document))
            .into_iter()
            .map(|item| (item.text, item.speaker))
            .collect()
    }

    fn q(text: &str, speaker: &str) -> (String, Option<String>) {
        (text.to_owned(), Some(speaker.to_owned()))
    }

    #[test]
    fn a_split_quote_gives_two_items_with_one_speaker() {
        // “…,” she said. “…” — the second half has no attribution of its own.
        let found = quotes(&[
            "Nadia Petrov runs the clinic. “We are full every day,” she said. “Nobody funds us.”",
        ]);
        assert_eq!(
            found,
            [
                q("We are full every day", "Nadia Petrov"),
                q("Nobody funds us.", "Nadia Petrov")
            ]
        );
    }

    #[test]
    fn a_multi_paragraph_quote_gives_one_item_per_paragraph() {
        // News style leaves the quote open at a paragraph's end and reopens it in the next.
        let found = quotes(&[
            "“The river rose overnight,” said Dr. Jonas Berg, a hydrologist. “We had no warning.",
            "“By morning the bridge was gone.”",
        ]);
        assert_eq!(found.len(), 3);
        assert!(
            found
                .iter()
                .all(|(_, s)| s.as_deref() == Some("Jonas Berg"))
        );
    }

    #[test]
    fn ranks_resolve_to_the_fullest_name_and_pronouns_to_the_last_speaker() {
        // Later mentions use rank and surname; "he" points back to the last named speaker.
        let found = quotes(&[
            "Retired major general Tomas Berg (Ret) spoke first.",
            "“Supply lines decide wars,” says Maj. Gen. Berg.",
            "“Nothing else matters,” he added.",
        ]);
        assert_eq!(
            found,
            [
                q("Supply lines decide wars", "Tomas Berg"),
                q("Nothing else matters", "Tomas Berg")
            ]
        );
    }

    #[test]
    fn a_pronoun_resolved_to_a_person_named_before_becomes_the_last_speaker() {
        // “…,” she said, “…” after "Farrow disputed …": once "she" is known to be the person
        // named in the paragraph, a second "she" in the same paragraph is that person too, not
        // the speaker quoted in the previous paragraph.
        let found = quotes(&[
            "“Costs will rise,” said Commissioner Ada Price.",
            "Lin Farrow disagreed. But she conceded one point. “That is fair,” she said, “and we will change it.”",
        ]);
        assert_eq!(
            found,
            [
                q("Costs will rise", "Ada Price"),
                q("That is fair", "Lin Farrow"),
                q("and we will change it.", "Lin Farrow")
            ]
        );
    }

    #[test]
    fn scare_quotes_and_titles_are_not_quotes() {
        // A few quoted words with no attribution are a writer's irony or a title.
        let found = quotes(&[
            "Rebels no longer build “fortresses” of their own.",
            "She reviewed “The Long Night of the Iron Harbour” last year.",
            "Officials said the so-called “temporary” levy would stay.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn partial_quotes_and_colon_introductions_are_quotes() {
        // A speaker's words inside a sentence, and a quote paragraph after "X said:".
        let found = quotes(&[
            "Mayor Lena Ortiz called the budget “a betrayal of every parent.”",
            "Ortiz was blunt:",
            "“We will not sign it.”",
        ]);
        assert_eq!(
            found,
            [
                q("a betrayal of every parent.", "Lena Ortiz"),
                q("We will not sign it.", "Lena Ortiz")
            ]
        );
    }

    #[test]
    fn attribution_before_a_quote_with_an_appositive() {
        // "As X, former head of Y, noted, “…”" names X even with places in the appositive.
        let found = quotes(&[
            "As retired colonel Ama Osei (Ret), former head of Fourth Corps in Tamale, noted, \
             “Holding ground is not the same as winning it.”",
        ]);
        assert_eq!(
            found,
            [q(
                "Holding ground is not the same as winning it.",
                "Ama Osei"
            )]
        );
    }

    #[test]
    fn british_single_marks_quote_with_apostrophes_inside() {
        // British style quotes in ‘…’; contractions and plural possessives inside the quote
        // use the same character as the closing mark and must not cut it short.
        let found = quotes(&[
            "‘We can’t wait for the students’ union to decide,’ said Nadia Petrov. ‘It’s ours.’",
            "The ’90s were different, Petrov’s deputy added.",
        ]);
        assert_eq!(
            found,
            [
                q(
                    "We can’t wait for the students’ union to decide",
                    "Nadia Petrov"
                ),
                q("It’s ours.", "Nadia Petrov")
            ]
        );
    }

    #[test]
    fn a_quote_within_a_quote_is_part_of_the_outer_speaker_s_words() {
        // The inner quote is what the speaker reports; the item is the whole outer quote.
        let found =
            quotes(&["“They told us ‘wait another year’ and we did,” said Ada Obi, a farmer."]);
        assert_eq!(
            found,
            [q("They told us ‘wait another year’ and we did", "Ada Obi")]
        );
    }
}
