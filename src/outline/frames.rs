//! Frames that hold a clause at a distance: whether the words before a modal put it inside a
//! view the writer doubts, a reason, or a condition, so that "should" there is not advice.
//!
//! "She doubts that regulators must act" reports a view and doubts it; "because nothing should
//! be deleted" explains; "whether the city should pay" leaves a question open. A view that is
//! held and endorsed ("We believe Congress should…", "The report argues that regulators
//! must…") is left alone: it is the writer's or a source's recommendation.

use std::sync::LazyLock;

use super::lexicon::Lexicon;
use super::words::Tokens;

/// How far back (in words) a frame can sit from the modal it governs.
const REACH: usize = 12;

/// Why a modal is not advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Inside a view that is doubted, denied or disputed ("she doubts that X must").
    Doubted,
    /// Inside a reason ("because nothing should be lost").
    Reason,
    /// Inside a condition or an open question ("whether X should", "if X must").
    Condition,
}

/// Subordinators that open a reason.
static REASONS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&["because", "since"]));

/// Subordinators that open a condition or an indirect question.
static CONDITIONS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&["whether", "if", "unless"]));

/// Words that doubt or deny the view that follows them.
static DOUBTS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "doubt",
        "doubts",
        "doubted",
        "doubtful",
        "unconvinced",
        "sceptical",
        "skeptical",
        "unsure",
        "unclear",
        "deny",
        "denies",
        "denied",
        "dispute",
        "disputes",
        "disputed",
        "disagree",
        "disagrees",
        "disagreed",
        "myth",
        "fallacy",
        "misconception",
    ])
});

/// Words of belief that doubt the view when negated ("not everyone is convinced that…").
static BELIEFS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "convinced",
        "persuaded",
        "sure",
        "certain",
        "clear",
        "believe",
        "believes",
        "think",
        "thinks",
        "agree",
        "agrees",
        "accept",
        "accepts",
    ])
});

/// Words that negate a belief a few words later ("few believe", "nobody is convinced").
static NEGATORS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "not", "t", "never", "no", "nobody", "few", "little", "hardly", "nor", "neither",
    ])
});

/// Belief verbs that a first-person holder negates to advise against ("I don't think we
/// should wait" advises not waiting).
static NEG_RAISING: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(&["think", "believe", "thinks", "believes"]));

/// The frame, if any, that governs the modal at word `modal`: a frame word within reach
/// before it, in the same stretch of the clause (no comma, colon, semicolon, dash or bracket
/// in between — "Because costs rose, councils must choose" advises in its main clause), and
/// not before `from_word`.
pub fn governing(tokens: &Tokens, modal: usize, from_word: usize) -> Option<Frame> {
    let floor = from_word.max(modal.saturating_sub(REACH));
    let mut k = modal;
    while k > floor {
        if tokens
            .gap_before(k)
            .contains([',', ';', ':', '—', '–', '(', ')'])
        {
            return None;
        }
        k -= 1;
        let word = tokens.lower(k);
        if REASONS.contains(word) {
            return Some(Frame::Reason);
        }
        if CONDITIONS.contains(word) {
            return Some(Frame::Condition);
        }
        if DOUBTS.contains(word) {
            // "There is no doubt that…", "few dispute that…": a doubt denied endorses.
            return (!negated(tokens, k, floor, 2)).then_some(Frame::Doubted);
        }
        if negated_belief(tokens, k, floor) {
            return Some(Frame::Doubted);
        }
    }
    None
}

/// Whether word `k` is a belief negated by one of the three words before it, unless the
/// holder is "I" or "we" and the verb one that negation raises into advice.
fn negated_belief(tokens: &Tokens, k: usize, floor: usize) -> bool {
    if !BELIEFS.contains(tokens.lower(k)) {
        return false;
    }
    let Some(negator) = negator_before(tokens, k, floor, 3) else {
        return false;
    };
    let first_person =
        (negator.saturating_sub(2)..negator).any(|h| matches!(tokens.lower(h), "i" | "we"));
    !(first_person && NEG_RAISING.contains(tokens.lower(k)))
}

/// Whether one of the `span` words before word `k` (not before `floor`) negates it.
fn negated(tokens: &Tokens, k: usize, floor: usize, span: usize) -> bool {
    negator_before(tokens, k, floor, span).is_some()
}

/// The nearest negating word among the `span` words before word `k`.
fn negator_before(tokens: &Tokens, k: usize, floor: usize, span: usize) -> Option<usize> {
    (floor.max(k.saturating_sub(span))..k)
        .rev()
        .find(|&n| NEGATORS.contains(tokens.lower(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(text: &str) -> Option<Frame> {
        let tokens = Tokens::new(text);
        let modal = (0..tokens.len())
            .find(|&k| matches!(tokens.lower(k), "should" | "must"))
            .expect("a modal");
        governing(&tokens, modal, 0)
    }

    #[test]
    fn doubted_and_denied_views_are_not_advice() {
        // The writer reports someone else's view in order to doubt it; nobody is advised.
        assert_eq!(
            frame("Not everyone is convinced that software should decide."),
            Some(Frame::Doubted)
        );
        assert_eq!(
            frame("She doubts that regulators must act."),
            Some(Frame::Doubted)
        );
        assert_eq!(
            frame("Few believe the city should pay."),
            Some(Frame::Doubted)
        );
        assert_eq!(
            frame("It is a myth that markets must be left alone."),
            Some(Frame::Doubted)
        );
    }

    #[test]
    fn reasons_and_conditions_are_not_advice() {
        // "because nothing should be lost" explains; "whether X should" asks.
        assert_eq!(
            frame("The file stays because nothing should be lost."),
            Some(Frame::Reason)
        );
        assert_eq!(
            frame("Nobody has decided whether the city should pay."),
            Some(Frame::Condition)
        );
    }

    #[test]
    fn endorsed_views_and_main_clauses_stay_advice() {
        // A view held and endorsed is a recommendation, by the writer or by a source; a
        // leading reason ends at its comma and the main clause after it advises.
        assert_eq!(frame("We believe that Congress should act."), None);
        assert_eq!(frame("The report argues that regulators must act."), None);
        assert_eq!(frame("Because costs rose, councils must choose."), None);
        assert_eq!(frame("Critics say the board should resign."), None);
        // "I don't think we should wait" advises against waiting.
        assert_eq!(frame("I don't think we should wait."), None);
        assert_eq!(frame("We do not believe ports must close."), None);
        // A doubt that is itself denied endorses the view.
        assert_eq!(frame("There is no doubt that ports must adapt."), None);
        assert_eq!(frame("Few dispute that ports must adapt."), None);
    }
}
