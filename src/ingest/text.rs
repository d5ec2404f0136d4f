//! Plain-text front-end.
//!
//! Paragraphs are the non-empty lines, or — when the text is hard-wrapped — the runs of lines
//! between blank lines, with a deliberately short line also ending a paragraph. The headline
//! becomes a level-1 heading (split out of a metadata run when it is glued into one), bulleted
//! lines become list items, then metadata is gathered and boilerplate flagged.

use std::borrow::Cow;

use super::{boilerplate, dates, metadata};
use crate::document::{BlockKind, Document, DocumentBuilder, Format};

/// Parses plain text into a document with metadata and boilerplate flags.
pub fn parse(text: &str) -> Document {
    let paragraphs = split_paragraphs(text);
    let infos = boilerplate::paragraphs(paragraphs.iter().map(AsRef::as_ref));
    let found = metadata::extract(&infos);
    let mut builder = DocumentBuilder::new(Format::Text);
    for (index, paragraph) in paragraphs.iter().enumerate() {
        match &found.title_spot {
            Some(spot) if spot.block == index => {
                builder.push(BlockKind::Paragraph, 0, &paragraph[..spot.range.start]);
                builder.push(BlockKind::Heading, 1, &paragraph[spot.range.clone()]);
                for piece in split_dates_and_bylines(&paragraph[spot.range.end..]) {
                    builder.push(BlockKind::Paragraph, 0, piece);
                }
            }
            _ if found.title_block == Some(index) => {
                builder.push(BlockKind::Heading, 1, paragraph);
            }
            _ => {
                let next = paragraphs.get(index + 1).map_or("", |next| next.as_ref());
                match strip_bullet(paragraph) {
                    Some(item) => builder.push(BlockKind::ListItem, 1, item),
                    None if index > 0 && is_subheading(paragraph, next) => {
                        builder.push(BlockKind::Heading, 2, paragraph)
                    }
                    None => builder.push(BlockKind::Paragraph, 0, paragraph),
                };
            }
        }
    }
    *builder.metadata_mut() = found.metadata;
    metadata::finish(&mut builder);
    builder.build()
}

/// Splits the rest of a header line ("February 6, 2026 By: Jane Roe") into its date and its
/// byline, so that each is its own block.
fn split_dates_and_bylines(rest: &str) -> Vec<&str> {
    let mut cuts: Vec<usize> = dates::find_dates(rest)
        .into_iter()
        .flat_map(|date| [date.range.start, date.range.end])
        .collect();
    if let Some(by) = rest.find("By:").or_else(|| rest.find("By ")) {
        cuts.push(by);
    }
    cuts.push(0);
    cuts.push(rest.len());
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|pair| &rest[pair[0]..pair[1]])
        .collect()
}

/// A section heading inside the body: a short capitalised line without final punctuation,
/// label or date, followed by a paragraph of prose.
fn is_subheading(line: &str, next: &str) -> bool {
    line.len() <= 150
        && (2..=12).contains(&line.split_whitespace().count())
        && line.starts_with(char::is_uppercase)
        && !line.ends_with(|c: char| ".,;:!?\"”»)…".contains(c))
        && !metadata::opens_with_label(line)
        && dates::find_date(line).is_none()
        && metadata::byline_author(line).is_none()
        && next.split_whitespace().count() >= 15
}

/// The text of a bulleted line without its bullet ("- ", "* ", "• ").
fn strip_bullet(line: &str) -> Option<&str> {
    ["- ", "* ", "• ", "– "]
        .iter()
        .find_map(|bullet| line.strip_prefix(bullet))
}

/// Splits text into paragraphs, choosing between line and hard-wrapped layouts.
pub fn split_paragraphs(text: &str) -> Vec<Cow<'_, str>> {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    if !is_hard_wrapped(&lines) {
        return lines
            .iter()
            .map(|line| line.trim())
            .filter(|line| !line.is_empty())
            .map(Cow::Borrowed)
            .collect();
    }
    let width = wrap_width(&lines);
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            flush(&mut current, &mut paragraphs);
            continue;
        }
        if strip_bullet(line).is_some() {
            flush(&mut current, &mut paragraphs);
        }
        current.push(line);
        let next = lines.get(index + 1).map_or("", |next| next.trim());
        let next_word = next.split_whitespace().next().unwrap_or("");
        let ends_deliberately =
            !next.is_empty() && line.chars().count() + 1 + next_word.chars().count() + 10 < width;
        if ends_deliberately {
            flush(&mut current, &mut paragraphs);
        }
    }
    flush(&mut current, &mut paragraphs);
    paragraphs
}

