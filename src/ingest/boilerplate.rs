//! Flags boilerplate blocks — share widgets, bylines, credits, bios, promos, legal notices —
//! with a short reason. Blocks are kept in the document, only flagged.
//!
//! Every cue is general page clutter seen across sites; none names a site, a person or an
//! article. Most cues only look at short blocks: a long paragraph of prose is never clutter,
//! which also keeps flagging cheap on large documents.

use std::sync::LazyLock;

use regex::Regex;

use super::{back_matter, dates};
use crate::document::{BlockKind, DocumentBuilder};

/// Blocks longer than this many bytes are prose, never boilerplate.
const MAX_BOILERPLATE_BYTES: usize = 1500;
/// Most cues apply only to blocks of at most this many words.
const SHORT_WORDS: usize = 40;
/// An author bio is at most this many words.
const BIO_WORDS: usize = 160;

/// Flags the boilerplate blocks of a document being built. Blocks already flagged keep their
/// reason; the author already found in the builder's metadata helps spot a bio.
pub fn flag_boilerplate(builder: &mut DocumentBuilder) {
    let flags = {
        let blocks = BlockInfo::of_builder(builder);
        find_boilerplate(&blocks, builder.metadata().author.as_deref())
    };
    for (index, reason) in flags.into_iter().enumerate() {
        if let Some(reason) = reason
            && !builder.blocks()[index].is_boilerplate()
        {
            builder.mark_boilerplate(index, reason);
        }
    }
}

/// What the boilerplate rules look at in one block.
#[derive(Debug, Clone, Copy)]
pub struct BlockInfo<'a> {
    /// The block's text.
    pub text: &'a str,
    /// The block's kind.
    pub kind: BlockKind,
    /// The heading level (1–6) or list/quote depth; 0 for other blocks.
    pub level: u8,
}

impl<'a> BlockInfo<'a> {
    /// What the rules look at in each block of a document being built.
    pub fn of_builder(builder: &'a DocumentBuilder) -> Vec<BlockInfo<'a>> {
        (0..builder.blocks().len())
            .map(|index| BlockInfo {
                text: builder.block_text(index),
                kind: builder.blocks()[index].kind,
                level: builder.blocks()[index].level,
            })
            .collect()
    }
}

/// One paragraph [`BlockInfo`] for each of `texts`.
pub fn paragraphs<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<BlockInfo<'a>> {
    texts
        .into_iter()
        .map(|text| BlockInfo {
            text,
            kind: BlockKind::Paragraph,
            level: 0,
        })
        .collect()
}

/// The boilerplate reason for each block (`None` for content), given the blocks in reading
/// order and the article's author if known.
pub fn find_boilerplate(blocks: &[BlockInfo], author: Option<&str>) -> Vec<Option<&'static str>> {
    let body_script = dominant_script(blocks);
    let mut reasons: Vec<Option<&'static str>> = blocks
        .iter()
        .map(|block| local_reason(block.text, block.kind))
        .collect();
    if let Some(first) = blocks.first()
        && blocks.len() > 1
        && reasons[0].is_none()
        && is_top_disclaimer(first.text, body_script)
    {
        reasons[0] = Some("legal disclaimer");
    }
    flag_bios(blocks, author, &mut reasons);
    back_matter::flag_sections(blocks, &mut reasons);
    reasons
}

