//! The Debian package: what `[package.metadata.deb]` in Cargo.toml puts in it exists and is what
//! a desktop expects (icon sizes, a valid .desktop entry, a MIME type for `.rib` publications that
//! the .desktop file opens), and, where `cargo deb` is installed, the .deb built from the test's
//! own binary holds all of it.

use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const MIME_TYPE: &str = "application/x-regio-in-beeld-publicatie";

/// `(source, destination)` of every asset in the deb metadata.
fn assets() -> Vec<(String, String)> {
    let manifest: toml::Table = std::fs::read_to_string(Path::new(ROOT).join("Cargo.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let assets = manifest["package"]["metadata"]["deb"]["assets"]
        .as_array()
        .expect("[package.metadata.deb] assets");
    assets
        .iter()
        .map(|asset| {
            let asset = asset.as_array().unwrap();
            (
                asset[0].as_str().unwrap().to_string(),
                asset[1].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn source(destination_part: &str) -> PathBuf {
    let (source, _) = assets()
        .into_iter()
        .find(|(_, destination)| destination.contains(destination_part))
        .unwrap_or_else(|| panic!("no asset goes to {destination_part}"));
    Path::new(ROOT).join(source)
}

/// The tool, or `None` after saying it is skipped; CI must have it.
fn tool(name: &str, test: &str) -> Option<()> {
    let found = Command::new(name).arg("--version").output().is_ok();
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI runs {test}: {name} not found"
        );
        println!("overgeslagen (geen {name} gevonden): {test}");
        return None;
    }
    Some(())
}

fn png_size(path: &Path) -> (u32, u32) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let info = decoder.read_info().unwrap().info().clone();
    (info.width, info.height)
}

#[test]
fn every_asset_but_the_binary_is_in_the_repository() {
    let assets = assets();
    assert!(assets.len() >= 12, "{assets:?}");
    for (source, destination) in &assets {
        if source.starts_with("target/release/") {
            assert_eq!(destination, "usr/bin/");
            continue;
        }
        assert!(
            Path::new(ROOT).join(source).is_file(),
            "{source} is missing"
        );
    }
}

#[test]
fn each_png_icon_has_the_size_its_folder_names() {
    let icons: Vec<_> = assets()
        .into_iter()
        .filter(|(_, destination)| destination.starts_with("usr/share/icons/hicolor/"))
        .filter(|(source, _)| source.ends_with(".png"))
        .collect();
    let sizes: Vec<u32> = icons
        .iter()
        .map(|(source, destination)| {
            let folder = destination.split('/').nth(4).unwrap();
            let (width, height) = folder.split_once('x').unwrap();
            let named = (width.parse().unwrap(), height.parse().unwrap());
            assert_eq!(png_size(&Path::new(ROOT).join(source)), named, "{source}");
            assert!(
                destination.ends_with("/apps/regio-in-beeld.png"),
                "{destination}"
            );
            named.0
        })
        .collect();
    assert_eq!(sizes, [16, 24, 32, 48, 64, 128, 256, 512]);
    assert!(
        assets()
            .iter()
            .any(|(_, d)| d == "usr/share/icons/hicolor/scalable/apps/")
    );
}

#[test]
fn the_desktop_entry_is_valid_and_opens_publications() {
    let desktop = source("usr/share/applications/");
    let text = std::fs::read_to_string(&desktop).unwrap();
    assert!(text.contains("\nName=Regio in beeld\n"), "{text}");
    assert!(text.contains("\nComment[nl]="), "{text}");
    assert!(text.contains("\nExec=regio-in-beeld %f\n"), "{text}");
    assert!(text.contains("\nIcon=regio-in-beeld\n"), "{text}");
    assert!(
        text.contains(&format!("\nMimeType={MIME_TYPE};\n")),
        "{text}"
    );
    let test = "the_desktop_entry_is_valid_and_opens_publications";
    if tool("desktop-file-validate", test).is_none() {
        return;
    }
    let out = Command::new("desktop-file-validate")
        .arg(&desktop)
        .output()
        .unwrap();
    let said =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && said.trim().is_empty(), "{said}");
}

#[test]
fn the_mime_type_names_rib_files_in_dutch() {
    let text = std::fs::read_to_string(source("usr/share/mime/packages/")).unwrap();
    let mut reader = quick_xml::Reader::from_str(&text);
    let (mut types, mut globs, mut dutch) = (vec![], vec![], false);
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(tag) | quick_xml::events::Event::Empty(tag) => {
                let attribute = |name: &str| {
                    tag.try_get_attribute(name)
                        .unwrap()
                        .map(|a| a.value.into_owned())
                };
                match tag.name().as_ref() {
                    "mime-type" => types.extend(attribute("type")),
                    "glob" => globs.extend(attribute("pattern")),
                    "comment" => dutch |= attribute("xml:lang").as_deref() == Some("nl"),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    assert_eq!(types, [MIME_TYPE]);
    assert_eq!(globs, ["*.rib"]);
    assert!(dutch, "{text}");
}

#[test]
fn the_deb_built_from_the_test_binary_holds_program_entry_icons_and_mime_type() {
    let test = "the_deb_built_from_the_test_binary_holds_program_entry_icons_and_mime_type";
    let has_cargo_deb = Command::new("cargo")
        .args(["deb", "--version"])
        .output()
        .is_ok_and(|out| out.status.success());
    if !has_cargo_deb {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI runs {test}: cargo deb not found"
        );
        println!("overgeslagen (geen cargo deb gevonden): {test}");
        return;
    }
    tool("dpkg-deb", test).expect("cargo deb needs dpkg-deb");
    // The test's own binary (a dev build, target/debug): `--profile dev --no-build` packs it as it
    // is, so this test never starts a release build.
    let out_dir = tempfile::tempdir().unwrap();
    let deb = out_dir.path().join("regio-in-beeld.deb");
    let built = Command::new("cargo")
        .current_dir(ROOT)
        .args([
            "deb",
            "--no-build",
            "--profile",
            "dev",
            "--no-strip",
            "--fast",
            "--quiet",
        ])
        .arg("--output")
        .arg(&deb)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let listed = Command::new("dpkg-deb")
        .arg("-c")
        .arg(&deb)
        .output()
        .unwrap();
    assert!(listed.status.success());
    let listing = String::from_utf8_lossy(&listed.stdout);
    for path in [
        "./usr/bin/regio-in-beeld",
        "./usr/share/applications/regio-in-beeld.desktop",
        "./usr/share/mime/packages/regio-in-beeld.xml",
        "./usr/share/icons/hicolor/scalable/apps/regio-in-beeld.svg",
        "./usr/share/icons/hicolor/16x16/apps/regio-in-beeld.png",
        "./usr/share/icons/hicolor/512x512/apps/regio-in-beeld.png",
        "./usr/share/doc/regio-in-beeld/copyright",
    ] {
        assert!(listing.contains(path), "{path} not in:\n{listing}");
    }
}
