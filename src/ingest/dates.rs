//! Dates as bylines, datelines and `<meta>` tags write them, turned into ISO 8601 `YYYY-MM-DD`.
//!
//! Recognised forms: ISO dates and timestamps (`2026-02-06`, `2026-02-06T10:00:00Z`,
//! `2026/02/06`, `2026.02.06`), month-first (`February 6, 2026`, `Feb. 6, 2026`,
//! `Jan 3rd, 2025`) and day-first (`6 February 2026`, `6th of Feb 2026`, `06 Feb 2026` as in
//! RFC 2822). Calendar validity is checked with `jiff`. Numeric day/month orders other than
//! year-first (`02/06/2026`) are ambiguous between countries and are not read.

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};

/// A date found inside a longer piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    /// Byte range of the date as written.
    pub range: Range<usize>,
    /// The date as ISO 8601 `YYYY-MM-DD`.
    pub iso: String,
}

const MONTH: &str = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

static YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})[-/.](?P<day>\d{1,2})")
        .expect("valid regex")
});

static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b){MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})(?-u:\b)"
    ))
    .expect("valid regex")
});

static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?{MONTH},?\s+(?P<year>\d{{4}})(?-u:\b)"
    ))
    .expect("valid regex")
});

/// Words that may surround a date in a dateline without making it more than a date, besides
/// the weekday names of [`WEEKDAY_NAMES`].
const DATELINE_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "modified",
    "last",
    "on",
    "at",
    "am",
    "pm",
    "a.m",
    "p.m",
    "utc",
    "gmt",
    "est",
    "edt",
    "cst",
    "cdt",
    "pst",
    "pdt",
    "bst",
    "cet",
    "cest",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "t",
    "z",
];

/// Parses text that is a date — possibly with a weekday, a time, a time zone or a word like
/// "Published" around it — into ISO `YYYY-MM-DD`. Returns `None` when the text holds no date
/// or holds much more than one.
pub fn parse_date(text: &str) -> Option<String> {
    let found = find_date(text)?;
    let rest = format!(
        "{} {}",
        &text[..found.range.start],
        &text[found.range.end..]
    );
    let extra_words = rest
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .map(|word| {
            word.chars()
                .filter(|c| c.is_alphabetic() || *c == '.')
                .collect::<String>()
        })
        .map(|word| word.trim_matches('.').to_lowercase())
        .filter(|word| {
            !word.is_empty()
                && !DATELINE_WORDS.contains(&word.as_str())
                && !WEEKDAY_NAMES.contains(&word.as_str())
        })
        .count();
    (extra_words == 0).then_some(found.iso)
}

/// Whether `text` is nothing but a dateline: a date with at most a weekday, a time and words
/// like "Published" or "Updated" around it.
pub fn is_dateline(text: &str) -> bool {
    parse_date(text).is_some()
}

/// Finds the first date written inside `text`.
pub fn find_date(text: &str) -> Option<DateMatch> {
    find_dates(text).into_iter().next()
}

/// Finds every date written inside `text`, in order of position.
pub fn find_dates(text: &str) -> Vec<DateMatch> {
    let mut found: Vec<DateMatch> = Vec::new();
    for captures in YEAR_FIRST.captures_iter(text) {
        let end = captures.name("day").map_or(0, |m| m.end());
        if text[end..].starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let start = captures.get(0).map_or(0, |m| m.start());
        if let Some(iso) = iso_from(&captures, numeric_month) {
            found.push(DateMatch {
                range: start..end,
                iso,
            });
        }
    }
    for regex in [&*MONTH_FIRST, &*DAY_FIRST] {
        for captures in regex.captures_iter(text) {
            let whole = captures.get(0).expect("group 0 always matches");
            if let Some(iso) = iso_from(&captures, month_number) {
                found.push(DateMatch {
                    range: whole.start()..whole.end(),
                    iso,
                });
            }
        }
    }
    found.sort_by_key(|date| date.range.start);
    found.dedup_by(|later, earlier| later.range.start < earlier.range.end);
    found
}