/// The boilerplate reason a block shows on its own, wherever it stands (`None` for content).
pub fn local_reason(text: &str, kind: BlockKind) -> Option<&'static str> {
    if kind == BlockKind::Preformatted || text.len() > MAX_BOILERPLATE_BYTES {
        return None;
    }
    let words = approximate_words(text);
    if words > 150 {
        return None;
    }
    let short = words <= SHORT_WORDS;
    // Short blocks are matched in lower case; the few cues that apply to longer blocks match
    // the text case-insensitively, so prose is never copied.
    let lower = if short {
        text.to_lowercase()
    } else {
        String::new()
    };
    let lower = lower.as_str();
    // Checked in order, lazily: the cheap, most specific cues first.
    let rules: [(&'static str, &dyn Fn() -> bool); 16] = [
        ("share widget", &|| short && is_share_widget(lower, words)),
        ("navigation", &|| words <= 12 && is_breadcrumb(text)),
        ("page furniture", &|| {
            short && is_page_furniture(lower, words)
        }),
        ("byline", &|| short && is_byline(text, lower, words)),
        ("dateline", &|| words <= 15 && dates::is_dateline(text)),
        ("metadata run", &|| is_metadata_run(text, words)),
        ("related links", &|| short && RELATED.is_match(lower)),
        ("subscription prompt", &|| {
            words <= 60 && is_subscription_prompt(text)
        }),
        ("copyright", &|| short && is_copyright(lower)),
        ("photo credit", &|| short && is_photo_credit(lower)),
        ("author bio", &|| {
            words <= 12 && ABOUT_AUTHOR.is_match(lower)
        }),
        ("syndication note", &|| {
            words <= 60 && SYNDICATION.is_match(text)
        }),
        ("source line", &|| words <= 15 && is_source_line(lower)),
        ("cookie notice", &|| words <= 120 && is_cookie_notice(text)),
        ("legal disclaimer", &|| words <= 80 && LEGAL.is_match(text)),
        (back_matter::REFERENCES, &|| {
            back_matter::is_citation(text, words)
        }),
    ];
    rules
        .into_iter()
        .find_map(|(reason, applies)| applies().then_some(reason))
}

/// The number of words, counted as ASCII white-space bytes plus one: close enough for the
/// length thresholds of the cues, and much cheaper than a Unicode word split.
fn approximate_words(text: &str) -> usize {
    1 + text
        .bytes()
        .filter(|&byte| byte == b' ' || byte == b'\n' || byte == b'\t')
        .count()
}

/// Words that make up share and social widgets.
const SHARE_WORDS: &[&str] = &[
    "share",
    "shares",
    "tweet",
    "print",
    "email",
    "e-mail",
    "mail",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "reddit",
    "pinterest",
    "telegram",
    "bluesky",
    "threads",
    "flipboard",
    "messenger",
    "copy",
    "link",
    "copied",
    "save",
    "this",
    "article",
    "story",
    "post",
    "page",
    "on",
    "via",
    "gift",
    "comments",
];

/// A lone "Share", "Share Tweet Print", "Share this article", "Share on Facebook": a short
/// block made only of sharing words, with a sharing verb among them.
fn is_share_widget(lower: &str, words: usize) -> bool {
    if words > 12 {
        return false;
    }
    let tokens: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|t| !t.is_empty() && !t.chars().all(|c| c.is_ascii_digit()))
        .collect();
    !tokens.is_empty()
        && tokens.iter().all(|t| SHARE_WORDS.contains(t))
        && tokens
            .iter()
            .any(|t| matches!(*t, "share" | "tweet" | "print" | "email"))
}

/// A breadcrumb trail or section menu: a short line of two or more short parts separated by
/// `|`, `›`, `>` or `»` ("World | Europe", "Home › News › Climate").
pub fn is_breadcrumb(text: &str) -> bool {
    let parts: Vec<&str> = text
        .split(['|', '›', '>', '»', '·', '•'])
        .map(str::trim)
        .collect();
    parts.len() >= 2
        && parts.iter().all(|part| {
            let words = part.split_whitespace().count();
            (1..=3).contains(&words) && part.starts_with(|c: char| c.is_uppercase())
        })
}

/// Whole-block labels of page furniture: ad slots, skip links, reading time, "Follow us".
fn is_page_furniture(lower: &str, words: usize) -> bool {
    if words > 15 {
        return false;
    }
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    const LABELS: &[&str] = &[
        "advertisement",
        "advertisements",
        "ad",
        "sponsored",
        "sponsored content",
        "skip to content",
        "skip to main content",
        "listen to this article",
        "leave a comment",
        "show comments",
        "view comments",
        "continue reading",
        "click here",
        "back to top",
        "story continues below advertisement",
        "article continues below advertisement",
        "scroll to continue",
        "scroll to continue with content",
    ];
    LABELS.contains(&bare) || FURNITURE.is_match(bare)
}

static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\d+\s*(-\s*)?min(ute)?s?\s+read|follow (us|me|\w+) on(?-u:\b).*|listen\s*\(?\d+ min\)?)$",
    )
    .expect("valid regex")
});

