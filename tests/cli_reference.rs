//! The command-line reference, docs/opdrachtregel.md, holds the `--help` of the binary and of every
//! command verbatim, so it cannot drift from what the program prints. Below its marker line the file
//! is written by `UPDATE_DOCS=1 cargo test --test cli_reference`; above it is prose kept as it is.

mod support;

use std::path::PathBuf;

use support::{finish, regio};

const REGENERATE: &str = "UPDATE_DOCS=1 cargo test --test cli_reference";

/// Where the written part begins; everything above it is left alone when the file is written again.
const MARKER: &str = "<!-- Hieronder: de hulptekst van elke opdracht, geschreven door \
                      `UPDATE_DOCS=1 cargo test --test cli_reference`. Niet met de hand bewerken. -->";

fn reference_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/opdrachtregel.md")
}

/// The help of the command `words`. The tests set REGIO_TODAY (and a store); the help names such
/// variables without their values, so it reads the same as a user's.
fn help(words: &[String]) -> String {
    let run = finish(regio().args(words).arg("--help"));
    assert_eq!(
        run.code,
        0,
        "{} --help failed: {}",
        command_line(words),
        run.stderr
    );
    run.stdout
}

fn command_line(words: &[String]) -> String {
    std::iter::once("regio-in-beeld")
        .chain(words.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The commands a help text lists under "Opdrachten:".
fn commands_listed(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|line| *line != "Opdrachten:")
        .skip(1)
        .take_while(|line| !line.trim().is_empty())
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

/// The command `words` and every command below it, each with its help, in the order the helps list
/// them.
fn collect(words: Vec<String>, found: &mut Vec<(String, String)>) {
    let text = help(&words);
    let below = commands_listed(&text);
    found.push((command_line(&words), text));
    for command in below {
        let mut deeper = words.clone();
        deeper.push(command);
        collect(deeper, found);
    }
}

/// One section per command: its name as a heading, its help as printed.
fn section(command: &str, help: &str) -> String {
    format!("## `{command}`\n\n```text\n{}\n```\n", help.trim_end())
}

fn written_part(helps: &[(String, String)]) -> String {
    let sections: Vec<String> = helps
        .iter()
        .map(|(command, help)| section(command, help))
        .collect();
    format!("{MARKER}\n\n{}", sections.join("\n"))
}

#[test]
fn the_reference_holds_the_help_of_every_command_verbatim() {
    let mut helps = Vec::new();
    collect(Vec::new(), &mut helps);
    let listed: Vec<&str> = helps.iter().map(|(command, _)| command.as_str()).collect();
    // The walk must reach the nested commands too, or the check below proves little.
    for expected in [
        "regio-in-beeld",
        "regio-in-beeld import",
        "regio-in-beeld signals",
        "regio-in-beeld notes import",
        "regio-in-beeld events add",
    ] {
        assert!(
            listed.contains(&expected),
            "{expected} not found: {listed:?}"
        );
    }

    let path = reference_path();
    let doc = std::fs::read_to_string(&path).expect("docs/opdrachtregel.md exists");
    let Some(at) = doc.find(MARKER) else {
        panic!(
            "docs/opdrachtregel.md lacks its marker line; put it back below the prose:\n{MARKER}"
        );
    };
    let prose = &doc[..at];
    let expected = format!("{prose}{}", written_part(&helps));
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &expected).expect("docs/opdrachtregel.md written");
        return;
    }
    for (command, help) in &helps {
        assert!(
            doc.contains(&section(command, help)),
            "docs/opdrachtregel.md does not hold the help of `{command}` as the program prints \
             it now:\n\n{help}\nWrite the reference again with: {REGENERATE}"
        );
    }
    assert!(
        doc == expected,
        "docs/opdrachtregel.md holds more than the help of today's commands (a command removed or \
         renamed?). Write the reference again with: {REGENERATE}"
    );
}
