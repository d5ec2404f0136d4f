//! margent: read an article, see what it argues, keep your notes beside it.
//!
//! The library holds the core, free of terminal code: [`ingest`] reads a file into a
//! [`document::Document`] (segmented by [`segment`]), [`outline`] finds its claims, quotes and
//! recommendations, and [`cli`] renders them for the command line. The full-screen reader lives
//! in [`tui`], the only module that talks to a terminal.

pub mod annotations;
pub mod cli;
pub mod document;
pub mod export;
pub mod ingest;
pub mod outline;
pub mod segment;
pub mod tui;