fn flush<'a>(current: &mut Vec<&'a str>, paragraphs: &mut Vec<Cow<'a, str>>) {
    match current.len() {
        0 => {}
        1 => paragraphs.push(Cow::Borrowed(current[0])),
        _ => paragraphs.push(Cow::Owned(current.join(" "))),
    }
    current.clear();
}

/// Text is hard-wrapped when it has blank lines and most non-empty lines run on into another
/// non-empty line (paragraphs span several lines).
fn is_hard_wrapped(lines: &[&str]) -> bool {
    let non_empty = lines.iter().filter(|line| !line.trim().is_empty()).count();
    let blank = lines.len() - non_empty;
    let run_on = lines
        .windows(2)
        .filter(|pair| !pair[0].trim().is_empty() && !pair[1].trim().is_empty())
        .count();
    blank > 0 && run_on * 2 > non_empty
}

/// The width text was wrapped at: the 90th percentile of line lengths in characters.
fn wrap_width(lines: &[&str]) -> usize {
    let mut lengths: Vec<usize> = lines
        .iter()
        .map(|line| line.trim().chars().count())
        .filter(|&len| len > 0)
        .collect();
    lengths.sort_unstable();
    lengths
        .get(lengths.len() * 9 / 10)
        .copied()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pasted web text has one paragraph per line.
    #[test]
    fn one_paragraph_per_line() {
        let paragraphs = split_paragraphs("First line.\nSecond line.\n\n\nThird.\n");
        assert_eq!(paragraphs, ["First line.", "Second line.", "Third."]);
    }

    /// Hard-wrapped text keeps paragraphs across lines; short header lines stay apart.
    #[test]
    fn hard_wrapped_paragraphs() {
        let text = "A Headline\nBy Jane Roe\n\nThe council voted on Tuesday to extend the\n\
                    programme for another three years, despite\nobjections from members.\n\n\
                    Members argued that its costs had doubled\nsince the programme began and \
                    that\nthe money was needed elsewhere.\n";
        let paragraphs = split_paragraphs(text);
        assert_eq!(paragraphs.len(), 4, "{paragraphs:?}");
        assert_eq!(paragraphs[0], "A Headline");
        assert_eq!(paragraphs[1], "By Jane Roe");
        assert!(paragraphs[2].starts_with("The council") && paragraphs[2].ends_with("members."));
    }

    /// The headline becomes a heading; bullets become list items; the byline is flagged.
    #[test]
    fn headline_bullets_and_byline() {
        let doc = parse(
            "Harbours Are Losing Money\nBy Jane Roe\nShipping has moved elsewhere.\n\
             - Fees rose by a third.\n- Traffic fell.\nThe council will vote next week on \
             a plan to cut fees at every port in the region.",
        );
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
        assert_eq!(doc.blocks[1].boilerplate.as_deref(), Some("byline"));
        assert_eq!(doc.blocks[3].kind, BlockKind::ListItem);
        assert_eq!(doc.block_text(3), "Fees rose by a third.");
        assert_eq!(doc.metadata.author.as_deref(), Some("Jane Roe"));
        assert_eq!(
            doc.metadata.standfirst.as_deref(),
            Some("Shipping has moved elsewhere.")
        );
    }

    /// Short capitalised lines between paragraphs are section headings; questions and
    /// labelled lines are not.
    #[test]
    fn subheadings() {
        let prose = "The council voted on Tuesday to extend the programme for another three \
                     years, despite objections from members.";
        assert!(is_subheading("A patchwork of rules", prose));
        assert!(!is_subheading("Why do we still respond this way?", prose));
        assert!(!is_subheading("Source: example.org", prose));
        assert!(!is_subheading(
            "A patchwork of rules",
            "Too short to follow."
        ));
    }

    /// A headline glued into a metadata run is split out, with its date and byline.
    #[test]
    fn glued_headline_is_split_out() {
        let doc = parse(
            "Topic: Trade Tags: Ports, and Fees Why Harbours Lose Money March 3, 2025 By: Jane Roe\n\
             Share\n\
             The council voted on Tuesday to extend the programme for three more years.\n\
             The post Why Harbours Lose Money appeared first on The Harbour Review.",
        );
        let texts: Vec<&str> = (0..doc.blocks.len()).map(|i| doc.block_text(i)).collect();
        assert_eq!(
            texts[..4],
            [
                "Topic: Trade Tags: Ports, and Fees",
                "Why Harbours Lose Money",
                "March 3, 2025",
                "By: Jane Roe"
            ]
        );
        assert_eq!(doc.blocks[1].kind, BlockKind::Heading);
        assert!(doc.blocks[0].is_boilerplate() && doc.blocks[2].is_boilerplate());
        assert!(doc.blocks[3].is_boilerplate() && !doc.blocks[5].is_boilerplate());
        assert_eq!(doc.metadata.tags, ["Ports", "Fees"]);
    }
}