static BYLINE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(by\s*:?\s|written by(?-u:\b)|words by(?-u:\b)|reporting by(?-u:\b)|author(s)?\s*:|posted by(?-u:\b)|story by(?-u:\b))",
    )
    .expect("valid regex")
});

/// Words that may sit lowercase between the names of a byline.
const BYLINE_CONNECTORS: &[&str] = &[
    "and",
    "by",
    "with",
    "de",
    "van",
    "von",
    "der",
    "da",
    "del",
    "la",
    "le",
    "bin",
    "al",
    "in",
    "on",
    "at",
    "for",
    "the",
    "of",
    "editing",
    "reporting",
    "additional",
    "updated",
    "published",
];

/// "By Jane Roe", "By: Jane Roe and John Doe | Agency", "Reporting by …": a short block that
/// opens with a byline word and goes on in names (capitalised words, dates, connectors), not
/// in prose such as "By January the army had …".
fn is_byline(text: &str, lower: &str, words: usize) -> bool {
    let Some(opening) = BYLINE_START.find(lower) else {
        return false;
    };
    if words > 25 {
        return false;
    }
    let rest = &text[opening.end()..];
    let (mut capitalised, mut other) = (0, 0);
    for word in rest.split(|c: char| c.is_whitespace() || ",;|/·•()".contains(c)) {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = word.chars().next() else {
            continue;
        };
        if first.is_uppercase() || first.is_ascii_digit() {
            capitalised += 1;
        } else if !BYLINE_CONNECTORS.contains(&word.to_lowercase().as_str()) {
            other += 1;
        }
    }
    capitalised > 0 && other * 4 <= capitalised
}

/// Labels of metadata fields printed in a run ("Topic: … Tags: …").
static METADATA_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(^|\s)(topics?|tags?|categor(y|ies)|filed under|section|region|keywords?|brand|series|subjects?)\s*:")
        .expect("valid regex")
});

static METADATA_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(topics?|tags?|categor(y|ies)|filed under|keywords?)\s*:?\s")
        .expect("valid regex")
});

/// A run of metadata fields such as "Topic: X Tags: A, B", or a lone "Tags: …" line.
fn is_metadata_run(text: &str, words: usize) -> bool {
    text.contains(':')
        && ((words <= 150 && METADATA_LABEL.find_iter(text).count() >= 2)
            || (words <= SHORT_WORDS && METADATA_START.is_match(text)))
}

static RELATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(related(?-u:\b)|read (more|also|next)(?-u:\b)|also read(?-u:\b)|see also(?-u:\b)|more\s*:|more from(?-u:\b)|more on this(?-u:\b)|recommended( reading| for you)?\s*:|you (may|might) also like(?-u:\b)|further reading(?-u:\b)|(most (popular|read)|trending)\s*:?$)",
    )
    .expect("valid regex")
});

static SUBSCRIPTION_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)subscribe|newsletter|sign up|support our").expect("valid regex")
});

/// "Subscribe …", "Sign up for our newsletter", "Get the newsletter in your inbox".
fn is_subscription_prompt(text: &str) -> bool {
    if !SUBSCRIPTION_HINT.is_match(text) {
        return false;
    }
    let lower = text.to_lowercase();
    lower.starts_with("subscribe")
        || (lower.contains("newsletter")
            && ["sign up", "subscribe", "inbox", "get our", "join"]
                .iter()
                .any(|cue| lower.contains(cue)))
        || lower.starts_with("sign up for")
        || lower.starts_with("support our journalism")
}

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(copyright\s*)?(©|\(c\)\s*\d{4})|^copyright\s+\d{4}|all rights reserved")
        .expect("valid regex")
});

/// "© 2026 Publisher", "Copyright 2026 …", "… All rights reserved."
fn is_copyright(lower: &str) -> bool {
    COPYRIGHT.is_match(lower)
}

static CREDIT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^((top |lead |header |featured |cover )?(image|images|photo|photos|photograph|picture|pictured|illustration|graphic|video)( credits?)?|credits?)\s*(:|by(?-u:\b)|—|–|\|)",
    )
    .expect("valid regex")
});

