//! Reader benchmarks: the first frame of a 10 MB article against a 10 KB one, and the cost of
//! one key press (a line scroll near the end, and a jump to the end) on each, all rendered into
//! ratatui's `TestBackend`. The aim: first frame under 150 ms, a key press under 2 ms, both
//! independent of the article's size.
//!
//! Run: `cargo bench --bench reader -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;
use std::sync::Arc;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use margent::document::{BlockKind, Document, DocumentBuilder, Format};
use margent::tui::action::Action;
use margent::tui::app::{App, Setup};
use margent::tui::update::update;
use margent::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

/// Sentences of our own, varied in length, cycled to build articles of any size.
const SENTENCES: &[&str] = &[
    "The council published its transport plan on Tuesday after two years of consultation.",
    "Critics say the plan spends too much on roads and too little on buses.",
    "\"We listened to every ward,\" said the deputy mayor, who led the review.",
    "Bus ridership has fallen by a fifth since fares rose, according to the operator.",
    "The plan should be revised before the budget vote, the residents' association argues.",
    "Cycling lanes on the ring road, first promised in 2019, are again postponed.",
    "Nobody disputes that congestion costs local firms money; the question is who pays.",
];

/// An article of about `bytes` bytes: paragraphs of a few sentences with a heading every
/// twenty paragraphs.
fn article(bytes: usize) -> Document {
    let mut builder = DocumentBuilder::new(Format::Text);
    builder.metadata_mut().title = Some("A Plan for the Ring Road".into());
    let mut size = 0;
    let mut paragraph = 0;
    while size < bytes {
        if paragraph % 20 == 0 {
            builder.push(
                BlockKind::Heading,
                2,
                &format!("Part {}", paragraph / 20 + 1),
            );
        }
        let text: Vec<&str> = (0..4)
            .map(|n| SENTENCES[(paragraph * 3 + n) % SENTENCES.len()])
            .collect();
        let text = text.join(" ");
        size += text.len() + 2;
        builder.push(BlockKind::Paragraph, 0, &text);
        paragraph += 1;
    }
    builder.build()
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal")
}

fn first_frame(doc: &Arc<Document>, terminal: &mut Terminal<TestBackend>) -> App {
    let mut app = App::new(Arc::clone(doc), "bench.txt", Setup::default());
    update(&mut app, Action::Resize(WIDTH, HEIGHT));
    terminal
        .draw(|frame| view::draw(frame, &app))
        .expect("drawing");
    app
}

fn bench_reader(c: &mut Criterion) {
    for (label, bytes) in [("10KB", 10 * 1024), ("10MB", 10 * 1024 * 1024)] {
        let doc = Arc::new(article(bytes));
        let mut terminal = terminal();

        c.bench_function(&format!("first_frame/{label}"), |b| {
            b.iter(|| black_box(first_frame(&doc, &mut terminal)));
        });

        let mut at_end = first_frame(&doc, &mut terminal);
        update(&mut at_end, Action::Bottom);
        let mut down = false;
        c.bench_function(&format!("key_scroll_at_end/{label}"), |b| {
            b.iter(|| {
                down = !down;
                let action = if down {
                    Action::ScrollDown
                } else {
                    Action::ScrollUp
                };
                update(&mut at_end, action);
                terminal
                    .draw(|frame| view::draw(frame, &at_end))
                    .expect("drawing");
            });
        });

        let at_top = first_frame(&doc, &mut terminal);
        c.bench_function(&format!("key_jump_to_end/{label}"), |b| {
            b.iter_batched(
                || at_top.clone(),
                |mut app| {
                    update(&mut app, Action::Bottom);
                    terminal
                        .draw(|frame| view::draw(frame, &app))
                        .expect("drawing");
                    app
                },
                BatchSize::SmallInput,
            );
        });
    }
}

criterion_group!(benches, bench_reader);
criterion_main!(benches);
