//! The command line's own texts in Dutch: clap writes its headings ("Usage", "Options"), its help
//! flag and its errors in English, so the command is given Dutch headings and flags here, and clap's
//! errors are told again in Dutch from their parts.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches};

use super::Cli;

const TEMPLATE: &str = "{about-with-newline}\nGebruik: {usage}\n\n{all-args}{after-help}";

/// The parsed command line, or the exit code after help, the version or a usage error was shown.
pub fn parse() -> Result<Cli, ExitCode> {
    let mut command = command();
    let args = help_as_flag(std::env::args_os().collect());
    let parsed = match parse_from(&mut command, args.clone()) {
        Err(error) if error.kind() == ErrorKind::InvalidSubcommand => {
            let word = match error.get(ContextKind::InvalidSubcommand) {
                Some(ContextValue::String(word)) => word.clone(),
                _ => String::new(),
            };
            match super::publication::opened_by_name(&args, &word) {
                Some(args) => parse_from(&mut command, args),
                None => Err(error),
            }
        }
        parsed => parsed,
    };
    parsed.map_err(|error| {
        let words: Vec<String> = std::env::args().skip(1).collect();
        report(&error, named(&mut command, &words))
    })
}

fn parse_from(
    command: &mut clap::Command,
    args: Vec<std::ffi::OsString>,
) -> Result<Cli, clap::Error> {
    command
        .try_get_matches_from_mut(args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
}

/// `regio-in-beeld help import` as `regio-in-beeld import --help`: clap's own `help` command would
/// list itself in English.
fn help_as_flag(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    if args.get(1).is_some_and(|word| word == "help") {
        args.remove(1);
        args.push("--help".into());
    }
    args
}

/// The (sub)command the words name, as deep as they go: its usage is the one to show.
fn named<'a>(command: &'a mut clap::Command, words: &[String]) -> &'a mut clap::Command {
    let Some(at) = words
        .iter()
        .position(|word| command.find_subcommand(word).is_some())
    else {
        return command;
    };
    let sub = command
        .find_subcommand_mut(&words[at])
        .expect("found just above");
    named(sub, &words[at + 1..])
}

/// The command with Dutch headings and help texts, every subcommand included.
pub fn command() -> clap::Command {
    dutch(Cli::command(), true)
}

fn dutch(command: clap::Command, root: bool) -> clap::Command {
    let mut command = command
        .help_template(TEMPLATE)
        .subcommand_help_heading("Opdrachten")
        .subcommand_value_name("OPDRACHT")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Toon deze uitleg"),
        );
    if root {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Toon het versienummer"),
        );
    }
    command
        .mut_args(|arg| {
            let heading = if arg.is_positional() {
                "Argumenten"
            } else {
                "Opties"
            };
            arg.help_heading(heading)
        })
        .mut_subcommands(|sub| dutch(sub, false))
}

/// Shows help or the version on stdout (exit 0), or a usage error in Dutch on stderr (exit 2).
fn report(error: &clap::Error, command: &mut clap::Command) -> ExitCode {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            say!("{}", in_dutch(&error.render().to_string()).trim_end());
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            say_error!("{}", in_dutch(&error.render().to_string()).trim_end());
            ExitCode::from(2)
        }
        _ => {
            say_error!("fout: {}", message(error));
            let usage = command.render_usage().to_string();
            let usage = usage.trim().trim_start_matches("Usage:").trim();
            say_error!("\nGebruik: {}", in_dutch(usage));
            let name: Vec<&str> = usage
                .split_whitespace()
                .take_while(|word| word.chars().all(|c| c.is_lowercase() || c == '-'))
                .collect();
            say_error!("Meer uitleg: {} --help", name.join(" "));
            ExitCode::from(2)
        }
    }
}

/// What clap's error says, in Dutch.
fn message(error: &clap::Error) -> String {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => Some(list.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let suggestion = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand]
        .into_iter()
        .find_map(|kind| match error.get(kind) {
            Some(ContextValue::String(one)) => Some(vec![one.clone()]),
            Some(ContextValue::Strings(many)) => Some(many.clone()),
            _ => None,
        })
        .map(|names| format!("; bedoelt u {}?", or_list(&names)))
        .unwrap_or_default();
    match error.kind() {
        ErrorKind::UnknownArgument => format!("onbekende optie '{arg}'{suggestion}"),
        ErrorKind::InvalidSubcommand => format!(
            "onbekende opdracht '{}'{suggestion}",
            text(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => format!("ontbreekt: {arg}"),
        ErrorKind::InvalidValue => match text(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
            Some(valid) if value.is_empty() => format!("{arg} heeft een waarde nodig: {valid}"),
            Some(valid) => {
                format!("'{value}' is geen geldige waarde voor {arg}; kies uit: {valid}")
            }
            None if value.is_empty() => format!("{arg} heeft een waarde nodig"),
            None => format!("'{value}' is geen geldige waarde voor {arg}"),
        },
        ErrorKind::ValueValidation => format!("'{value}' is geen geldige waarde voor {arg}"),
        ErrorKind::ArgumentConflict => format!(
            "{arg} kan niet samen met {}",
            text(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("verkeerd aantal waarden voor {arg}")
        }
        ErrorKind::NoEquals => format!("{arg} verwacht een waarde met '='"),
        ErrorKind::InvalidUtf8 => "een argument is geen geldige UTF-8-tekst".to_string(),
        _ => "de opdrachtregel klopt niet".to_string(),
    }
}

/// `'a'`, `'a' of 'b'`, `'a', 'b' of 'c'`.
fn or_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} of {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

/// The few English words clap puts in usage lines and beside options.
fn in_dutch(text: &str) -> String {
    text.replace("[OPTIONS]", "[OPTIES]")
        .replace("[default: ", "[standaard: ")
        .replace("[possible values: ", "[mogelijk: ")
        .replace("[env: ", "[omgevingsvariabele: ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every option and argument of every command, with the command it belongs to.
    fn all_args(command: &clap::Command, path: &str, out: &mut Vec<(String, String, bool)>) {
        for arg in command.get_arguments() {
            out.push((
                path.to_string(),
                arg.get_id().to_string(),
                arg.get_help()
                    .is_some_and(|h| !h.to_string().trim().is_empty()),
            ));
        }
        for sub in command.get_subcommands() {
            all_args(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }

    #[test]
    fn every_option_and_argument_has_a_help_line() {
        let mut args = Vec::new();
        let mut command = command();
        command.build();
        all_args(&command, "regio-in-beeld", &mut args);
        let missing: Vec<String> = args
            .iter()
            .filter(|(_, _, has_help)| !has_help)
            .map(|(path, id, _)| format!("{path}: {id}"))
            .collect();
        assert!(missing.is_empty(), "without a help line: {missing:?}");
        assert!(args.len() > 40, "{} arguments seen", args.len());
    }
}
