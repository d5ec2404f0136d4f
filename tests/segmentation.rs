//! Sentence segmentation on tricky prose: a table of cases, each naming the hazard it covers,
//! and properties that must hold for any input.

use margent::segment::sentences;
use proptest::prelude::*;

/// One tricky input and the sentences it must split into.
struct Case {
    /// What could go wrong, and why the expected answer is right.
    hazard: &'static str,
    text: &'static str,
    expected: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        hazard: "plain full stops between ordinary sentences split",
        text: "The talks failed. Both sides walked out.",
        expected: &["The talks failed.", "Both sides walked out."],
    },
    Case {
        hazard: "stacked military titles before a name do not end sentences",
        text: "Lt. Gen. Asad Khan resigned on Monday. He gave no reason.",
        expected: &[
            "Lt. Gen. Asad Khan resigned on Monday.",
            "He gave no reason.",
        ],
    },
    Case {
        hazard: "Dr. and Mrs. are followed by capitalised names, which must not start sentences",
        text: "Dr. Amina Rao met Mrs. Patel. They disagreed.",
        expected: &["Dr. Amina Rao met Mrs. Patel.", "They disagreed."],
    },
    Case {
        hazard: "Mr., Ms. and Prof. in one sentence",
        text: "Mr. Lee, Ms. Ortiz and Prof. Adeyemi signed the letter.",
        expected: &["Mr. Lee, Ms. Ortiz and Prof. Adeyemi signed the letter."],
    },
    Case {
        hazard: "political titles Sen., Rep. and Gov. before names",
        text: "Sen. Carla Moss and Rep. Tom Ruiz wrote to Gov. Hale. None replied.",
        expected: &[
            "Sen. Carla Moss and Rep. Tom Ruiz wrote to Gov. Hale.",
            "None replied.",
        ],
    },
    Case {
        hazard: "Col., Capt. and Sgt. are titles too",
        text: "Col. Reyes outranks Capt. Ibsen and Sgt. Moore.",
        expected: &["Col. Reyes outranks Capt. Ibsen and Sgt. Moore."],
    },
    Case {
        hazard: "U.S. before a capitalised noun that is not a sentence starter continues",
        text: "The U.S. Treasury issued new sanctions.",
        expected: &["The U.S. Treasury issued new sanctions."],
    },
    Case {
        hazard: "U.S. can end a sentence when a common starter follows",
        text: "The funds came from the U.S. The rest came from Europe.",
        expected: &["The funds came from the U.S.", "The rest came from Europe."],
    },
    Case {
        hazard: "U.K., U.N. and E.U. inside a sentence, lowercase word after",
        text: "The U.K. and the E.U. asked the U.N. to mediate.",
        expected: &["The U.K. and the E.U. asked the U.N. to mediate."],
    },
    Case {
        hazard: "month abbreviations before a day number",
        text: "The vote moved from Jan. 12 to Feb. 3. Turnout fell.",
        expected: &["The vote moved from Jan. 12 to Feb. 3.", "Turnout fell."],
    },
    Case {
        hazard: "Sept. and Dec. before numbers, then a year ending the sentence",
        text: "It ran from Sept. 9 to Dec. 14, 2025. Nobody noticed.",
        expected: &["It ran from Sept. 9 to Dec. 14, 2025.", "Nobody noticed."],
    },
    Case {
        hazard: "Inc. before a capitalised job title continues",
        text: "Acme Inc. Chief Executive Dana Wu declined to comment.",
        expected: &["Acme Inc. Chief Executive Dana Wu declined to comment."],
    },
    Case {
        hazard: "Corp. can end a sentence before a starter",
        text: "The contract went to Halvorsen Corp. It was the only bidder.",
        expected: &[
            "The contract went to Halvorsen Corp.",
            "It was the only bidder.",
        ],
    },
    Case {
        hazard: "Ltd. and Co. before lowercase words",
        text: "Brand Ltd. and Harper & Co. merged last year.",
        expected: &["Brand Ltd. and Harper & Co. merged last year."],
    },
    Case {
        hazard: "No. before a number is not a sentence end",
        text: "The bill, No. 5 on the list, passed. It now goes to the senate.",
        expected: &[
            "The bill, No. 5 on the list, passed.",
            "It now goes to the senate.",
        ],
    },
    Case {
        hazard: "a numbered item opening a line is a list marker, not a sentence",
        text: "1. Raise the tariff. 2. Cut the subsidy.",
        expected: &["1. Raise the tariff.", "2. Cut the subsidy."],
    },
    Case {
        hazard: "vs. before a capitalised name",
        text: "The case, Rivera vs. Texas, reached the court.",
        expected: &["The case, Rivera vs. Texas, reached the court."],
    },
    Case {
        hazard: "etc. mid-sentence before a lowercase word",
        text: "Fuel, food, etc. all became dearer.",
        expected: &["Fuel, food, etc. all became dearer."],
    },
    Case {
        hazard: "etc. CAN end a sentence: a starter follows",
        text: "They sold rice, oil, sugar etc. But prices kept rising.",
        expected: &["They sold rice, oil, sugar etc.", "But prices kept rising."],
    },
    Case {
        hazard: "e.g. before a capitalised proper noun never ends a sentence",
        text: "Some states, e.g. Germany, objected.",
        expected: &["Some states, e.g. Germany, objected."],
    },
    Case {
        hazard: "i.e., with a comma right after it",
        text: "The core issue, i.e., water rights, remains.",
        expected: &["The core issue, i.e., water rights, remains."],
    },
    Case {
        hazard: "approx. before a number",
        text: "The cost is approx. 40 million dollars.",
        expected: &["The cost is approx. 40 million dollars."],
    },
    Case {
        hazard: "Retd. inside brackets after a rank, followed by a name",
        text: "Maj. Gen. (Retd.) Farid Ali disagreed. He said so twice.",
        expected: &[
            "Maj. Gen. (Retd.) Farid Ali disagreed.",
            "He said so twice.",
        ],
    },
    Case {
        hazard: "St. before a place name is Saint; before a starter it is a street that ends",
        text: "They flew to St. Petersburg. The office is on Baker St. It opens at nine.",
        expected: &[
            "They flew to St. Petersburg.",
            "The office is on Baker St.",
            "It opens at nine.",
        ],
    },
    Case {
        hazard: "stacked initials J. R. R. before a surname",
        text: "J. R. R. Tolkien taught at Oxford.",
        expected: &["J. R. R. Tolkien taught at Oxford."],
    },
    Case {
        hazard: "a middle initial",
        text: "John F. Kennedy spoke in Berlin. Crowds cheered.",
        expected: &["John F. Kennedy spoke in Berlin.", "Crowds cheered."],
    },
    Case {
        hazard: "an initial A. is not the article A starting a sentence",
        text: "The report by J. A. Smith was leaked.",
        expected: &["The report by J. A. Smith was leaked."],
    },
    Case {
        hazard: "a single capital can end a sentence before a starter",
        text: "They chose plan B. It failed anyway.",
        expected: &["They chose plan B.", "It failed anyway."],
    },
    Case {
        hazard: "decimals and percentages contain full stops",
        text: "Inflation hit 3.5% in March. Wages rose 2.1%.",
        expected: &["Inflation hit 3.5% in March.", "Wages rose 2.1%."],
    },
    Case {
        hazard: "money with decimals and thousands separators",
        text: "The deal is worth $1.2bn, or 1,000.50 per head. Critics balked.",
        expected: &[
            "The deal is worth $1.2bn, or 1,000.50 per head.",
            "Critics balked.",
        ],
    },
    Case {
        hazard: "a sentence ending in a money amount",
        text: "The fine was $4.5m. It was paid.",
        expected: &["The fine was $4.5m.", "It was paid."],
    },
    Case {
        hazard: "an ellipsis mid-sentence before a lowercase word",
        text: "We tried … and failed. Then we tried again.",
        expected: &["We tried … and failed.", "Then we tried again."],
    },
    Case {
        hazard: "three dots mid-sentence",
        text: "He paused... and then left.",
        expected: &["He paused... and then left."],
    },
    Case {
        hazard: "an ellipsis that ends a sentence before a capitalised word",
        text: "The money ran out... Nobody was surprised.",
        expected: &["The money ran out...", "Nobody was surprised."],
    },
    Case {
        hazard: "a spaced ellipsis is not three sentences",
        text: "It was . . . unusual.",
        expected: &["It was . . . unusual."],
    },
    Case {
        hazard: "a quotation ending in a comma inside the quote: the attribution continues",
        text: "“The scheme delivers power at low cost,” says Hamid Baloch.",
        expected: &["“The scheme delivers power at low cost,” says Hamid Baloch."],
    },
    Case {
        hazard: "a quotation spanning two sentences, the last ending inside with a comma",
        text: "“We built it. It works at low cost,” says the engineer.",
        expected: &["“We built it.", "It works at low cost,” says the engineer."],
    },
    Case {
        hazard: "the sentence ends after the closing quote, which belongs to it",
        text: "“He left.” She stayed.",
        expected: &["“He left.”", "She stayed."],
    },
    Case {
        hazard: "straight quotes behave like curly ones",
        text: "\"It is over.\" The crowd went home.",
        expected: &["\"It is over.\"", "The crowd went home."],
    },
    Case {
        hazard: "a question mark inside a quote before a lowercase attribution",
        text: "“Why now?” she asked. Nobody answered.",
        expected: &["“Why now?” she asked.", "Nobody answered."],
    },
    Case {
        hazard: "a question mark inside a quote before a named attribution",
        text: "“Who pays?” Senator Moss asked. The room went quiet.",
        expected: &["“Who pays?” Senator Moss asked.", "The room went quiet."],
    },
    Case {
        hazard: "an exclamation inside a quote, then a new sentence",
        text: "“Enough!” The chair adjourned the session.",
        expected: &["“Enough!”", "The chair adjourned the session."],
    },
    Case {
        hazard: "a question ends a sentence before a capital",
        text: "Who benefits? Not the farmers.",
        expected: &["Who benefits?", "Not the farmers."],
    },
    Case {
        hazard: "em dashes around an abbreviation: a dash after the stop continues",
        text: "The plan — approved in Jan. — collapsed. Talks resumed.",
        expected: &["The plan — approved in Jan. — collapsed.", "Talks resumed."],
    },
    Case {
        hazard: "a whole sentence in parentheses keeps its bracket",
        text: "Prices rose. (Wages did not.) Unrest followed.",
        expected: &["Prices rose.", "(Wages did not.)", "Unrest followed."],
    },
    Case {
        hazard: "a reference in parentheses with an abbreviation and a number",
        text: "Output fell (see Fig. 3). It recovered later.",
        expected: &["Output fell (see Fig. 3).", "It recovered later."],
    },
    Case {
        hazard: "a heading with no final punctuation stays whole",
        text: "Why the Pipeline Matters",
        expected: &["Why the Pipeline Matters"],
    },
    Case {
        hazard: "URLs and e-mail addresses contain dots with no space after",
        text: "Details are at example.com/a.b and at info@example.org. Read them.",
        expected: &[
            "Details are at example.com/a.b and at info@example.org.",
            "Read them.",
        ],
    },
    Case {
        hazard: "p.m. before a weekday continues (documented rule)",
        text: "The vote is at 3 p.m. Monday in the assembly.",
        expected: &["The vote is at 3 p.m. Monday in the assembly."],
    },
    Case {
        hazard: "p.m. ends a sentence before a common starter (documented rule)",
        text: "The vote closed at 3 p.m. The count began at once.",
        expected: &["The vote closed at 3 p.m.", "The count began at once."],
    },
    Case {
        hazard: "a.m. before a number continues",
        text: "Polls open at 7 a.m. 6 days a week.",
        expected: &["Polls open at 7 a.m. 6 days a week."],
    },
    Case {
        hazard: "an ordinary sentence can end with a number, and the next start with one",
        text: "The project began in 2019. 2020 brought delays.",
        expected: &["The project began in 2019.", "2020 brought delays."],
    },
    Case {
        hazard: "list items on their own lines are separate even without final punctuation",
        text: "The demands:\n- lower fares\n- more buses",
        expected: &["The demands:", "- lower fares", "- more buses"],
    },
    Case {
        hazard: "a blank line inside a block separates two paragraphs",
        text: "First part without a stop\n\nSecond part",
        expected: &["First part without a stop", "Second part"],
    },
    Case {
        hazard: "a soft line break inside a sentence does not split it",
        text: "The minister said the\nplan would change. It did.",
        expected: &["The minister said the\nplan would change.", "It did."],
    },
    Case {
        hazard: "a footnote marker after the stop belongs to the sentence",
        text: "Exports doubled.[4] Imports fell.",
        expected: &["Exports doubled.[4]", "Imports fell."],
    },
    Case {
        hazard: "ideographic full stops need no space after them",
        text: "会议结束了。代表们离开了。",
        expected: &["会议结束了。", "代表们离开了。"],
    },
    Case {
        hazard: "leading and trailing white space is trimmed from every sentence",
        text: "  One.   Two.  ",
        expected: &["One.", "Two."],
    },
    Case {
        hazard: "punctuation alone does not make a sentence",
        text: "… and so it went.",
        expected: &["… and so it went."],
    },
    Case {
        hazard: "Ph.D. before a starter ends the sentence",
        text: "She holds a Ph.D. Her thesis was on water.",
        expected: &["She holds a Ph.D.", "Her thesis was on water."],
    },
    Case {
        hazard: "an opening quote after an abbreviation: the quoted word decides",
        text: "He joined Veld Inc. “The pay was better,” he said.",
        expected: &["He joined Veld Inc.", "“The pay was better,” he said."],
    },
];