static CREDIT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\([^()]*(?-u:\b)(photo|photos|image|images|illustration|file)(?-u:\b)[^()]*\)[.\s]*$",
    )
    .expect("valid regex")
});

/// "Image: X / Agency", "Photo by …", or a caption ending in a credit like "(Agency Images)".
fn is_photo_credit(lower: &str) -> bool {
    CREDIT_START.is_match(lower) || CREDIT_END.is_match(lower)
}

static ABOUT_AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^about (the )?(authors?|writers?|contributors?)(?-u:\b)").expect("valid regex")
});

static SYNDICATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(the post(?-u:\b).*(?-u:\b)appeared first on(?-u:\b)|(this|the) (article|story|piece|post|essay|column|interview)(?-u:\b).{0,40}(?-u:\b)(originally|first) (published|appeared|ran)(?-u:\b)|originally published(?-u:\b)|a version of this(?-u:\b)|first published(?-u:\b))",
    )
    .expect("valid regex")
});

static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{L}[\p{L} ]{0,30}:\s*(https?://)?(www\.)?[\p{L}\d-]+(\.[\p{L}\d-]+)+(/\S*)?\.?$|^(source|sources|via)\s*:",
    )
    .expect("valid regex")
});

/// "Source: example.org", the same in any language ("<word>: <domain>"), or "Via: …".
fn is_source_line(lower: &str) -> bool {
    SOURCE_LINE.is_match(lower.trim())
}

static COOKIE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)cookie").expect("valid regex"));

/// "We use cookies …", "This site uses cookies … accept".
fn is_cookie_notice(text: &str) -> bool {
    if !COOKIE.is_match(text) {
        return false;
    }
    let lower = text.to_lowercase();
    [
        "we use",
        "uses cookies",
        "use of cookies",
        "accept",
        "consent",
        "privacy policy",
        "browsing experience",
    ]
    .iter()
    .any(|cue| lower.contains(cue))
}

/// Disclaimers that close or open an article: the publisher's, not the author's argument.
static LEGAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(disclaimer|legal notice)(?-u:\b)|(?-u:\b)(views|opinions)(?-u:\b)[^.]{0,60}(?-u:\b)(expressed (here|in this (article|piece|column|post|essay|commentary|op-ed))|(are|is) (solely )?(those of the authors?|the authors?['’]s? own|(my|his|her|their) own))(?-u:\b)|(?-u:\b)do(es)? not necessarily (reflect|represent) the (views|position|opinions?|policy|policies) of(?-u:\b)|(?-u:\b)(not|nothing here) (constitutes?|intended as) (legal|financial|investment|medical|professional) advice(?-u:\b)",
    )
    .expect("valid regex")
});

/// Notices of a legal status that some jurisdictions require above republished articles;
/// only a first block is read for them, since an article may well discuss such a status.
static LEGAL_STATUS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(foreign agents?|legal status|republished (automatically|from)|third-party (content|feed))(?-u:\b)")
        .expect("valid regex")
});

/// A first block that is a legal notice rather than the article: wrapped whole in quotation
/// marks or guillemets, or written in another script than the body.
fn is_top_disclaimer(text: &str, body_script: Script) -> bool {
    let trimmed = text.trim_end_matches(['.', ' ']);
    let quoted = [('«', '»'), ('"', '"'), ('“', '”'), ('„', '“'), ('„', '”')]
        .iter()
        .any(|&(open, close)| trimmed.starts_with(open) && trimmed.ends_with(close))
        && trimmed.split_whitespace().count() > 8;
    let script = dominant_script(&paragraphs([text]));
    let other_script =
        script != Script::Other && body_script != Script::Other && script != body_script;
    quoted || other_script || LEGAL_STATUS.is_match(text)
}

