//! The `margent` binary: parses the command line and hands over to the library.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use margent::cli::{self, CliError, OutputFormat};
use margent::tui;

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
}

fn main() -> ExitCode {
    let args = Args::parse();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let result = match args.command {
        Some(Command::Info { file, format }) => cli::info::run(&file, format, &mut out),
        Some(Command::Outline { file, format }) => cli::outline::run(&file, format, &mut out),
        None if args.print_config => out
            .write_all(tui::default_config().as_bytes())
            .map_err(CliError::from),
        None => tui::run(args.file.as_deref(), &tui::Options { theme: args.theme }),
    };
    let result = result.and_then(|()| out.flush().map_err(CliError::from));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("margent: {error}");
            ExitCode::from(u8::try_from(error.exit_code).unwrap_or(1))
        }
    }
}
