//! Back matter and navigation aids that are not the author's text: reference-list entries
//! ("^ Roe, Jane (2004). …", "Retrieved 1 May 2016."), the sections under a "References",
//! "Notes", "See also" or "External links" heading, and a "Contents" list of section links.
//!
//! The cues are the structure of citations and the conventional names of such sections, never
//! a site's markup or wording.

use std::sync::LazyLock;

use regex::Regex;

use super::boilerplate::BlockInfo;
use crate::document::BlockKind;

/// A reference entry is at most this many words.
const CITATION_WORDS: usize = 120;
/// A paragraph longer than this many words is prose, which ends a back-matter section.
const PROSE_WORDS: usize = 40;
/// An uncited list entry after a plain label is at most this many words (a title or link).
const ENTRY_WORDS: usize = 12;
/// A table-of-contents entry is at most this many words.
const CONTENTS_ENTRY_WORDS: usize = 10;

/// The reason given to reference entries and to the blocks of a back-matter section.
pub const REFERENCES: &str = "references";
/// The reason given to a "Contents" heading and the section links under it.
pub const CONTENTS: &str = "table of contents";

/// A reference-list entry: it opens with a back-link caret ("^ …", "↑ …"), carries an access
/// date ("Retrieved 1 May 2016", "Archived from the original"), or opens like a bibliography
/// entry: "Surname, Given (Year)." or "Surname, G. (May 6, 2003).".
static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*[\^↑]|(^|[.!?]\s+)Retrieved( on)? (\d{1,2} \p{L}+,? \d{4}|\p{L}+ \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2})\.?(\s|$)|(?i:archived from the original)|^\p{Lu}[\p{L}'’-]+, \p{Lu}[\p{L}.'’ -]{0,40} \((\p{L}+\.? )?(\d{1,2},? )?\d{4}[a-z]?\)\.",
    )
    .expect("valid regex")
});

/// Whether a block is one entry of a reference list.
pub fn is_citation(text: &str, words: usize) -> bool {
    words <= CITATION_WORDS && CITATION.is_match(text)
}

/// What a section heading announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// References, notes, sources, links to other pages.
    BackMatter,
    /// A table of contents.
    Contents,
}

/// The section a heading's text names, if it is a back-matter or contents heading. Wiki
/// headings end in an "[edit]" link, and some headings end in a colon; both are ignored.
fn section_named(text: &str) -> Option<Section> {
    let name = text.trim();
    let name = name.strip_suffix("[edit]").unwrap_or(name);
    let name = name
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    const BACK_MATTER: &[&str] = &[
        "references",
        "reference",
        "notes",
        "footnotes",
        "endnotes",
        "citations",
        "sources",
        "bibliography",
        "works cited",
        "notes and references",
        "references and notes",
        "further reading",
        "external links",
        "see also",
    ];
    if BACK_MATTER.contains(&name.as_str()) {
        Some(Section::BackMatter)
    } else if matches!(name.as_str(), "contents" | "table of contents") {
        Some(Section::Contents)
    } else {
        None
    }
}

/// A line of a table of contents: a list item, or a short line opening with a section number
/// ("1 History", "2.3 Later years").
fn is_contents_entry(block: &BlockInfo) -> bool {
    let numbered = block
        .text
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit());
    (block.kind == BlockKind::ListItem || numbered)
        && block.text.split_whitespace().count() <= CONTENTS_ENTRY_WORDS
}

/// A paragraph of running prose (more than [`PROSE_WORDS`] words, not a reference entry): the
/// article going on, which ends a back-matter section.
fn is_prose(block: &BlockInfo) -> bool {
    let words = block.text.split_whitespace().count();
    block.kind == BlockKind::Paragraph && words > PROSE_WORDS && !is_citation(block.text, words)
}

/// An entry of a list of sources or links: a reference entry, or a short list item or line
/// opening with its number ("1. A Title", "[2] Another"), not a sentence of notes.
fn is_entry(block: &BlockInfo) -> bool {
    let words = block.text.split_whitespace().count();
    let numbered = block
        .text
        .trim_start_matches(['[', '('])
        .starts_with(|c: char| c.is_ascii_digit());
    is_citation(block.text, words)
        || ((block.kind == BlockKind::ListItem || numbered) && words <= ENTRY_WORDS)
}

