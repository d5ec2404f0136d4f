//! The `margent` binary: parses the command line and hands over to the library.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use margent::annotations::StoreOptions;
use margent::cli::annotate::{AnnotateRequest, ListFormat};
use margent::cli::{self, CliError, OutputFormat};
use margent::{export, tui};

/// Read an article in the terminal, see what it argues, and keep your notes beside it.
#[derive(Debug, Parser)]
#[command(name = "margent", version, args_conflicts_with_subcommands = true)]
struct Args {
    /// The article to open (plain text, Markdown or HTML); without one, a built-in welcome
    /// article that teaches the keys.
    file: Option<PathBuf>,

    /// The colour theme for the reader (dark, light, solarized-dark, gruvbox-dark,
    /// high-contrast, monochrome, or one of your own).
    #[arg(long, value_name = "NAME")]
    theme: Option<String>,

    /// Print the default config file (every setting and key binding) and exit.
    #[arg(long)]
    print_config: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print an article's metadata, sizes and the boilerplate found in it.
    Info {
        /// The article file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// List an article's claims, direct quotes (with speakers) and recommendations.
    Outline {
        /// The article file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Export highlights, notes and (optionally) the outline: by default to
    /// `<file>.highlights.<ext>` beside each article.
    Export {
        /// Article files, or folders (their annotated articles are exported).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// markdown, json (W3C Web Annotation), csv (Readwise), org or html.
        #[arg(long)]
        format: export::Format,
        /// Add the outline (claims, quotes with speakers, recommendations) to Markdown and Org;
        /// HTML always has it.
        #[arg(long)]
        with_outline: bool,
        /// Output file (one article or --combine; `-` for standard output) or folder.
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        /// Write one combined file for all the articles.
        #[arg(long)]
        combine: bool,
    },
    /// Read W3C Web Annotation JSON (as `export --format json` writes) into an article's
    /// sidecar, anchoring each annotation on the article's current text.
    Import {
        /// The article file.
        file: PathBuf,
        /// The annotations file.
        annotations: PathBuf,
    },
    /// Highlight an exact passage of an article; prints the new annotation's id.
    Annotate {
        /// The article file.
        file: PathBuf,
        /// The exact text to highlight, as it appears in the article.
        #[arg(long)]
        quote: String,
        /// Which occurrence to highlight (1 = first) when the text occurs more than once.
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
        occurrence: Option<u32>,
        /// A tag: claim, quote, recommendation, evidence, question, important, or your own.
        #[arg(long, value_parser = cli::annotate::tag_name)]
        tag: Option<String>,
        /// A note to attach (may span several lines).
        #[arg(long)]
        note: Option<String>,
    },
    /// List an article's annotations with their anchor status, or remove one.
    Annotations {
        /// The article file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Remove the annotation with this id instead of listing.
        #[arg(long, value_name = "ID")]
        remove: Option<String>,
    },
}

fn main() -> ExitCode {
    let args = Args::parse();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let result = match args.command {
        Some(Command::Info { file, format }) => cli::info::run(&file, format, &mut out),
        Some(Command::Outline { file, format }) => cli::outline::run(&file, format, &mut out),
        Some(Command::Export {
            files,
            format,
            with_outline,
            output,
            combine,
        }) => {
            let options = export::ExportOptions {
                with_outline,
                output,
                combine,
            };
            cli::export::run_export(&files, format, &options, &mut out)
        }
        Some(Command::Import { file, annotations }) => {
            cli::export::run_import(&file, &annotations, &mut out)
        }
        Some(Command::Annotate {
            file,
            quote,
            occurrence,
            tag,
            note,
        }) => {
            let request = AnnotateRequest {
                quote,
                occurrence: occurrence.map(|n| n as usize),
                tag,
                note,
            };
            cli::annotate::annotate(&file, &request, StoreOptions::from_environment(), &mut out)
        }
        Some(Command::Annotations {
            file,
            format,
            remove,
        }) => match remove {
            Some(id) => {
                cli::annotate::remove(&file, &id, StoreOptions::from_environment(), &mut out)
            }
            None => cli::annotate::list(&file, format, StoreOptions::from_environment(), &mut out),
        },
        None if args.print_config => out
            .write_all(tui::default_config().as_bytes())
            .map_err(CliError::from),
        None => tui::run(args.file.as_deref(), &tui::Options { theme: args.theme }),
    };
    let result = result.and_then(|()| out.flush().map_err(CliError::from));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.is_closed_pipe() => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("margent: {error}");
            ExitCode::from(u8::try_from(error.exit_code).unwrap_or(1))
        }
    }
}
