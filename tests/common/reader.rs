//! A reader fixture for the TUI tests: an article of our own built block by block (so the
//! tests do not depend on the ingest front-ends or the outline extractor, which evolve on their
//! own), a hand-made outline for it, a reader on a real sample article for end-to-end snapshots,
//! and helpers to press keys and render screens.

use std::sync::Arc;

use crossterm::event::{KeyEvent, KeyEventKind};
use margent::document::{BlockKind, Document, DocumentBuilder, Format, InlineStyle};
use margent::outline::{ItemKind, Outline, OutlineItem};
use margent::tui::action::Action;
use margent::tui::app::{App, Effect, Setup};
use margent::tui::keymap::KeyChord;
use margent::tui::update::update;
use margent::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Paragraphs of the fixture article (our own words).
const BODY: &[&str] = &[
    "Cities spent the last century widening roads, and the result is that most residential \
     streets are now designed for speeds nobody should drive on them.",
    "The evidence from the towns that tried lower limits is consistent: fewer collisions, \
     fewer serious injuries, and journey times that barely changed.",
    "Critics argue that a lower limit is a tax on drivers, but the average trip across a \
     neighbourhood takes less than a minute longer at the slower speed.",
    "Quieter streets also change who uses them. Parents let children walk to school, older \
     residents cross without hurrying, and cafés put tables on the pavement.",
    "None of this happens by signage alone. Drivers follow the shape of the road far more than \
     the number on a post, so narrower lanes and raised crossings matter most.",
    "The cost is modest when the work is folded into routine resurfacing, which every street \
     receives every fifteen to twenty years anyway.",
];

/// Builds the fixture article: title block, a folded share widget, headings, paragraphs with
/// emphasis, a block quote, a list and an author bio.
pub fn article() -> Document {
    let mut b = DocumentBuilder::new(Format::Markdown);
    {
        let meta = b.metadata_mut();
        meta.title = Some("The Case for Quieter Streets".into());
        meta.author = Some("Mara Quill".into());
        meta.date = Some("2026-03-14".into());
        meta.publisher = Some("The Civic Ledger".into());
        meta.standfirst =
            Some("Slower traffic costs drivers seconds and gives neighbourhoods back.".into());
    }
    let share = b
        .push(
            BlockKind::Paragraph,
            0,
            "Share this article on every network you use. Copy link. Email. Print.",
        )
        .unwrap();
    b.mark_boilerplate(share, "share widget");
    b.push(BlockKind::Heading, 2, "How we got here");
    b.push_styled(
        BlockKind::Paragraph,
        0,
        BODY[0],
        &[(44..51, InlineStyle::Emphasis)],
    );
    b.push(BlockKind::Paragraph, 0, BODY[1]);
    b.push(
        BlockKind::BlockQuote,
        1,
        "\"Speed is a design decision before it is a driving decision,\" said Ines Okafor, a \
         transport engineer who has rebuilt streets in four cities.",
    );
    b.push(BlockKind::Paragraph, 0, BODY[2]);
    b.push(BlockKind::Heading, 2, "What quieter streets give back");
    b.push_styled(
        BlockKind::Paragraph,
        0,
        BODY[3],
        &[(0..15, InlineStyle::Strong)],
    );
    b.push(BlockKind::Paragraph, 0, BODY[4]);
    b.push(BlockKind::Heading, 3, "Where to begin");
    b.push(
        BlockKind::ListItem,
        1,
        "Councils should set a default limit of 20 mph on residential streets.",
    );
    b.push(
        BlockKind::ListItem,
        1,
        "Highway engineers should narrow lanes whenever a street is resurfaced.",
    );
    b.push(
        BlockKind::ListItem,
        1,
        "Schools ought to publish safe walking routes with the council.",
    );
    b.push(BlockKind::Paragraph, 0, BODY[5]);
    b.push(
        BlockKind::Paragraph,
        0,
        "\"We measured the change in minutes and the benefit in lives,\" said Tom Arden, the \
         mayor of a town that lowered its limit in 2019.",
    );
    for (round, text) in BODY.iter().enumerate() {
        b.push(
            BlockKind::Paragraph,
            0,
            &format!("{} (Notes, part {}.)", text, round + 1),
        );
    }
    let bio = b
        .push(
            BlockKind::Paragraph,
            0,
            "Mara Quill writes about cities. Follow her for more. Subscribe to our newsletter.",
        )
        .unwrap();
    b.mark_boilerplate(bio, "author bio");
    b.build()
}

fn item(doc: &Document, kind: ItemKind, needle: &str, score: f32) -> OutlineItem {
    let start = doc.text.find(needle).expect("needle is in the fixture");
    let span = start..start + needle.len();
    OutlineItem {
        kind,
        text: needle.to_owned(),
        speaker: None,
        actor: None,
        sentence: doc.sentence_at(start).unwrap_or(0),
        span,
        score,
        cues: vec!["fixture".into()],
    }
}

