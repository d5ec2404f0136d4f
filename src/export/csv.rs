//! CSV in Readwise's import columns: Highlight, Title, Author, URL, Note, Location, Date.
//!
//! Quoting follows RFC 4180 (fields with commas, quotes or line breaks are quoted, quotes
//! doubled, lines end in CRLF), done by the `csv` crate. The highlight's tag opens the Note cell
//! in Readwise's inline-tag form (`.claim`). Location is the highlight's character offset in
//! the article (empty when orphaned); Date is when it was made, `YYYY-MM-DD HH:MM:SS` in UTC.
//!
//! Spreadsheets treat a cell that starts with `=`, `+`, `-` or `@` (and, in some, a tab or
//! carriage return) as a formula, so a quote such as `=HYPERLINK(…)` could run when the file is
//! opened. Every such cell is written with a leading `'`, which spreadsheets read as "text".

use super::ExportInput;

/// The header row Readwise expects.
pub const HEADER: [&str; 7] = [
    "Highlight",
    "Title",
    "Author",
    "URL",
    "Note",
    "Location",
    "Date",
];

/// Renders one row per highlight, in reading order, article by article.
pub fn render(inputs: &[ExportInput]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    write_row(&mut writer, HEADER.map(str::to_owned));
    for input in inputs {
        for highlight in input.highlights_in_reading_order() {
            let tag = highlight
                .tag
                .as_deref()
                .map(|tag| format!(".{}", readwise_tag(tag)));
            let text = highlight.note.clone().filter(|n| !n.trim().is_empty());
            let note = [tag, text]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("\n");
            let location = highlight
                .span
                .as_ref()
                .map_or_else(String::new, |span| span.start.to_string());
            let date = highlight.created.strftime("%Y-%m-%d %H:%M:%S").to_string();
            write_row(
                &mut writer,
                [
                    highlight.quote.clone(),
                    input.title().to_owned(),
                    input.metadata.author.clone().unwrap_or_default(),
                    String::new(),
                    note,
                    location,
                    date,
                ],
            );
        }
    }
    let bytes = writer
        .into_inner()
        .expect("flushing a CSV writer into memory cannot fail");
    String::from_utf8(bytes).expect("CSV built from Strings is UTF-8")
}

/// Writes one record with every cell defused.
fn write_row(writer: &mut csv::Writer<Vec<u8>>, cells: [String; 7]) {
    writer
        .write_record(cells.iter().map(|cell| defuse_formula(cell)))
        .expect("writing a CSV record into memory cannot fail");
}

/// Prefixes `'` to a cell that a spreadsheet would run as a formula.
pub fn defuse_formula(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// A tag as a Readwise inline tag: one word, white space replaced by `-`.
fn readwise_tag(tag: &str) -> String {
    tag.split_whitespace().collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A quote like `=HYPERLINK("http://evil","click")` must not become a live formula when the
    /// export is opened in a spreadsheet (CSV injection).
    #[test]
    fn formula_triggers_are_defused_and_other_cells_kept() {
        for cell in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(defuse_formula(cell), format!("'{cell}"));
        }
        for cell in ["plain", " =not first", "", "Zürich", "'quoted"] {
            assert_eq!(defuse_formula(cell), cell);
        }
    }

    #[test]
    fn readwise_tags_are_single_words() {
        assert_eq!(readwise_tag("follow up  later"), "follow-up-later");
    }
}
