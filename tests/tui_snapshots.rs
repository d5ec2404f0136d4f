//! Whole-screen snapshots of the reader, rendered into ratatui's `TestBackend` from the
//! fixture article in `tests/common/reader.rs` (our own text). Text-only snapshots check the
//! layout; the theme snapshots include every cell's style.

mod common;

use common::reader::{app, press, render, sample_app, screen};
use margent::tui::action::Action;
use margent::tui::update::update;

#[test]
fn article_at_120x40() {
    insta::assert_snapshot!(screen(&app(120, 40)));
}

#[test]
fn article_at_80x24_collapses_the_side_pane() {
    insta::assert_snapshot!(screen(&app(80, 24)));
}

/// The whole pipeline on a team sample article: ingest, outline, layout. A change in any of
/// them that alters what the reader sees shows up here.
#[test]
fn sample_article_at_120x40() {
    insta::assert_snapshot!(screen(&sample_app("ai-liability-report.txt", 120, 40)));
}

/// The same sample on a standard 80×24 terminal, where the side pane collapses.
#[test]
fn sample_article_at_80x24() {
    insta::assert_snapshot!(screen(&sample_app("ai-liability-report.txt", 80, 24)));
}

#[test]
fn outline_focused_with_an_item_selected() {
    let mut app = app(120, 40);
    press(&mut app, "tab j j j j");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn outline_strongest_first_after_a_jump() {
    let mut app = app(120, 40);
    press(&mut app, "s tab G enter");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn contents_tab() {
    let mut app = app(120, 40);
    press(&mut app, "] tab j");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn help_overlay() {
    let mut app = app(120, 40);
    press(&mut app, "?");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn too_small_notice() {
    let mut app = app(120, 40);
    update(&mut app, Action::Resize(18, 4));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn boilerplate_folded() {
    insta::assert_snapshot!(screen(&app(100, 16)));
}

#[test]
fn boilerplate_unfolded() {
    let mut app = app(100, 16);
    press(&mut app, "b");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn light_theme_with_styles() {
    let mut app = app(100, 14);
    press(&mut app, "T esc");
    assert_eq!(app.theme().name, "light");
    insta::assert_debug_snapshot!(render(&app).backend().buffer());
}

#[test]
fn monochrome_theme_with_styles() {
    let mut app = app(100, 14);
    app.theme = app.themes.position("monochrome").unwrap();
    insta::assert_debug_snapshot!(render(&app).backend().buffer());
}
