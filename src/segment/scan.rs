//! The scanner: walks a block's bytes to each candidate boundary — a run of sentence-final
//! punctuation with its closing quotes and brackets, or a line break — and asks
//! [`rules`](super::rules) whether the sentence ends there.

use super::rules;

/// The kind of a run of sentence-final punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunKind {
    /// A single full stop (`.`), which may belong to an abbreviation.
    Period,
    /// An ellipsis (`…`, `...`): ends a sentence only before a capitalised word.
    Ellipsis,
    /// A question or exclamation mark (or a script's own full stop, `।`, `؟`).
    Stop,
    /// An ideographic full stop or mark (`。`, `！`, `？`): ends a sentence with no space after.
    Ideographic,
}

/// A run of sentence-final punctuation with the closing quotes and brackets after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// Byte offset of its first terminator.
    pub start: usize,
    /// Byte offset just past its last closing mark (or footnote marker).
    pub end: usize,
    /// What the terminators were.
    pub kind: RunKind,
    /// Whether a closing quotation mark followed the terminators (`?”`).
    pub closes_quote: bool,
}

/// Bytes that may start a candidate: ASCII `.`, `!`, `?`, line feed, and the lead bytes of the
/// UTF-8 encodings of the non-ASCII terminators listed in [`terminator`].
static INTERESTING: [bool; 256] = {
    let mut table = [false; 256];
    let mut bytes: &[u8] = b".!?\n\xD5\xD8\xDB\xDC\xE0\xE1\xE2\xE3\xEF";
    while let [first, rest @ ..] = bytes {
        table[*first as usize] = true;
        bytes = rest;
    }
    table
};

/// Calls `cut` with the byte offset of every sentence boundary in `text`, ascending.
///
/// Boundaries fall just after a run of final punctuation that ends a sentence, or at a line
/// break that starts a new paragraph or list item; the text between two boundaries may carry
/// surrounding white space.
pub fn for_each_boundary(text: &str, mut cut: impl FnMut(usize)) {
    let bytes = text.as_bytes();
    let mut sentence_start = 0;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if !INTERESTING[byte as usize] {
            at += 1;
            continue;
        }
        if byte == b'\n' {
            if line_break_is_boundary(&text[at + 1..]) {
                cut(at);
                sentence_start = at + 1;
            }
            at += 1;
            continue;
        }
        let Some(first) = text[at..].chars().next() else {
            break;
        };
        if terminator(first).is_none() {
            at += first.len_utf8();
            continue;
        }
        let run = read_run(text, at);
        at = run.end;
        let Some(next) = next_sentence_start(text, &run) else {
            continue;
        };
        if rules::ends_sentence(text, sentence_start, &run, next) {
            cut(run.end);
            sentence_start = next;
        }
    }
}

/// What kind of sentence-final punctuation `c` is, if any.
pub fn terminator(c: char) -> Option<RunKind> {
    match c {
        '.' | '\u{2024}' => Some(RunKind::Period),
        '…' | '⋯' => Some(RunKind::Ellipsis),
        '!' | '?' | '‼' | '‽' | '⁇' | '⁈' | '⁉' | '։' | '؟' | '۔' | '܀' | '।' | '॥' | '။' | '።'
        | '፧' => Some(RunKind::Stop),
        '。' | '｡' | '！' | '？' | '．' => Some(RunKind::Ideographic),
        _ => None,
    }
}

/// Closing quotation marks.
pub fn is_closing_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | '」' | '』')
}

/// Marks that may follow a terminator and still belong to the sentence: closing quotes and
/// brackets, and superscript footnote digits.
fn is_closer(c: char) -> bool {
    is_closing_quote(c)
        || matches!(
            c,
            ')' | ']' | '}' | '）' | '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' | '⁰'
        )
}

