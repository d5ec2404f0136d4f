//! The reader's `:` command line: parsing what was typed into a [`Command`], with a clear
//! one-line error for anything else. Pure: running the command is the reader's job.

use std::fmt;

use crate::annotations::{Tag, TagNameError};
use crate::export::{Format, UnknownFormat};

/// A command typed after `:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `:w` — save the annotations now.
    Write,
    /// `:q` — leave the reader.
    Quit,
    /// `:wq` or `:x` — save, then leave.
    WriteQuit,
    /// `:theme NAME` — switch to the theme called NAME.
    Theme(String),
    /// `:export FORMAT` — export the annotations in FORMAT.
    Export(Format),
    /// `:tag NAME` — tag the passage under the cursor with NAME, adding NAME to the palette.
    Tag(Tag),
}

/// Every command with its usage and what it does, for the help overlay and `docs/keys.md`.
pub const COMMANDS: &[(&str, &str)] = &[
    (":w", "save the annotations now"),
    (":q", "quit"),
    (":wq", "save and quit (also :x)"),
    (":theme NAME", "switch theme"),
    (
        ":export FORMAT",
        "export the annotations (markdown, json, csv, org, html)",
    ),
    (
        ":tag NAME",
        "tag the passage under the cursor, adding NAME to the palette",
    ),
];

/// Why a command line could not be understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommandError {
    /// Nothing but white space was typed.
    Empty,
    /// No command has this name.
    Unknown(String),
    /// The command needs an argument that was not given.
    MissingArgument {
        /// The command's name.
        command: &'static str,
        /// What the argument is, e.g. `NAME`.
        argument: &'static str,
    },
    /// `:export` was given a format margent does not know.
    UnknownFormat(UnknownFormat),
    /// `:tag` was given a name that cannot name a tag.
    BadTagName(TagNameError),
    /// The command was given more than it takes.
    UnexpectedArgument {
        /// The command's name.
        command: &'static str,
        /// The surplus text.
        extra: String,
    },
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommandError::Empty => f.write_str("No command given"),
            CommandError::Unknown(name) => write!(
                f,
                "Unknown command :{name} (try :w, :q, :wq, :theme, :export, :tag)"
            ),
            CommandError::MissingArgument { command, argument } => {
                write!(f, ":{command} needs {argument}, e.g. :{command} {argument}")
            }
            CommandError::UnknownFormat(error) => error.fmt(f),
            CommandError::BadTagName(error) => write!(f, ":tag: {error}"),
            CommandError::UnexpectedArgument { command, extra } => {
                write!(f, ":{command} does not take {extra:?}")
            }
        }
    }
}

impl std::error::Error for CommandError {}

/// Parses a command line, with or without its leading `:`.
pub fn parse(line: &str) -> Result<Command, CommandError> {
    let line = line.trim();
    let line = line.strip_prefix(':').unwrap_or(line).trim_start();
    if line.is_empty() {
        return Err(CommandError::Empty);
    }
    let (name, rest) = line
        .split_once(char::is_whitespace)
        .map_or((line, ""), |(name, rest)| (name, rest.trim()));
    match name {
        "w" | "write" => no_argument("w", rest, Command::Write),
        "q" | "q!" | "quit" => no_argument("q", rest, Command::Quit),
        "wq" | "x" | "exit" => no_argument("wq", rest, Command::WriteQuit),
        "theme" | "colorscheme" => one_word("theme", "NAME", rest).map(Command::Theme),
        "export" => one_word("export", "FORMAT", rest)?
            .parse()
            .map(Command::Export)
            .map_err(CommandError::UnknownFormat),
        "tag" => match Tag::parse_new(rest) {
            Ok(tag) => Ok(Command::Tag(tag)),
            Err(TagNameError::Empty) => Err(CommandError::MissingArgument {
                command: "tag",
                argument: "NAME",
            }),
            Err(error) => Err(CommandError::BadTagName(error)),
        },
        _ => Err(CommandError::Unknown(name.to_owned())),
    }
}