/// Builds the ISO date from `year`, `month` and `day` groups, checking the calendar.
fn iso_from(captures: &Captures, month: fn(&str) -> Option<i8>) -> Option<String> {
    let year: i16 = captures.name("year")?.as_str().parse().ok()?;
    let month = month(captures.name("month")?.as_str())?;
    let day: i8 = captures.name("day")?.as_str().parse().ok()?;
    if !(1000..=2999).contains(&year) {
        return None;
    }
    jiff::civil::Date::new(year, month, day)
        .ok()
        .map(|date| date.to_string())
}

fn numeric_month(text: &str) -> Option<i8> {
    text.parse().ok()
}

/// English month names, lower case, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// English weekday names, lower case, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The number (1–12) of an English month name or abbreviation.
pub fn month_number(name: &str) -> Option<i8> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    let index = MONTH_NAMES.iter().position(|month| {
        *month == lower || (lower.len() >= 3 && month.starts_with(&lower) && lower.len() <= 4)
    })?;
    Some(index as i8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every form met in bylines, datelines and `<meta>` tags maps to the same ISO date.
    #[test]
    fn byline_and_meta_forms_parse() {
        for text in [
            "February 6, 2026",
            "Feb. 6, 2026",
            "Feb 6 2026",
            "FEBRUARY 6, 2026",
            "6 February 2026",
            "6th of February, 2026",
            "06 Feb 2026",
            "2026-02-06",
            "2026-02-06T10:00:00Z",
            "2026-02-06T10:00:00+01:00",
            "2026/02/06",
            "2026.2.6",
            "Friday, February 6, 2026",
            "Fri, 06 Feb 2026 10:00:00 +0000",
            "Published: February 6, 2026 at 10:00 a.m. EST",
            "Updated Feb. 6, 2026",
        ] {
            assert_eq!(parse_date(text).as_deref(), Some("2026-02-06"), "{text}");
        }
        assert_eq!(parse_date("Jan 3rd, 2025").as_deref(), Some("2025-01-03"));
        assert_eq!(parse_date("Sept. 30, 2024").as_deref(), Some("2024-09-30"));
    }

    /// Impossible dates, ambiguous numeric orders, and prose that merely mentions a date are
    /// not datelines.
    #[test]
    fn non_dates_are_refused() {
        assert_eq!(parse_date("February 30, 2026"), None);
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(parse_date("02/06/2026"), None);
        assert_eq!(parse_date("February 2026"), None);
        assert_eq!(parse_date("On January 31, 2026 the army attacked"), None);
        assert_eq!(parse_date("2026-02-061"), None);
    }

    /// The finder locates a date inside a longer line (a byline or a metadata run), giving the
    /// byte range so the caller can split the line around it.
    #[test]
    fn finder_gives_range_and_iso() {
        let line = "Tags: A, B A Headline Here March 3, 2025 By: Jane Roe";
        let found = find_date(line).unwrap();
        assert_eq!(&line[found.range.clone()], "March 3, 2025");
        assert_eq!(found.iso, "2025-03-03");
        let both = find_dates("from 2024-01-02 to 5 May 2024");
        let isos: Vec<_> = both.iter().map(|d| d.iso.as_str()).collect();
        assert_eq!(isos, ["2024-01-02", "2024-05-05"]);
    }

    #[test]
    fn month_names_are_exact() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("JUNE"), Some(6));
        assert_eq!(month_number("Jane"), None);
        assert_eq!(month_number("Marching"), None);
    }

    #[test]
    fn dateline_accepts_only_a_date() {
        assert!(is_dateline("Updated: 6 Feb 2026, 10:42 GMT"));
        assert!(!is_dateline("The vote on 6 Feb 2026 was close."));
    }
}
