//! `regio-in-beeld check`: the shipped definitions validate; a broken file is named with its key.

mod support;

use std::path::Path;

use support::{run, temp_store};

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn shipped(id: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("indicators")
            .join(format!("{id}.toml")),
    )
    .unwrap()
}

#[test]
fn every_shipped_indicator_validates() {
    let store = temp_store();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/indicators");
    let out = run(&store.path, &["check", "--indicators", dir]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with("23 indicatoren in orde"),
        "{}",
        out.stdout
    );
    let builtin = run(&store.path, &["check"]);
    assert_eq!(builtin.code, 0);
    assert!(builtin.stdout.contains("ingebouwde definities"));
}

#[test]
fn broken_files_are_listed_with_file_and_key() {
    let store = temp_store();
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "inwoners.toml", &shipped("inwoners"));
    write(
        dir.path(),
        "huiselijk_geweld_incidenten.toml",
        &shipped("huiselijk_geweld_incidenten")
            .replace("polarity = \"lager_is_beter\"", "polarity = \"laag\""),
    );
    write(
        dir.path(),
        "mensenhandel_signalen.toml",
        &shipped("mensenhandel_signalen").replace("supplier = ", "leverancier = "),
    );
    let out = run(
        &store.path,
        &["check", "--indicators", dir.path().to_str().unwrap()],
    );
    assert_eq!(out.code, 1);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert!(
        lines.iter().any(|l| l.ends_with("huiselijk_geweld_incidenten.toml: sleutel 'polarity': onbekende waarde 'laag'; kies uit hoger_is_beter, lager_is_beter, neutraal")),
        "{}",
        out.stderr
    );
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with("mensenhandel_signalen.toml: sleutel 'supplier': ontbreekt"))
    );
    assert!(lines.iter().any(|l| {
        l.ends_with("mensenhandel_signalen.toml: sleutel 'leverancier': onbekende sleutel")
    }));
    assert!(
        lines.last().unwrap().starts_with("3 problemen gevonden"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_empty_or_missing_directory_is_an_error() {
    let store = temp_store();
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        &store.path,
        &["check", "--indicators", dir.path().to_str().unwrap()],
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("geen indicatorbestanden (*.toml) gevonden"),
        "{}",
        out.stderr
    );
    let missing = dir.path().join("bestaat-niet");
    let out = run(
        &store.path,
        &["check", "--indicators", missing.to_str().unwrap()],
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("map kan niet gelezen worden"),
        "{}",
        out.stderr
    );
}