#[test]
fn tricky_cases_split_as_expected() {
    assert!(CASES.len() >= 40, "the table must keep at least 40 cases");
    let mut failures = Vec::new();
    for case in CASES {
        let got: Vec<&str> = sentences(case.text)
            .into_iter()
            .map(|range| &case.text[range])
            .collect();
        if got != case.expected {
            failures.push(format!(
                "{}\n  input:    {:?}\n  expected: {:?}\n  got:      {:?}",
                case.hazard, case.text, case.expected, got
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Checks every promise `sentences` makes about its ranges.
fn check_ranges(text: &str) -> Result<(), TestCaseError> {
    let ranges = sentences(text);
    let mut covered_to = 0;
    for range in &ranges {
        prop_assert!(range.start < range.end, "empty range {range:?}");
        prop_assert!(
            range.start >= covered_to,
            "overlap or disorder at {range:?}"
        );
        prop_assert!(range.end <= text.len());
        prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        let piece = &text[range.clone()];
        prop_assert_eq!(piece, piece.trim(), "untrimmed range {:?}", range);
        prop_assert!(
            text[covered_to..range.start].trim().is_empty(),
            "text left out before {range:?}"
        );
        covered_to = range.end;
    }
    prop_assert!(
        text[covered_to..].trim().is_empty(),
        "text left out at the end"
    );
    Ok(())
}

/// Prose-like strings: words, abbreviations, punctuation, quotes and white space.
fn prose() -> impl Strategy<Value = String> {
    let token = prop::sample::select(vec![
        "The", "plan", "Dr.", "U.S.", "etc.", "No.", "5", "3.5%", ".", "?", "!", "…", "...", "“",
        "”", "\"", "'", "(", ")", ",", "—", " ", "  ", "\n", "\n\n", "- ", "1. ", "J.", "said",
        "it", "。", "é", "\u{a0}", "[2]", "p.m.",
    ]);
    prop::collection::vec(token, 0..40).prop_map(|tokens| tokens.concat())
}

proptest! {
    #[test]
    fn ranges_are_valid_on_arbitrary_unicode(text in any::<String>()) {
        check_ranges(&text)?;
    }

    #[test]
    fn ranges_are_valid_on_prose_like_text(text in prose()) {
        check_ranges(&text)?;
    }
}
