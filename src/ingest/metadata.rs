//! Metadata from the text of an article's blocks: title, author, date, publisher, tags and
//! standfirst, as they appear in pasted pages — bylines, datelines, metadata runs ("Topic: …
//! Tags: … <title> <date> By: <author>"), syndication notes ("The post <title> appeared first
//! on <publisher>"), copyright lines and "About the Author" headings.
//!
//! Used by the plain-text and Markdown front-ends; fields already known (from Markdown front
//! matter, say) are never overwritten.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::boilerplate::{self, BlockInfo};
use super::dates;
use crate::document::{BlockKind, DocumentBuilder, Metadata};

/// Only this many leading blocks are searched for header facts (title, byline, date).
const HEADER_BLOCKS: usize = 10;
/// A title is at most this many words.
const TITLE_WORDS: usize = 30;
/// A standfirst is at most this many words.
const STANDFIRST_WORDS: usize = 45;
/// Metadata lines (syndication notes, tag runs, credits) are shorter than this many bytes;
/// longer blocks are prose and skipped without a look.
const METADATA_LINE_BYTES: usize = 1500;

/// Where the title was found inside a block that holds more than the title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleSpot {
    /// Index of the block.
    pub block: usize,
    /// Byte range of the title in the block's text.
    pub range: Range<usize>,
}

/// What [`extract`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// The metadata, with `standfirst` left for [`find_standfirst`].
    pub metadata: Metadata,
    /// Where the title lies inside a block that holds more than the title.
    pub title_spot: Option<TitleSpot>,
    /// The block that is the title and nothing else, if there is one.
    pub title_block: Option<usize>,
}

/// A news lede's dateline ("WASHINGTON —", "LONDON (Agency) —"): the body has begun.
static NEWS_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{Lu}\s.,'-]{2,40}(\([^)]*\))?\s*[—–-]\s").expect("valid regex")
});

static SYNDICATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^the post\s+(?P<title>.+?)\s+appeared first on\s+(?P<publisher>.+?)\.?$")
        .expect("valid regex")
});

static ORIGINALLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:originally|first) (?:published|appeared) (?:on|in|at|by)\s+(?P<publisher>[^.,;]+?)(?:\s+on\s+.*)?[.,;]?$")
        .expect("valid regex")
});

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?P<publisher>[^.|]+?)\s*(?:\d{4})?\s*(?:[.|]|all rights reserved|$)")
        .expect("valid regex")
});

static ABOUT_AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^about (?:the )?authors?\s*[:\-–—]\s*(?P<name>.+)$").expect("valid regex")
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(?:[Bb]y|BY|[Ww]ritten by|[Aa]uthors?|AUTHORS?)\s*:?\s+")
        .expect("valid regex")
});

static TAGS_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:tags|topics|keywords)\s*:\s*").expect("valid regex")
});

/// The next "Label:" in a metadata run, which ends the value before it.
static NEXT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)\p{Lu}[\p{L}]*(?:\s\p{Lu}[\p{L}]*)?\s*:\s").expect("valid regex")
});

/// Words that open many headlines: where a title glued to a tag list probably starts.
const HEADLINE_OPENERS: &[&str] = &[
    "how", "why", "what", "when", "where", "who", "which", "the", "a", "an", "is", "are", "can",
    "could", "will", "would", "should", "does", "do", "did", "in", "inside", "after", "as", "this",
    "these", "opinion", "analysis", "if", "it's", "here's", "we", "our", "five", "ten", "three",
];

