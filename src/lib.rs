//! margent: read an article, see what it argues, keep your notes beside it.
//!
//! The library holds the core, free of terminal code: [`ingest`] reads a file into a
//! [`document::Document`] (segmented by [`segment`]), [`outline`] finds its claims, quotes and
//! recommendations, and [`cli`] renders them for the command line. [`annotations`] keeps the
//! reader's highlights and notes, [`history`] undoes and redoes changes to them, and
//! [`search`], [`motion`], [`selection`] and [`command`] are the reader's UI-free parts. The
//! full-screen reader lives in [`tui`], the only module that talks to a terminal.

pub mod annotations;
pub mod cli;
pub mod command;
pub mod document;
pub mod export;
pub mod history;
pub mod ingest;
pub mod motion;
pub mod outline;
pub mod search;
pub mod segment;
pub mod selection;
pub mod tui;
