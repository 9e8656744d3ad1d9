//! `check --region FILE`: a region file checked before `init` uses it, every problem by file and key.

mod support;

use support::{finish, regio};

fn check(path: &std::path::Path) -> support::Run {
    finish(regio().arg("check").arg("--region").arg(path))
}

#[test]
fn every_shipped_region_file_checks_out() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/regions");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    names.sort();
    assert!(
        names.len() >= 3,
        "Zaanstreek-Waterland and at least two more"
    );
    for path in &names {
        let run = check(path);
        assert_eq!(run.code, 0, "{}: {}", path.display(), run.stderr);
    }
    let zawa = check(&std::path::Path::new(dir).join("zaanstreek-waterland.toml"));
    assert!(
        zawa.stdout.ends_with(
            "in orde: Zaanstreek-Waterland (RG_ZAWA), 7 gemeenten en 1 gemeente die niet meer bestaan\n"
        ),
        "{}",
        zawa.stdout
    );
    let nederland = check(&std::path::Path::new(dir).join("nederland.toml"));
    assert!(
        nederland.stdout.contains("342 gemeenten"),
        "{}",
        nederland.stdout
    );
}

#[test]
fn a_bad_region_file_names_file_and_key_of_every_problem() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("regio.toml");
    std::fs::write(
        &path,
        "name = \"Proef\"\ncode = \"RG_PROEF\"\n[[gemeente]]\ncode = \"GM1\"\nname = \"A\"\n\
         [[gemeente]]\ncode = \"GM0002\"\nname = \"B\"\nmerged_into = \"GM0009\"\nvalid_until = \"2020-12-31\"\n",
    )
    .unwrap();
    let run = check(&path);
    assert_eq!(run.code, 1);
    let file = path.display();
    assert_eq!(
        run.stderr,
        format!(
            "{file}: sleutel 'gemeente[1].code': 'GM1' is geen CBS-gemeentecode zoals GM0439\n\
             {file}: sleutel 'gemeente[2].merged_into': 'GM0009' is geen gemeente van dit bestand\n\
             2 problemen gevonden; er is niets gewijzigd.\n"
        )
    );
    assert!(run.stdout.is_empty());
}