/// Finds title, author, date, publisher and tags in the blocks of an article.
pub fn extract(blocks: &[BlockInfo]) -> Found {
    let mut metadata = Metadata::default();
    let mut confirmed_title = None;
    let small = |block: &&BlockInfo| block.text.len() <= METADATA_LINE_BYTES;
    for block in blocks.iter().filter(small) {
        if let Some(captures) = SYNDICATION.captures(block.text) {
            confirmed_title.get_or_insert_with(|| clean(&captures["title"]));
            metadata
                .publisher
                .get_or_insert_with(|| clean(&captures["publisher"]));
        }
    }
    metadata.publisher = metadata.publisher.or_else(|| find_publisher(blocks));
    let header = &blocks[..blocks.len().min(HEADER_BLOCKS)];
    let mut title_spot = None;
    if let Some(title) = &confirmed_title {
        title_spot = header
            .iter()
            .enumerate()
            .find_map(|(index, block)| Some((index, block.text.find(title.as_str())?)))
            .filter(|&(index, _)| clean(header[index].text) != *title)
            .map(|(index, start)| TitleSpot {
                block: index,
                range: start..start + title.len(),
            });
    }
    for (index, block) in blocks.iter().enumerate().filter(|(_, block)| small(block)) {
        if let Some((tags, title)) = tags_and_title(block.text, confirmed_title.as_deref()) {
            metadata.tags = tags;
            if title_spot.is_none()
                && index < HEADER_BLOCKS
                && let Some(range) = title
            {
                title_spot = Some(TitleSpot {
                    block: index,
                    range,
                });
            }
            break;
        }
    }
    metadata.title = confirmed_title
        .or_else(|| {
            title_spot
                .as_ref()
                .map(|spot| clean(&blocks[spot.block].text[spot.range.clone()]))
        })
        .or_else(|| standalone_title(header).map(|index| clean(header[index].text)));
    metadata.author = header
        .iter()
        .find_map(|block| byline_author(block.text))
        .or_else(|| {
            blocks.iter().filter(small).find_map(|block| {
                ABOUT_AUTHOR
                    .captures(block.text)
                    .and_then(|captures| names(&captures["name"]))
            })
        });
    metadata.date = header_date(header);
    let title_block = metadata.title.as_ref().and_then(|title| {
        header
            .iter()
            .position(|block| clean(block.text).eq_ignore_ascii_case(title))
    });
    Found {
        metadata,
        title_spot,
        title_block,
    }
}

/// Index of a block among the first few that reads as a headline: a heading, or a short line
/// without final full stop that is neither a byline nor a date, followed by more text.
pub fn standalone_title(header: &[BlockInfo]) -> Option<usize> {
    // A heading further down is a section heading, not the headline.
    if let Some(index) = header
        .iter()
        .take(3)
        .position(|block| block.kind == BlockKind::Heading)
    {
        return Some(index);
    }
    header
        .iter()
        .take(5)
        .position(|block| {
            looks_like_title(block.text)
                && boilerplate::local_reason(block.text, block.kind).is_none()
        })
        .filter(|&index| index + 1 < header.len())
}

fn looks_like_title(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let first_upper = text.chars().next().is_some_and(|c| c.is_uppercase());
    (3..=TITLE_WORDS).contains(&words)
        && first_upper
        && !boilerplate::is_breadcrumb(text)
        && !text.ends_with(['.', ':', ',', ';', '»', '”', '"'])
        && !opens_with_label(text)
        && BYLINE.find(text).is_none_or(|m| m.start() != 0)
        && dates::find_date(text).is_none()
}

/// Whether text opens with a one- or two-word label and a colon ("Source: …", "Tags: …").
pub fn opens_with_label(text: &str) -> bool {
    text.split_once(':')
        .is_some_and(|(before, _)| before.split_whitespace().count() <= 2)
}

/// Finds a publisher in a syndication note ("originally published on X") or a copyright line.
fn find_publisher(blocks: &[BlockInfo]) -> Option<String> {
    let short = |block: &&BlockInfo| block.text.len() <= 300;
    blocks
        .iter()
        .filter(short)
        .find_map(|block| ORIGINALLY.captures(block.text))
        .map(|captures| clean(&captures["publisher"]))
        .or_else(|| {
            blocks
                .iter()
                .rev()
                .filter(short)
                .find_map(|block| COPYRIGHT.captures(block.text))
                .map(|captures| clean(&captures["publisher"]))
        })
        .filter(|publisher| !publisher.is_empty())
}