/// Flags back-matter sections: a heading (or a paragraph that is only the section's name)
/// naming references, notes, sources or links, and every block after it up to the next heading
/// of the same or a higher level or to a paragraph of prose (after a plain label, only the run
/// of numbered, listed or citation entries); and a "Contents" heading with the run of section links under
/// it. Blocks already flagged keep their reason.
pub fn flag_sections(blocks: &[BlockInfo], reasons: &mut [Option<&'static str>]) {
    let mut index = 0;
    while index < blocks.len() {
        let label = &blocks[index];
        let is_label = label.kind == BlockKind::Heading
            || (label.kind == BlockKind::Paragraph && label.text.split_whitespace().count() <= 4);
        let Some(section) = is_label.then(|| section_named(label.text)).flatten() else {
            index += 1;
            continue;
        };
        let reason = match section {
            Section::BackMatter => REFERENCES,
            Section::Contents => CONTENTS,
        };
        // A label that is not a heading ends at any heading.
        let level = if label.kind == BlockKind::Heading {
            label.level
        } else {
            u8::MAX
        };
        // A plain label with no entry after it names the author's own notes or sources.
        if label.kind != BlockKind::Heading
            && section == Section::BackMatter
            && !blocks.get(index + 1).is_some_and(is_entry)
        {
            index += 1;
            continue;
        }
        reasons[index].get_or_insert(reason);
        let mut next = index + 1;
        while let Some(block) = blocks.get(next) {
            let ends = (block.kind == BlockKind::Heading && block.level <= level)
                || match section {
                    Section::Contents => !is_contents_entry(block),
                    Section::BackMatter if label.kind == BlockKind::Heading => is_prose(block),
                    Section::BackMatter => !is_entry(block),
                };
            if ends {
                break;
            }
            reasons[next].get_or_insert(reason);
            next += 1;
        }
        index = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::fixtures::BODY;

    fn block(kind: BlockKind, level: u8, text: &str) -> BlockInfo<'_> {
        BlockInfo { text, kind, level }
    }

    fn words(text: &str) -> usize {
        text.split_whitespace().count()
    }

    /// Reference lists repeat each source with a back-link caret, an access date and the
    /// "Surname, Given (Year)." shape of a bibliography: the sources of the text, not its
    /// claims. Prose that mentions retrieving something, or opens with a name and a comma, is
    /// left alone.
    #[test]
    fn citation_entries() {
        for text in [
            "^ Roe, Jane (May 6, 2003). \"A Title Here\". Some Weekly. Retrieved 10 May 2016.",
            "^ a b \"Another Title\". Example Press. 2014.",
            "↑ Doe, J. Some Book. Publisher, 1999.",
            "Retrieved 1 May 2016.",
            "\"A Page\". Example Site. Retrieved March 3, 2015.",
            "Roe, Jane (2004). The Long Harbour. Example Press.",
            "Doe, J. A. (2011a). \"Tides and ports\". Journal of Things.",
            "A Page. Archived from the original on 2 June 2012.",
        ] {
            assert!(is_citation(text, words(text)), "{text}");
        }
        for text in [
            BODY,
            "Divers retrieved the bodies on 1 May 2016, officials said.",
            "Roe, a fisherman, said the harbour (built in 2004) was failing.",
            "The score was 3^2 on the board.",
        ] {
            assert!(!is_citation(text, words(text)), "{text}");
        }
    }

    /// Everything under a "References", "Notes", "See also" or "External links" heading lists
    /// sources and links, not the author's argument; the section ends at the next heading of
    /// its level or higher, so a deeper subheading inside it stays flagged.
    #[test]
    fn back_matter_sections_run_to_the_next_heading() {
        let blocks = [
            block(BlockKind::Heading, 2, "History"),
            block(BlockKind::Paragraph, 0, BODY),
            block(BlockKind::Heading, 2, "References[edit]"),
            block(BlockKind::ListItem, 1, "A source, 2004."),
            block(BlockKind::Heading, 3, "Sources:"),
            block(BlockKind::Paragraph, 0, BODY),
            block(BlockKind::Heading, 2, "Legacy"),
            block(BlockKind::Paragraph, 0, BODY),
        ];
        let mut reasons = vec![None; blocks.len()];
        flag_sections(&blocks, &mut reasons);
        let r = Some(REFERENCES);
        assert_eq!(reasons, [None, None, r, r, r, r, None, None]);
    }

    /// In plain text a back-matter name on a line of its own is the heading; with no heading
    /// after it the section runs to the end. A sentence that merely starts with "Notes" is not
    /// a label.
    #[test]
    fn plain_label_flags_to_the_end() {
        let blocks = [
            block(BlockKind::Paragraph, 0, BODY),
            block(BlockKind::Paragraph, 0, "Notes"),
            block(BlockKind::Paragraph, 0, "1. A source, 2004."),
            block(BlockKind::Paragraph, 0, "2. Another source, 2011."),
        ];
        let mut reasons = vec![None; blocks.len()];
        flag_sections(&blocks, &mut reasons);
        let r = Some(REFERENCES);
        assert_eq!(reasons, [None, r, r, r]);
        let blocks = [
            block(
                BlockKind::Paragraph,
                0,
                "Notes from the council meeting were shared.",
            ),
            block(BlockKind::Paragraph, 0, BODY),
        ];
        let mut reasons = vec![None; blocks.len()];
        flag_sections(&blocks, &mut reasons);
        assert_eq!(reasons, [None, None]);
    }

    /// "Notes:" before the article goes on in prose labels that prose, not back matter; and a
    /// heading's section ends where prose resumes, so an article's closing text is kept.
    #[test]
    fn prose_ends_a_back_matter_section() {
        let long = format!("{BODY} {BODY}");
        let blocks = [
            block(BlockKind::Paragraph, 0, "Notes:"),
            block(BlockKind::Paragraph, 0, &long),
            block(BlockKind::Heading, 2, "Notes"),
            block(BlockKind::ListItem, 1, "A source, 2004."),
            block(BlockKind::Paragraph, 0, &long),
        ];
        let mut reasons = vec![None; blocks.len()];
        flag_sections(&blocks, &mut reasons);
        let r = Some(REFERENCES);
        assert_eq!(reasons, [None, None, r, r, None]);
        // After a plain label, a list of sentences is the author's notes, not sources.
        let blocks = [
            block(BlockKind::Paragraph, 0, "Notes:"),
            block(
                BlockKind::ListItem,
                1,
                "Notice that the test file has to be served over the network for this to work.",
            ),
        ];
        let mut reasons = vec![None; blocks.len()];
        flag_sections(&blocks, &mut reasons);
        assert_eq!(reasons, [None, None]);
    }

    /// A "Contents" heading is followed by numbered links to the page's own sections: a
    /// navigation aid, not text. The run ends at the first block that is not such a link.
    #[test]
    fn table_of_contents() {
        let blocks = [
            block(BlockKind::Paragraph, 0, BODY),
            block(BlockKind::Heading, 2, "Contents"),
            block(BlockKind::ListItem, 1, "1 History"),
            block(BlockKind::ListItem, 2, "1.1 Early years"),
            block(BlockKind::ListItem, 1, "2 References"),
            block(BlockKind::Paragraph, 0, BODY),
            block(BlockKind::Heading, 2, "History"),
        ];
        let mut reasons = vec![None; blocks.len()];
        flag_sections(&blocks, &mut reasons);
        let c = Some(CONTENTS);
        assert_eq!(reasons, [None, c, c, c, c, None, None]);
    }

    /// Blocks already flagged keep their more specific reason.
    #[test]
    fn earlier_reasons_are_kept() {
        let blocks = [
            block(BlockKind::Heading, 2, "See also"),
            block(BlockKind::ListItem, 1, "Share"),
        ];
        let mut reasons = vec![Some("related links"), Some("share widget")];
        flag_sections(&blocks, &mut reasons);
        assert_eq!(reasons, [Some("related links"), Some("share widget")]);
    }
}