/// A hand-made outline of [`article`], in reading order.
pub fn outline(doc: &Document) -> Outline {
    let mut items = vec![
        item(
            doc,
            ItemKind::Claim,
            "most residential streets are now designed for speeds nobody should drive on them",
            0.6,
        ),
        item(
            doc,
            ItemKind::Claim,
            "fewer collisions, fewer serious injuries",
            0.9,
        ),
        {
            let mut quote = item(
                doc,
                ItemKind::Quote,
                "Speed is a design decision before it is a driving decision,",
                0.8,
            );
            quote.speaker = Some("Ines Okafor".into());
            quote
        },
        item(
            doc,
            ItemKind::Claim,
            "Drivers follow the shape of the road far more than the number on a post",
            0.7,
        ),
        {
            let mut rec = item(
                doc,
                ItemKind::Recommendation,
                "Councils should set a default limit of 20 mph on residential streets.",
                0.95,
            );
            rec.actor = Some("Councils".into());
            rec
        },
        {
            let mut rec = item(
                doc,
                ItemKind::Recommendation,
                "Highway engineers should narrow lanes whenever a street is resurfaced.",
                0.5,
            );
            rec.actor = Some("Highway engineers".into());
            rec
        },
        {
            let mut quote = item(
                doc,
                ItemKind::Quote,
                "We measured the change in minutes and the benefit in lives,",
                0.4,
            );
            quote.speaker = Some("Tom Arden".into());
            quote
        },
    ];
    items.sort_by_key(|item| item.span.start);
    Outline { items }
}

/// A reader on the fixture at `width`×`height`, with its outline and word count delivered.
pub fn app(width: u16, height: u16) -> App {
    app_with(width, height, Setup::default())
}

/// Like [`app`], with a custom setup.
pub fn app_with(width: u16, height: u16, setup: Setup) -> App {
    let doc = article();
    let outline = outline(&doc);
    ready_app(doc, outline, "quieter-streets.md", setup, (width, height))
}

/// A reader on `doc` named `file_name`, resized to `size` (width, height) and with its word
/// count and `outline` delivered, as the runtime does once the background work is done.
pub fn ready_app(
    doc: Document,
    outline: Outline,
    file_name: &str,
    setup: Setup,
    (width, height): (u16, u16),
) -> App {
    let words = doc.word_count();
    let mut app = App::new(Arc::new(doc), file_name, setup);
    update(&mut app, Action::Resize(width, height));
    update(&mut app, Action::WordsCounted(words));
    update(&mut app, Action::OutlineReady(Arc::new(outline)));
    app
}

/// A reader on a real sample article from `sample-articles/`, ingested and outlined by the
/// library exactly as `margent FILE` does, at the given size.
pub fn sample_app(file_name: &str, width: u16, height: u16) -> App {
    let path = super::samples_dir().join(file_name);
    let doc = margent::ingest::load(&path).expect("a readable sample article");
    let outline = margent::outline::extract(&doc);
    ready_app(doc, outline, file_name, Setup::default(), (width, height))
}

/// Presses keys written in keymap notation, separated by spaces (`"tab j j enter"`), through
/// the app's keymap; returns the effects.
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for key in keys.split_whitespace() {
        let chord = KeyChord::parse(key).expect("valid key notation");
        let mut event = KeyEvent::new(chord.code, chord.modifiers);
        event.kind = KeyEventKind::Press;
        if let Some(action) = app.keymap.action_for(&app.key_contexts(), &event) {
            effects.extend(update(app, action));
        }
    }
    effects
}

/// Renders the app into a test terminal of its own size.
pub fn render(app: &App) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.area.width, app.area.height)).expect("a test terminal");
    terminal
        .draw(|frame| view::draw(frame, app))
        .expect("drawing into a test terminal");
    terminal
}

/// The rendered screen as text, one line per row.
pub fn screen(app: &App) -> String {
    let terminal = render(app);
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        for x in 0..buffer.area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Clicks where the screen shows `needle` at or right of column `from`, on the topmost row
/// showing it, the way a user aims at what they see.
pub fn click_on(app: &mut App, needle: &str, from: u16) {
    let shown = screen(app);
    let (column, row) = shown
        .lines()
        .enumerate()
        .find_map(|(y, line)| {
            let right: String = line.chars().skip(usize::from(from)).collect();
            let x = right.find(needle)?;
            Some((from + right[..x].chars().count() as u16, y as u16))
        })
        .unwrap_or_else(|| panic!("{needle:?} right of column {from}:\n{shown}"));
    update(app, Action::Click { column, row });
}
