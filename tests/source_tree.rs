//! The shape of the code itself, as the developers' guide asks it: no file in `src/` over 500 lines,
//! no two files that import each other, and egui only in `ui/`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 500;

/// Every `.rs` file under `src/`, by its module path (`["app", "session", "command"]`).
fn modules() -> BTreeMap<Vec<String>, PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeMap::new();
    let mut pending = vec![root.clone()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            // The binary's `main.rs` only dispatches to the library.
            if path.extension().is_none_or(|e| e != "rs") || path == root.join("main.rs") {
                continue;
            }
            let relative = path.strip_prefix(&root).unwrap().with_extension("");
            let mut module: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                module.pop();
            }
            found.insert(module, path);
        }
    }
    found
}

/// The code without comments, so a path in a doc comment is no import.
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths a file names, written out in full from the crate root: `use super::{a, b::c}` in
/// `app/x.rs` gives `app::a` and `app::b::c`; `crate::domain::Area` in code gives `domain::Area`.
fn named_paths(module: &[String], code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let words: Vec<char> = code.chars().collect();
    let mut at = 0;
    while at < words.len() {
        let rest: String = words[at..words.len().min(at + 7)].iter().collect();
        let starts_word = at == 0 || !(words[at - 1].is_alphanumeric() || words[at - 1] == '_');
        let keyword = ["crate::", "super::"]
            .into_iter()
            .find(|k| starts_word && rest.starts_with(k));
        let Some(keyword) = keyword else {
            at += 1;
            continue;
        };
        let (tree, end) = path_tree(&words, at);
        let mut base: Vec<String> = module.to_vec();
        if keyword == "super::" {
            // A file's own module is its path; `super` is one up (for `x.rs` and `x/mod.rs` alike).
            base.pop();
        } else {
            base.clear();
        }
        let tree = tree
            .strip_prefix(keyword.trim_end_matches(':'))
            .unwrap_or(&tree)
            .trim_start_matches(':')
            .to_string();
        expand(&base, &tree, &mut paths);
        at = end;
    }
    paths
}

/// The text of one path with its `{…}` groups, from `start` to where it ends.
fn path_tree(words: &[char], start: usize) -> (String, usize) {
    let mut depth = 0;
    let mut end = start;
    while end < words.len() {
        let c = words[end];
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            c if depth == 0 && !(c.is_alphanumeric() || c == '_' || c == ':') => break,
            _ => {}
        }
        end += 1;
    }
    (words[start..end].iter().collect(), end)
}

/// `a::{b, c::{d}}` below `base` as full paths.
fn expand(base: &[String], tree: &str, paths: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    if tree.is_empty() {
        return;
    }
    let (head, group) = match tree.find('{') {
        Some(open) => (
            &tree[..open],
            Some(&tree[open + 1..tree.rfind('}').unwrap_or(tree.len())]),
        ),
        None => (tree, None),
    };
    let mut path = base.to_vec();
    for part in head.split("::").map(str::trim).filter(|p| !p.is_empty()) {
        if part == "super" {
            path.pop();
        } else if part != "self" {
            path.push(part.split_whitespace().next().unwrap_or(part).to_string());
        }
    }
    let Some(group) = group else {
        paths.push(path);
        return;
    };
    let mut depth = 0;
    let mut from = 0;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand(&path, &group[from..i], paths);
                from = i + 1;
            }
            _ => {}
        }
    }
    expand(&path, &group[from..], paths);
}

/// The file a path lands in: the deepest module on it that is a file.
fn file_of(path: &[String], modules: &BTreeMap<Vec<String>, PathBuf>) -> Vec<String> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|m| modules.contains_key(m))
        .unwrap_or_default()
}

#[test]
fn no_source_file_is_over_500_lines() {
    let long: Vec<String> = modules()
        .values()
        .filter_map(|path| {
            let lines = std::fs::read_to_string(path).unwrap().lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", path.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these by concern: {long:#?}");
}

#[test]
fn no_two_files_import_each_other() {
    let modules = modules();
    let mut imports: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, path) in &modules {
        let targets = named_paths(module, &code_of(path))
            .iter()
            .map(|p| file_of(p, &modules))
            // A folder's `mod.rs` declares and re-exports its children, which may use what it
            // holds: parent and child are one unit, not a cycle.
            .filter(|target| !target.starts_with(module) && !module.starts_with(target))
            .collect();
        imports.insert(module.clone(), targets);
    }
    let mut cycles = Vec::new();
    for (a, targets) in &imports {
        for b in targets {
            if a < b && imports.get(b).is_some_and(|back| back.contains(a)) {
                cycles.push(format!("{} <-> {}", a.join("::"), b.join("::")));
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "these files import each other: {cycles:#?}"
    );
}

#[test]
fn egui_is_known_only_in_the_window() {
    let outside: Vec<String> = modules()
        .iter()
        .filter(|(module, _)| module.first().is_some_and(|top| top != "ui"))
        .filter(|(_, path)| {
            let code = code_of(path);
            code.contains("egui") || code.contains("eframe")
        })
        .map(|(_, path)| path.display().to_string())
        .collect();
    assert!(outside.is_empty(), "egui outside src/ui: {outside:#?}");
}

#[test]
fn the_import_reader_sees_groups_and_super() {
    let module = vec!["app".to_string(), "session".to_string(), "jobs".to_string()];
    let code = "use super::{DeliveredFiles, Session};\nuse crate::app::{\n    AppError, jobs::{WorkJob},\n};\nfn f() { crate::domain::count_of(1); }";
    let paths: Vec<String> = named_paths(&module, code)
        .iter()
        .map(|p| p.join("::"))
        .collect();
    assert_eq!(
        paths,
        [
            "app::session::DeliveredFiles",
            "app::session::Session",
            "app::AppError",
            "app::jobs::WorkJob",
            "domain::count_of",
        ]
    );
}
