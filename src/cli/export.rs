//! `margent export FILE... --format F` and `margent import FILE ANNOTATIONS.json`: thin
//! wrappers over [`crate::export`] that report what was written.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::CliError;
use crate::annotations::AnchorStatus;
use crate::export::{self, ExportError, ExportOptions, Format};

/// The output path that means "standard output".
pub const STDOUT: &str = "-";

impl From<ExportError> for CliError {
    fn from(error: ExportError) -> Self {
        CliError {
            exit_code: error.exit_code(),
            message: error.to_string(),
        }
    }
}

/// Runs `margent export`: writes the exports and prints one line per file written, or prints
/// the export itself when the output is `-`.
pub fn run_export(
    sources: &[PathBuf],
    format: Format,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    if options.output.as_deref() == Some(Path::new(STDOUT)) {
        let rendered = export::render_files(sources, format, options)?;
        if rendered.len() > 1 {
            return Err(CliError {
                message: "several exports cannot all go to standard output; add --combine"
                    .to_owned(),
                exit_code: super::EXIT_USAGE,
            });
        }
        for export in rendered {
            out.write_all(export.contents.as_bytes())?;
        }
        return Ok(());
    }
    for path in export::export_files(sources, format, options)? {
        writeln!(out, "wrote {}", path.display())?;
    }
    Ok(())
}

/// Runs `margent import`: reads W3C JSON into the article's sidecar and reports how each
/// annotation was anchored.
pub fn run_import(article: &Path, annotations: &Path, out: &mut dyn Write) -> Result<(), CliError> {
    let report = export::import_file(article, annotations)?;
    let count = |status: AnchorStatus| {
        report
            .imported
            .iter()
            .filter(|(_, found)| *found == status)
            .count()
    };
    writeln!(
        out,
        "imported {} annotations into {} ({} exact, {} moved, {} fuzzy, {} orphaned); {} already there",
        report.imported.len(),
        report.saved_to.display(),
        count(AnchorStatus::Exact),
        count(AnchorStatus::Moved),
        count(AnchorStatus::Fuzzy),
        count(AnchorStatus::Orphaned),
        report.already_present.len()
    )?;
    for (id, status) in &report.imported {
        if *status == AnchorStatus::Orphaned {
            writeln!(
                out,
                "  orphaned: {id} (kept in the sidecar, not placed in the text)"
            )?;
        }
    }
    Ok(())
}