/// The tags of a "Tags: A, B, and C" run in `text`, and the byte range of a title glued to its
/// end, if any. A title is glued on when the run ends not at a new label or the end of the
/// block but at a date or byline; it is located by the confirmed title when there is one, or
/// else by where a headline probably starts.
fn tags_and_title(
    text: &str,
    confirmed_title: Option<&str>,
) -> Option<(Vec<String>, Option<Range<usize>>)> {
    if !text.contains(':') {
        return None;
    }
    let label = TAGS_LABEL.find(text)?;
    let start = label.end();
    let rest = &text[start..];
    let label_end = NEXT_LABEL.find(rest).map(|m| m.start());
    let date_end = dates::find_date(rest).map(|d| d.range.start);
    let byline_end = BYLINE.find(rest).map(|m| m.start());
    let header_end = [date_end, byline_end].into_iter().flatten().min();
    let (end, glued) = match (label_end, header_end) {
        (Some(label), Some(header)) if header < label => (header, true),
        (None, Some(header)) => (header, true),
        (Some(label), _) => (label, false),
        (None, None) => (rest.len(), false),
    };
    let run = &rest[..end];
    let (list, title) = match confirmed_title.and_then(|title| run.find(title)) {
        Some(at) => (&run[..at], Some(at..run.trim_end().len())),
        None if glued => split_glued_title(run),
        None => (run, None),
    };
    let tags = split_list(list);
    if tags.is_empty() {
        return None;
    }
    let title = title
        .filter(|range| !run[range.clone()].trim().is_empty())
        .map(|range| start + range.start..start + range.end);
    Some((tags, title))
}

/// Splits "A, B, and C Some Headline" into the list and the headline's range: the last item
/// keeps at most as many words as the longest earlier item, and the headline starts at the
/// first headline-opening word within that window (else right after it).
fn split_glued_title(run: &str) -> (&str, Option<Range<usize>>) {
    let trimmed_len = run.trim_end().len();
    let last_comma = run.rfind(',').map_or(0, |i| i + 1);
    let longest = run[..last_comma]
        .split(',')
        .map(|item| item.split_whitespace().count())
        .max()
        .unwrap_or(1)
        .max(1);
    let words: Vec<(usize, &str)> = word_positions(&run[last_comma..])
        .into_iter()
        .map(|(at, word)| (at + last_comma, word))
        .filter(|(_, word)| !matches!(word.to_lowercase().as_str(), "and" | "&"))
        .collect();
    if words.len() <= longest {
        return (run, None);
    }
    let split = (1..=longest)
        .find(|&k| HEADLINE_OPENERS.contains(&words[k].1.to_lowercase().as_str()))
        .unwrap_or(longest.min(words.len() - 1));
    let at = words[split].0;
    (&run[..at], Some(at..trimmed_len))
}