/// Reads the run of terminators and closing marks that starts at `start` (a terminator).
fn read_run(text: &str, start: usize) -> Run {
    let (mut periods, mut ellipsis, mut stop, mut ideographic) = (0, false, false, false);
    let mut closes_quote = false;
    let mut end = start;
    for c in text[start..].chars() {
        match terminator(c) {
            Some(RunKind::Period) => periods += 1,
            Some(RunKind::Ellipsis) => ellipsis = true,
            Some(RunKind::Stop) => stop = true,
            Some(RunKind::Ideographic) => ideographic = true,
            None if is_closer(c) => closes_quote |= is_closing_quote(c),
            None => break,
        }
        end += c.len_utf8();
    }
    end += footnote_marker_len(&text[end..]);
    let kind = if ideographic {
        RunKind::Ideographic
    } else if stop {
        RunKind::Stop
    } else if ellipsis || periods > 1 {
        RunKind::Ellipsis
    } else {
        RunKind::Period
    };
    Run {
        start,
        end,
        kind,
        closes_quote,
    }
}

/// Length of a bracketed footnote number (`[12]`) at the start of `rest`, or 0.
fn footnote_marker_len(rest: &str) -> usize {
    let Some(inner) = rest.strip_prefix('[') else {
        return 0;
    };
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) && inner[digits..].starts_with(']') {
        digits + 2
    } else {
        0
    }
}

/// Where the next sentence would start after `run`: past the white space that must follow it
/// (ideographic marks need none). `None` when nothing follows or no white space does.
fn next_sentence_start(text: &str, run: &Run) -> Option<usize> {
    let rest = &text[run.end..];
    let next = rest.trim_start();
    let spaced = next.len() < rest.len();
    (!next.is_empty() && (spaced || run.kind == RunKind::Ideographic))
        .then(|| text.len() - next.len())
}

/// Whether the line after a line feed starts a new unit: a blank line (paragraph break) or a
/// list item (`- `, `* `, `• `, `1. `, `2) `).
fn line_break_is_boundary(after: &str) -> bool {
    let line = after.trim_start_matches([' ', '\t']);
    let mut chars = line.chars();
    match chars.next() {
        None | Some('\n') => true,
        Some('-' | '*' | '+' | '•' | '◦' | '▪' | '‣' | '·' | '–' | '—') => {
            chars.next().is_some_and(char::is_whitespace)
        }
        Some(c) if c.is_ascii_digit() => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            let rest = &line[digits..];
            digits <= 3
                && (rest.starts_with(". ") || rest.starts_with(") ") || rest.starts_with(".\t"))
        }
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_takes_its_closing_quotes_brackets_and_footnote() {
        // The sentence owns the quote or bracket that closes after its full stop.
        let text = "He left.”) Then";
        let run = read_run(text, text.find('.').unwrap());
        assert_eq!(&text[run.start..run.end], ".”)");
        let text = "He left.[3] Then";
        let run = read_run(text, text.find('.').unwrap());
        assert_eq!(&text[run.end..], " Then");
        assert_eq!(run.kind, RunKind::Period);
    }

    #[test]
    fn run_kinds_distinguish_ellipses_questions_and_ideographic_stops() {
        // Each kind follows a different rule about what may come next.
        assert_eq!(read_run("...", 0).kind, RunKind::Ellipsis);
        assert_eq!(read_run("?!", 0).kind, RunKind::Stop);
        assert_eq!(read_run("。", 0).kind, RunKind::Ideographic);
        assert!(read_run("?” she", 0).closes_quote);
    }

    #[test]
    fn only_blank_lines_and_list_items_break_at_a_line_feed() {
        // Soft-wrapped prose keeps single line feeds inside sentences.
        assert!(line_break_is_boundary("\nNext paragraph"));
        assert!(line_break_is_boundary("- item"));
        assert!(line_break_is_boundary("12. item"));
        assert!(!line_break_is_boundary("continued text"));
        assert!(!line_break_is_boundary("-5 degrees"));
        assert!(!line_break_is_boundary("2024. was"));
    }
}