/// `command` when nothing follows it.
fn no_argument(name: &'static str, rest: &str, command: Command) -> Result<Command, CommandError> {
    if rest.is_empty() {
        Ok(command)
    } else {
        Err(CommandError::UnexpectedArgument {
            command: name,
            extra: rest.to_owned(),
        })
    }
}

/// The single word argument of `command`.
fn one_word(
    command: &'static str,
    argument: &'static str,
    rest: &str,
) -> Result<String, CommandError> {
    match rest.split_once(char::is_whitespace) {
        _ if rest.is_empty() => Err(CommandError::MissingArgument { command, argument }),
        Some((_, extra)) => Err(CommandError::UnexpectedArgument {
            command,
            extra: extra.trim().to_owned(),
        }),
        None => Ok(rest.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_parses_with_or_without_the_colon() {
        // The reader passes the typed text with or without the prompt's colon; both must work,
        // and long names (`:write`) behave like vi's.
        assert_eq!(parse(":w"), Ok(Command::Write));
        assert_eq!(parse("write"), Ok(Command::Write));
        assert_eq!(parse(" :q "), Ok(Command::Quit));
        assert_eq!(parse(":wq"), Ok(Command::WriteQuit));
        assert_eq!(parse(":x"), Ok(Command::WriteQuit));
        assert_eq!(
            parse(":theme  solarized-dark "),
            Ok(Command::Theme("solarized-dark".into()))
        );
        assert_eq!(parse(":export JSON"), Ok(Command::Export(Format::Json)));
        assert_eq!(parse(":export md"), Ok(Command::Export(Format::Markdown)));
        assert_eq!(parse(":tag Evidence"), Ok(Command::Tag(Tag::Evidence)));
        assert_eq!(
            parse(":tag to read"),
            Ok(Command::Tag(Tag::Custom("to read".into())))
        );
    }

    #[test]
    fn mistakes_get_an_error_that_says_what_to_type() {
        // A command line that silently does nothing leaves the user guessing.
        assert_eq!(parse(":"), Err(CommandError::Empty));
        assert_eq!(
            parse(":frobnicate"),
            Err(CommandError::Unknown("frobnicate".into()))
        );
        let missing = parse(":theme").unwrap_err();
        assert_eq!(missing.to_string(), ":theme needs NAME, e.g. :theme NAME");
        assert_eq!(
            parse(":tag   "),
            Err(CommandError::MissingArgument {
                command: "tag",
                argument: "NAME"
            })
        );
        assert_eq!(
            parse(":export md now"),
            Err(CommandError::UnexpectedArgument {
                command: "export",
                extra: "now".into()
            })
        );
        let long = format!(":tag {}", "x".repeat(60));
        assert!(matches!(
            parse(&long),
            Err(CommandError::BadTagName(TagNameError::TooLong(60)))
        ));
        assert!(parse(":q!x").is_err());
        let format = parse(":export docx").unwrap_err().to_string();
        assert!(
            format.contains("docx") && format.contains("markdown"),
            "{format}"
        );
        assert!(
            parse(":w file.toml")
                .unwrap_err()
                .to_string()
                .contains("file.toml")
        );
        assert!(
            CommandError::Unknown("z".into())
                .to_string()
                .contains(":theme")
        );
    }

    #[test]
    fn the_command_table_lists_every_command_name() {
        // The help overlay is generated from COMMANDS; a parsable command missing from it
        // would be undiscoverable.
        for (usage, _) in COMMANDS {
            let name = usage.split_whitespace().next().unwrap();
            let line = if usage.contains(' ') {
                format!("{name} html")
            } else {
                name.to_owned()
            };
            assert!(parse(&line).is_ok(), "{usage}");
        }
        let export = COMMANDS
            .iter()
            .find(|(usage, _)| usage.starts_with(":export"));
        for format in Format::ALL {
            assert!(export.unwrap().1.contains(format.name()), "{format}");
        }
    }
}