/// Marks author bios: the block after an "About the author" heading (and the one after that
/// when the first is only a name), and a trailing short paragraph that opens with the author's
/// name ("Jane Roe is a fellow at …").
fn flag_bios(blocks: &[BlockInfo], author: Option<&str>, reasons: &mut [Option<&'static str>]) {
    for index in 0..blocks.len() {
        if reasons[index] != Some("author bio")
            || !ABOUT_AUTHOR.is_match(&blocks[index].text.to_lowercase())
        {
            continue;
        }
        let mut next = index + 1;
        while next < blocks.len() && next <= index + 2 {
            let words = blocks[next].text.split_whitespace().count();
            if words > BIO_WORDS || blocks[next].kind == BlockKind::Heading {
                break;
            }
            reasons[next].get_or_insert("author bio");
            if words > 5 {
                break;
            }
            next += 1;
        }
    }
    let Some(author) = author.map(str::trim).filter(|a| !a.is_empty()) else {
        return;
    };
    let surname = author.split_whitespace().last().unwrap_or(author);
    let trailing = blocks.len().saturating_sub(4);
    for (index, block) in blocks.iter().enumerate().skip(trailing) {
        let text = block
            .text
            .trim_start_matches(|c: char| "—–-*_ ".contains(c));
        let text = HONORIFIC
            .find(text)
            .map_or(text, |honorific| &text[honorific.end()..]);
        let opens_with_name = [author, surname].iter().any(|name| {
            text.strip_prefix(name).is_some_and(|rest| {
                [" is ", " was ", " has ", " writes ", ", "]
                    .iter()
                    .any(|verb| rest.starts_with(verb))
            })
        });
        // A bio often ends with the publisher's disclaimer; the bio is the better reason.
        if opens_with_name
            && text.split_whitespace().count() <= BIO_WORDS
            && matches!(reasons[index], None | Some("legal disclaimer"))
        {
            reasons[index] = Some("author bio");
        }
    }
}

/// A title before a name: "Dr.", "Prof.", "Sen."…
static HONORIFIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sen|Rep|Gen|Col|Capt|Rev|Sir|Dame)\.?\s+")
        .expect("valid regex")
});

/// The writing system most letters of a text belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Cjk,
    Other,
}

fn script_of(c: char) -> Script {
    match c as u32 {
        0x41..=0x5a | 0x61..=0x7a | 0xc0..=0x24f => Script::Latin,
        0x370..=0x3ff => Script::Greek,
        0x400..=0x52f => Script::Cyrillic,
        0x590..=0x5ff => Script::Hebrew,
        0x600..=0x6ff | 0x750..=0x77f => Script::Arabic,
        0x3040..=0x30ff | 0x4e00..=0x9fff | 0xac00..=0xd7af => Script::Cjk,
        _ => Script::Other,
    }
}