fn word_positions(text: &str) -> Vec<(usize, &str)> {
    text.split_whitespace()
        .map(|word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
        .collect()
}

/// Splits "A, B, and C" (or "A; B") into items.
fn split_list(list: &str) -> Vec<String> {
    list.split([',', ';', '|'])
        .flat_map(|item| item.split(" & "))
        .map(|item| {
            let item = item.trim();
            item.strip_prefix("and ").unwrap_or(item)
        })
        .map(clean)
        .filter(|item| !item.is_empty())
        .collect()
}

/// The author named by a byline in `text` ("By Jane Roe", "By: Jane Roe and John Doe",
/// "Author: Jane Roe"), when the block is short enough to be header matter.
pub fn byline_author(text: &str) -> Option<String> {
    if text.split_whitespace().count() > 150 {
        return None;
    }
    BYLINE.find_iter(text).find_map(|found| {
        let prefix = text[..found.start()].trim_end();
        let opener = found.as_str().trim();
        // A byline opens the block, or follows a date or a label's value as a "By:" label or
        // a capitalised "By"; a lowercase "by" after other words is prose.
        let placed = prefix.is_empty()
            || prefix.ends_with(|c: char| c.is_ascii_digit())
            || (opener.ends_with(':') || opener.starts_with(char::is_uppercase))
                && !prefix.ends_with(|c: char| c.is_lowercase());
        placed.then(|| names(&text[found.end()..])).flatten()
    })
}

/// The personal names at the start of `text`: runs of capitalised words (initials and name
/// particles allowed) separated by "and", "&" or commas, ending at anything else — a date, a
/// pipe, a lowercase word. Several names are joined with ", ".
pub fn names(text: &str) -> Option<String> {
    let text = match dates::find_date(text) {
        Some(date) => &text[..date.range.start],
        None => text,
    };
    let mut found: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let flush = |current: &mut Vec<&str>, found: &mut Vec<String>| {
        if !current.is_empty() {
            found.push(current.join(" "));
            current.clear();
        }
    };
    for raw in text.split_whitespace() {
        let comma = raw.ends_with(',');
        let word = raw.trim_end_matches([',', ';']);
        let lower = word.to_lowercase();
        let is_name_word = word.chars().next().is_some_and(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || "-'’.".contains(c))
            && !matches!(
                lower.as_str(),
                "updated" | "published" | "posted" | "on" | "and" | "in"
            );
        let is_particle = matches!(
            lower.as_str(),
            "van" | "von" | "de" | "der" | "da" | "del" | "la" | "le" | "bin" | "al"
        ) && !current.is_empty();
        if is_name_word || is_particle {
            current.push(word);
        } else if matches!(lower.as_str(), "and" | "&") && !current.is_empty() {
            flush(&mut current, &mut found);
            continue;
        } else {
            break;
        }
        if comma {
            if current.len() < 2 {
                break;
            }
            flush(&mut current, &mut found);
        }
        if current.len() > 4 {
            return None;
        }
    }
    flush(&mut current, &mut found);
    // A personal name has at least two words; a lone word is an agency or affiliation
    // ("Jane Roe, Reuters") or prose ("By January …").
    found.retain(|name| name.contains(' ') && dates::month_number(name).is_none());
    (!found.is_empty()).then(|| {
        found
            .iter()
            .map(|name| title_case_if_shouting(name))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// "JANE ROE" becomes "Jane Roe"; names in mixed case are kept.
fn title_case_if_shouting(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_owned();
    }
    name.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_string() + &chars.as_str().to_lowercase()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The publication date: from a byline, dateline or metadata run among the header blocks, or
/// else from a short header line.
fn header_date(header: &[BlockInfo]) -> Option<String> {
    let words = |block: &BlockInfo| block.text.split_whitespace().count();
    header
        .iter()
        .filter(|block| {
            words(block) <= 150
                && (byline_author(block.text).is_some()
                    || TAGS_LABEL.is_match(block.text)
                    || dates::is_dateline(block.text))
        })
        .chain(header.iter().filter(|block| words(block) <= 12))
        .find_map(|block| dates::find_date(block.text))
        .map(|date| date.iso)
}

/// Trims white space, edge punctuation and quotation marks.
fn clean(text: &str) -> String {
    text.trim()
        .trim_end_matches(['.', ',', ';', ':'])
        .trim_matches(['"', '“', '”', '«', '»'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Finishes a front-end's document: flags boilerplate (using the author already found) and
/// fills in the standfirst when none is known yet.
pub fn finish(builder: &mut DocumentBuilder) {
    boilerplate::flag_boilerplate(builder);
    if builder.metadata().standfirst.is_some() {
        return;
    }
    let standfirst = {
        let blocks = BlockInfo::of_builder(builder);
        let flagged: Vec<bool> = builder
            .blocks()
            .iter()
            .map(|b| b.is_boilerplate())
            .collect();
        let title = builder.metadata().title.as_deref();
        let title_block = blocks
            .iter()
            .position(|block| {
                block.kind == BlockKind::Heading
                    && title.is_none_or(|title| clean(block.text).eq_ignore_ascii_case(title))
            })
            .or_else(|| {
                blocks
                    .iter()
                    .position(|block| block.kind == BlockKind::Heading)
            });
        find_standfirst(&blocks, &flagged, title_block)
            .map(|index| clean_keep_stop(blocks[index].text))
    };
    builder.metadata_mut().standfirst = standfirst;
}

/// Collapses white space, keeping final punctuation.
fn clean_keep_stop(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The standfirst: the first content paragraph after the header (title, byline, share
/// widgets), when it is short — one or two sentences — and shorter than the paragraph after
/// it, as a summary printed between headline and body is.
///
/// `flagged[i]` says whether block `i` is boilerplate; `title_block` is the block holding the
/// title, if any.
pub fn find_standfirst(
    blocks: &[BlockInfo],
    flagged: &[bool],
    title_block: Option<usize>,
) -> Option<usize> {
    let is_header = |index: usize| {
        flagged[index] || Some(index) == title_block || blocks[index].kind == BlockKind::Heading
    };
    let after_title = title_block? + 1;
    let first = (after_title..blocks.len().min(HEADER_BLOCKS)).find(|&index| !is_header(index))?;
    if !is_header(first - 1) {
        return None;
    }
    let candidate = &blocks[first];
    let words = candidate.text.split_whitespace().count();
    let next = (first + 1..blocks.len()).find(|&index| !flagged[index])?;
    let next_words = blocks[next].text.split_whitespace().count();
    let sentences = crate::segment::sentences(candidate.text).len();
    (candidate.kind == BlockKind::Paragraph
        && blocks[next].kind != BlockKind::Heading
        && words <= STANDFIRST_WORDS
        && sentences <= 2
        && words < next_words
        && !candidate.text.ends_with(':')
        && !NEWS_DATELINE.is_match(candidate.text))
    .then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::boilerplate::paragraphs;
    use crate::ingest::fixtures::BODY;

    /// Aggregators glue the taxonomy, headline, date and byline into one line; the tag list
    /// runs straight into the headline, which the syndication note confirms.
    #[test]
    fn metadata_run_with_confirmed_title() {
        let run = "Topic: Trade Region: Europe Tags: Ports, Shipping Lanes, and North Sea \
                   Why Harbours Are Losing Money March 3, 2025 By: Jane Roe";
        let found = extract(&paragraphs([
            run,
            "Share",
            BODY,
            "The post Why Harbours Are Losing Money appeared first on The Harbour Review.",
        ]));
        let meta = &found.metadata;
        assert_eq!(meta.title.as_deref(), Some("Why Harbours Are Losing Money"));
        assert_eq!(meta.author.as_deref(), Some("Jane Roe"));
        assert_eq!(meta.date.as_deref(), Some("2025-03-03"));
        assert_eq!(meta.publisher.as_deref(), Some("The Harbour Review"));
        assert_eq!(meta.tags, ["Ports", "Shipping Lanes", "North Sea"]);
        let spot = found.title_spot.unwrap();
        assert_eq!(&run[spot.range], "Why Harbours Are Losing Money");
    }

    /// Without a confirmation elsewhere, the headline is split off the last tag where a
    /// headline opener word starts, within the length of the other tags.
    #[test]
    fn metadata_run_without_confirmation() {
        let run = "Tags: Ports, Shipping Lanes, and North Sea How Harbours Lose Money \
                   March 3, 2025 By Jane Roe";
        let meta = extract(&paragraphs([run, BODY, BODY])).metadata;
        assert_eq!(meta.tags, ["Ports", "Shipping Lanes", "North Sea"]);
        assert_eq!(meta.title.as_deref(), Some("How Harbours Lose Money"));
    }

    /// A plain "Tags:" line ends at the block's end or the next label: no title glued on.
    #[test]
    fn plain_tag_line() {
        let meta = extract(&paragraphs(["A Headline Here", BODY, "Tags: Ports; Trade"])).metadata;
        assert_eq!(meta.tags, ["Ports", "Trade"]);
        let meta = extract(&paragraphs(["A Headline Here", "Tags: Ports; Trade", BODY])).metadata;
        assert_eq!(meta.tags, ["Ports", "Trade"]);
        assert_eq!(meta.title.as_deref(), Some("A Headline Here"));
    }

    /// The usual pasted header: headline, byline, dateline.
    #[test]
    fn headline_byline_dateline() {
        let meta = extract(&paragraphs([
            "Harbours Are Losing Money",
            "By JANE ROE and John Doe",
            "Published 6 February 2026",
            BODY,
            "© 2026 The Harbour Review. All rights reserved.",
        ]))
        .metadata;
        assert_eq!(meta.title.as_deref(), Some("Harbours Are Losing Money"));
        assert_eq!(meta.author.as_deref(), Some("Jane Roe, John Doe"));
        assert_eq!(meta.date.as_deref(), Some("2026-02-06"));
        assert_eq!(meta.publisher.as_deref(), Some("The Harbour Review"));
    }

    /// Names end at affiliations, dates and prose.
    #[test]
    fn names_from_bylines() {
        assert_eq!(names("Jane Roe, Reuters").as_deref(), Some("Jane Roe"));
        assert_eq!(names("Jane Roe | Updated").as_deref(), Some("Jane Roe"));
        assert_eq!(
            names("Ludwig van Beet and Ana Lima February 6, 2026").as_deref(),
            Some("Ludwig van Beet, Ana Lima")
        );
        assert_eq!(names("the end of the year"), None);
        assert_eq!(byline_author("By: Jane Roe").as_deref(), Some("Jane Roe"));
    }

    /// With no byline in the header, "About the Author: X" names the author.
    #[test]
    fn author_from_about_heading() {
        let meta = extract(&paragraphs([
            "Harbours Are Losing Money",
            BODY,
            "About the Author: Jane Roe",
        ]))
        .metadata;
        assert_eq!(meta.author.as_deref(), Some("Jane Roe"));
    }

    /// A source line's domain is not a publisher name; reprint notes name one.
    #[test]
    fn publisher_only_from_explicit_names() {
        let meta = extract(&paragraphs([
            "A Headline Here",
            BODY,
            "Source: example.org",
        ]))
        .metadata;
        assert_eq!(meta.publisher, None);
        let meta = extract(&paragraphs([
            "A Headline Here",
            BODY,
            "This article was originally published on The Harbour Review.",
        ]))
        .metadata;
        assert_eq!(meta.publisher.as_deref(), Some("The Harbour Review"));
    }

    /// The summary between header and body is the standfirst; a long first paragraph is not.
    #[test]
    fn standfirst_after_header() {
        let short = "Ports are losing money as shipping moves elsewhere.";
        let texts = ["Harbours Are Losing Money", "Share", short, BODY];
        let flagged = [false, true, false, false];
        assert_eq!(
            find_standfirst(&paragraphs(texts), &flagged, Some(0)),
            Some(2)
        );
        let texts = ["Harbours Are Losing Money", "Share", BODY, short];
        assert_eq!(find_standfirst(&paragraphs(texts), &flagged, Some(0)), None);
        let lede = "LONDON — Ports are losing money as shipping moves elsewhere.";
        let texts = ["Harbours Are Losing Money", "Share", lede, BODY];
        assert_eq!(find_standfirst(&paragraphs(texts), &flagged, Some(0)), None);
        let texts = ["Share", short, BODY, BODY];
        assert_eq!(
            find_standfirst(&paragraphs(texts), &[true, false, false, false], None),
            None
        );
    }
}
