//! Lays out a table's cells as aligned plain text, the body of one preformatted block.
//!
//! Columns are as wide as their widest cell; when the table would be wider than
//! [`TABLE_WIDTH`], the widest columns give way first and their cells wrap inside the column.
//! A rule under the header rows separates them from the body, and when any body row takes more
//! than one line, a blank line separates the body rows so each row reads as one unit.

use unicode_width::UnicodeWidthStr;

/// The widest a laid-out table may be, in terminal cells: the reader's default text measure.
pub const TABLE_WIDTH: usize = 80;

/// No column is narrowed below this many cells (fewer makes most words break).
const MIN_COLUMN: usize = 10;

/// What separates two columns.
const GAP: &str = "  ";

/// Lays out `rows` (each a list of cell texts; the first `header_rows` are headers) as lines of
/// aligned columns joined by `\n`, without trailing spaces.
pub fn layout(rows: &[Vec<String>], header_rows: usize) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    if columns == 0 {
        return String::new();
    }
    let widths = column_widths(rows, columns);
    let wrapped: Vec<Vec<Vec<String>>> = rows
        .iter()
        .map(|row| {
            (0..columns)
                .map(|column| wrap_cell(row.get(column).map_or("", String::as_str), widths[column]))
                .collect()
        })
        .collect();
    let body_wraps = wrapped
        .iter()
        .skip(header_rows)
        .any(|row| row.iter().any(|lines| lines.len() > 1));
    let mut out = Vec::new();
    for (index, row) in wrapped.iter().enumerate() {
        if body_wraps && index > header_rows {
            out.push(String::new());
        }
        let height = row.iter().map(Vec::len).max().unwrap_or(1);
        for line in 0..height {
            let cells: Vec<&str> = row
                .iter()
                .map(|lines| lines.get(line).map_or("", String::as_str))
                .collect();
            out.push(join_padded(&cells, &widths));
        }
        if index + 1 == header_rows {
            let rules: Vec<String> = widths.iter().map(|&width| "─".repeat(width)).collect();
            out.push(rules.join(GAP));
        }
    }
    out.join("\n")
}

/// Each column's natural width (its widest cell), narrowed widest-first until the table fits
/// [`TABLE_WIDTH`] or every column is at [`MIN_COLUMN`].
fn column_widths(rows: &[Vec<String>], columns: usize) -> Vec<usize> {
    let mut widths: Vec<usize> = (0..columns)
        .map(|column| {
            rows.iter()
                .filter_map(|row| row.get(column))
                .map(|cell| cell.width())
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    let total = |widths: &[usize]| widths.iter().sum::<usize>() + GAP.len() * (columns - 1);
    while total(&widths) > TABLE_WIDTH {
        let widest = (0..columns)
            .max_by_key(|&column| widths[column])
            .expect("at least one column");
        if widths[widest] <= MIN_COLUMN {
            break;
        }
        widths[widest] -= 1;
    }
    widths
}

/// A cell's text wrapped to `width` (words longer than the column are broken).
fn wrap_cell(text: &str, width: usize) -> Vec<String> {
    let lines: Vec<String> = textwrap::wrap(text.trim(), width)
        .into_iter()
        .map(|line| line.into_owned())
        .collect();
    if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    }
}

/// One line of cells, each padded to its column's width, without trailing spaces.
fn join_padded(cells: &[&str], widths: &[usize]) -> String {
    let mut line = String::new();
    for (index, (cell, width)) in cells.iter().zip(widths).enumerate() {
        if index > 0 {
            line.push_str(GAP);
        }
        line.push_str(cell);
        line.extend(std::iter::repeat_n(' ', width.saturating_sub(cell.width())));
    }
    line.truncate(line.trim_end().len());
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(cells: &[&[&str]]) -> Vec<Vec<String>> {
        cells
            .iter()
            .map(|row| row.iter().map(|cell| (*cell).to_owned()).collect())
            .collect()
    }

    /// A narrow table keeps every cell on one line, aligned, with a rule under the header, so
    /// it reads as a table and not as a run-on paragraph of pipes.
    #[test]
    fn narrow_table_aligns_columns_under_a_rule() {
        let table = rows(&[&["Port", "Ships"], &["Harwick", "12"], &["Oban", "7"]]);
        assert_eq!(
            layout(&table, 1),
            "Port     Ships\n───────  ─────\nHarwick  12\nOban     7"
        );
    }

    /// A table wider than the measure narrows its widest column and wraps that column's cells;
    /// blank lines then keep each body row together.
    #[test]
    fn wide_table_wraps_the_widest_column_within_the_measure() {
        let long = "a long description of what this row is about, far too long for one line of \
                    any reasonable terminal";
        let table = rows(&[&["Name", "About"], &["first", long], &["second", "short"]]);
        let text = layout(&table, 1);
        assert!(
            text.lines().all(|line| line.width() <= TABLE_WIDTH),
            "{text}"
        );
        assert!(text.lines().count() > 4, "{text}");
        assert!(text.contains("\n\nsecond  short"), "{text}");
    }

    /// Rows shorter than the header get empty cells, and wide characters are measured by their
    /// display width so columns stay aligned on screen.
    #[test]
    fn ragged_rows_and_wide_characters_stay_aligned() {
        let table = rows(&[&["城市", "x"], &["ab"]]);
        assert_eq!(layout(&table, 1), "城市  x\n────  ─\nab");
    }

    /// A table of no cells lays out as nothing.
    #[test]
    fn empty_table_is_empty() {
        assert_eq!(layout(&[], 0), "");
    }
}