/// The script of most letters in the blocks (sampling at most 64 KiB of text).
fn dominant_script(blocks: &[BlockInfo]) -> Script {
    let mut counts = [0usize; 7];
    let mut budget = 64 * 1024;
    for block in blocks {
        for c in block.text.chars().take(budget) {
            if c.is_alphabetic() {
                counts[script_of(c) as usize] += 1;
            }
        }
        budget = budget.saturating_sub(block.text.len());
        if budget == 0 {
            break;
        }
    }
    let scripts = [
        Script::Latin,
        Script::Cyrillic,
        Script::Greek,
        Script::Arabic,
        Script::Hebrew,
        Script::Cjk,
        Script::Other,
    ];
    let (best, count) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(_, count)| *count)
        .expect("seven scripts");
    if *count == 0 {
        Script::Other
    } else {
        scripts[best]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::fixtures::BODY;

    fn reason(text: &str) -> Option<&'static str> {
        local_reason(text, BlockKind::Paragraph)
    }

    /// Pasted pages keep the labels of share buttons; alone on a line they are not prose.
    #[test]
    fn share_widgets() {
        for text in [
            "Share",
            "Share Tweet Print",
            "Share this article",
            "Share on Facebook",
            "Email · Print",
        ] {
            assert_eq!(reason(text), Some("share widget"), "{text}");
        }
        assert_eq!(reason("Share prices fell sharply on Monday."), None);
    }

    /// A byline names the writer: metadata, not article text. Prose that merely starts with
    /// "By" is not a byline.
    #[test]
    fn bylines() {
        for text in [
            "By Jane Roe",
            "By: Jane Roe and John Doe | Agency Wire",
            "By JANE ROE, Updated March 3, 2025",
            "Reporting by Ana Lima; Editing by Tom Ng",
            "Author: Jane Roe",
        ] {
            assert_eq!(reason(text), Some("byline"), "{text}");
        }
        assert_eq!(
            reason("By January the army had lost control of the province."),
            None
        );
    }

    /// Datelines on their own line are header furniture.
    #[test]
    fn datelines() {
        assert_eq!(reason("Published February 6, 2026"), Some("dateline"));
        assert_eq!(reason("Updated: 2026-02-06T10:00:00Z"), Some("dateline"));
    }

    /// Aggregators print the taxonomy as one run of labelled fields.
    #[test]
    fn metadata_runs() {
        assert_eq!(
            reason("Topic: Trade Section: World Tags: Ports, Shipping"),
            Some("metadata run")
        );
        assert_eq!(reason("Tags: Ports, Shipping, Trade"), Some("metadata run"));
        assert_eq!(reason("Filed under: Europe"), Some("metadata run"));
    }

    /// Links to other stories break into the text of pasted articles.
    #[test]
    fn related_links() {
        for text in [
            "Related: Five things to know about the port deal",
            "READ MORE: Council approves budget",
            "See also: our earlier coverage",
            "Most popular",
        ] {
            assert_eq!(reason(text), Some("related links"), "{text}");
        }
        assert_eq!(reason(BODY), None);
    }

    /// Newsletter and subscription promos are the site's, not the author's.
    #[test]
    fn subscription_prompts() {
        for text in [
            "Subscribe to our daily briefing",
            "Sign up for our newsletter to get the week's best stories.",
            "Get our newsletter delivered to your inbox every morning.",
        ] {
            assert_eq!(reason(text), Some("subscription prompt"), "{text}");
        }
    }

    /// Copyright lines close most pages.
    #[test]
    fn copyright_lines() {
        for text in [
            "© 2026 Example Media Group",
            "Copyright 2025 Some Publisher. All rights reserved.",
            "(c) 2024 A Newspaper",
        ] {
            assert_eq!(reason(text), Some("copyright"), "{text}");
        }
        assert_eq!(
            reason("Copyright law has not kept pace with new tools."),
            None
        );
    }

    /// Photo credits and captions describe an image that the text no longer shows.
    #[test]
    fn photo_credits() {
        for text in [
            "Image: Some Person / Stock Agency.",
            "Photo: Reuters",
            "Photo by A. Lens on Unsplash",
            "Featured image: a harbour at dusk",
            "Crowds gather outside the court on Monday. (Agency Images)",
            "Protesters in the square. (AP Photo/Some One)",
        ] {
            assert_eq!(reason(text), Some("photo credit"), "{text}");
        }
        assert_eq!(reason("Photography was her first love."), None);
    }

    /// "About the Author" and the bio below it describe the writer, not the argument.
    #[test]
    fn about_the_author_and_bio() {
        let blocks = paragraphs([
            BODY,
            BODY,
            "About the Author: Jane Roe",
            "Jane Roe is a senior fellow at an institute. She previously served as an adviser.",
            "Image: Somebody / Agency.",
        ]);
        let reasons = find_boilerplate(&blocks, None);
        assert_eq!(
            reasons,
            [
                None,
                None,
                Some("author bio"),
                Some("author bio"),
                Some("photo credit")
            ]
        );
    }

    /// A bare "About the author" heading may be followed by the name alone, then the bio.
    #[test]
    fn bare_about_heading_flags_name_and_bio() {
        let blocks = paragraphs([BODY, "About the author", "Jane Roe", "She writes on ports."]);
        let reasons = find_boilerplate(&blocks, None);
        assert_eq!(reasons[2..], [Some("author bio"), Some("author bio")]);
    }

    /// Op-eds end with a bio line opening with the author's name even without a heading.
    #[test]
    fn trailing_bio_with_known_author() {
        let blocks = paragraphs([
            BODY,
            BODY,
            "Jane Roe is a professor of history at a university.",
        ]);
        assert_eq!(
            find_boilerplate(&blocks, Some("Jane Roe"))[2],
            Some("author bio")
        );
        assert_eq!(find_boilerplate(&blocks, None)[2], None);
        assert_eq!(find_boilerplate(&blocks, Some("Jane Roe"))[0], None);
        let blocks = paragraphs([BODY, BODY, "Prof. Jane Roe teaches history."]);
        assert_eq!(find_boilerplate(&blocks, Some("Jane Roe"))[2], None);
        let blocks = paragraphs([BODY, BODY, "Prof. Jane Roe is a historian."]);
        assert_eq!(
            find_boilerplate(&blocks, Some("Jane Roe"))[2],
            Some("author bio")
        );
    }

    /// Feeds append "The post … appeared first on …"; reprints say where they ran first.
    #[test]
    fn syndication_notes() {
        for text in [
            "The post A Headline appeared first on Some Site.",
            "This article was originally published on Another Site.",
            "A version of this story ran in print on Sunday.",
        ] {
            assert_eq!(reason(text), Some("syndication note"), "{text}");
        }
    }

    /// Aggregators add the source's domain at the end, labelled in the reader's language.
    #[test]
    fn source_lines() {
        for text in [
            "Source: example.org",
            "Quelle: www.example.de",
            "Источник: example.org",
            "Via: https://example.com/story/1",
        ] {
            assert_eq!(reason(text), Some("source line"), "{text}");
        }
        assert_eq!(reason("Note: the vote is on Friday."), None);
    }

    /// Consent banners are captured along with the page text.
    #[test]
    fn cookie_notices() {
        assert_eq!(
            reason("We use cookies to improve your browsing experience. Accept all"),
            Some("cookie notice")
        );
        assert_eq!(reason("The cookie jar was empty."), None);
    }

    /// Legal notices are the publisher's, not the author's argument.
    #[test]
    fn legal_notices() {
        assert_eq!(
            reason("The views expressed here are the author's own."),
            Some("legal disclaimer")
        );
        assert_eq!(
            reason("Disclaimer: this is not financial advice."),
            Some("legal disclaimer")
        );
        assert_eq!(
            reason("The views expressed in the report do not match the data, critics said."),
            None
        );
        assert_eq!(
            reason("He was designated a foreign agent by the ministry last year."),
            None
        );
        assert_eq!(
            reason("These opinions are solely those of the author."),
            Some("legal disclaimer")
        );
    }

    /// A first block wrapped in quotation marks or written in another script than the body
    /// is a legal notice some jurisdictions require above republished articles.
    #[test]
    fn top_disclaimers_by_quotes_or_script() {
        let quoted = "«This material was produced and distributed by a media outlet with a \
                      special legal status in some country»";
        let blocks = paragraphs([quoted, BODY, BODY]);
        assert_eq!(find_boilerplate(&blocks, None)[0], Some("legal disclaimer"));
        let other_script = "Данный материал распространён иностранным средством массовой \
                            информации";
        let blocks = paragraphs([other_script, BODY, BODY]);
        assert_eq!(find_boilerplate(&blocks, None)[0], Some("legal disclaimer"));
        let status = "This item was republished automatically from a partner's feed.";
        let blocks = paragraphs([status, BODY, BODY]);
        assert_eq!(find_boilerplate(&blocks, None)[0], Some("legal disclaimer"));
        let blocks = paragraphs([BODY, BODY]);
        assert_eq!(find_boilerplate(&blocks, None), [None, None]);
    }

    /// Breadcrumbs and section menus are navigation pasted along with the article.
    #[test]
    fn breadcrumbs() {
        assert_eq!(reason("World | Europe"), Some("navigation"));
        assert_eq!(reason("Home › News › Climate Policy"), Some("navigation"));
        assert_eq!(reason("Profits rose | costs fell"), None);
        assert_eq!(reason("Harbour Strike Spreads to Three More Ports"), None);
    }

    /// Ad slots, skip links, reading times and "Follow us" lines are page furniture.
    #[test]
    fn page_furniture() {
        for text in [
            "ADVERTISEMENT",
            "5 min read",
            "Follow us on Bluesky",
            "Skip to content",
        ] {
            assert_eq!(reason(text), Some("page furniture"), "{text}");
        }
    }

    /// Long prose is never boilerplate, even when it mentions sharing or cookies.
    #[test]
    fn prose_is_never_flagged() {
        let long = format!("{BODY} Share prices fell. Cookies were served. {BODY}");
        assert_eq!(reason(&long), None);
        assert_eq!(local_reason("Share", BlockKind::Preformatted), None);
    }
}
