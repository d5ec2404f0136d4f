//! Command-line subcommands over the core library. Each renders a core result as text or JSON
//! onto a writer, so the binary stays a thin argument parser and tests need no process.

pub mod annotate;
pub mod export;
pub mod info;
pub mod outline;

use std::fmt;
use std::io;

use crate::ingest::IngestError;

/// An error a subcommand ends with: a one-line message and an exit code.
#[derive(Debug)]
pub struct CliError {
    /// The message printed after `margent: `.
    pub message: String,
    /// The process exit code.
    pub exit_code: i32,
}

/// Exit code for failures writing output (a full disk, a device error).
pub const EXIT_OUTPUT: i32 = 9;

/// Exit code for a bad command line (as clap uses for its own errors).
pub const EXIT_USAGE: i32 = 2;

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

impl From<IngestError> for CliError {
    fn from(error: IngestError) -> Self {
        CliError {
            exit_code: error.exit_code(),
            message: error.to_string(),
        }
    }
}

/// Exit code of a command whose reader closed the pipe early: success, silently.
const EXIT_CLOSED_PIPE: i32 = 0;

impl CliError {
    /// Whether the only trouble is that whoever read the output stopped reading
    /// (`margent outline FILE | head`): the command then ends quietly and successfully, as
    /// `cat` and ripgrep do, instead of printing an error about a pipe the user closed.
    pub fn is_closed_pipe(&self) -> bool {
        self.exit_code == EXIT_CLOSED_PIPE
    }
}

impl From<io::Error> for CliError {
    fn from(error: io::Error) -> Self {
        let exit_code = match error.kind() {
            io::ErrorKind::BrokenPipe => EXIT_CLOSED_PIPE,
            _ => EXIT_OUTPUT,
        };
        CliError {
            message: format!("cannot write output: {error}"),
            exit_code,
        }
    }
}

/// Loads an article for a subcommand, printing each non-fatal warning (lossy decoding,
/// neutralised escapes…) as one line on standard error.
pub fn load(path: &std::path::Path) -> Result<crate::document::Document, CliError> {
    let document = crate::ingest::load(path)?;
    for warning in &document.warnings {
        eprintln!("margent: warning: {}: {warning}", path.display());
    }
    Ok(document)
}

/// Output formats shared by the reporting subcommands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OutputFormat {
    /// Human-readable text.
    #[default]
    Text,
    /// JSON, a stable contract for other tools.
    Json,
    /// Markdown (where a subcommand supports it).
    Markdown,
}
