//! The window as a screen reader walks it (AccessKit, on the demo store): every tile, signal and change
//! is a sentence with its direction in words, every graphic has a name, and the keyboard alone goes
//! from the strategic layer to a tile's tactical view and back.

mod support;

use eframe::egui::accesskit::Role;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use regio_in_beeld::ui::Shell;
use support::window::{click_in, group, open_window};

/// Role, name and description of every node in the tree. A text label keeps its text as its value
/// (AccessKit), which is what a screen reader reads out.
fn spoken(harness: &Harness<'static, Shell>) -> Vec<(Role, String, String)> {
    harness
        .root()
        .children_recursive()
        .map(|node| {
            let node = node.accesskit_node();
            let name = if node.role() == Role::Label {
                node.value()
            } else {
                node.label()
            };
            (
                node.role(),
                name.unwrap_or_default(),
                node.description().unwrap_or_default(),
            )
        })
        .collect()
}

/// "13,4%", "1,3 %-punt", "+17%": a change figure with nothing around it that says up or down.
fn bare_change(label: &str) -> bool {
    // "1,5 %" with a space is a percentage value (Jongeren met jeugdbescherming), not a change.
    let figure = label
        .strip_suffix("%-punt")
        .map(str::trim)
        .or_else(|| label.strip_suffix('%').filter(|rest| !rest.ends_with(' ')))
        .map(|rest| rest.trim_start_matches(['+', '-', '−']));
    figure.is_some_and(|f| {
        !f.is_empty()
            && f.chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    })
}

/// Nodes a screen reader would announce without a name: painted things (images) and leaves that
/// egui made for an allocation nobody described.
fn unnamed(nodes: &[(Role, String, String)]) -> Vec<String> {
    nodes
        .iter()
        .filter(|(role, label, _)| {
            label.is_empty() && matches!(role, Role::Image | Role::Unknown | Role::Canvas)
        })
        .map(|(role, _, _)| format!("{role:?}"))
        .collect()
}

fn assert_readable(harness: &Harness<'static, Shell>, layer: &str) {
    let nodes = spoken(harness);
    let bare: Vec<&String> = nodes
        .iter()
        .map(|(_, label, _)| label)
        .filter(|label| bare_change(label))
        .collect();
    assert!(
        bare.is_empty(),
        "{layer}: kale veranderingscijfers {bare:?}"
    );
    let unnamed = unnamed(&nodes);
    assert!(
        unnamed.is_empty(),
        "{layer}: naamloze elementen {unnamed:?}"
    );
}

fn show(harness: &mut Harness<'static, Shell>, layer: &str) {
    harness.get_by_label(layer).click();
    harness.run();
}

#[test]
fn the_strategic_layer_reads_as_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let harness = open_window(&dir.path().join("regio.sqlite"));
    assert_readable(&harness, "Strategisch");

    harness.get_by_role_and_label(
        Role::Button,
        "Meldingen Veilig Thuis, 373 in 2025 K4, 13,4 procent hoger dan 2024 K4, neutraal, verwacht \
         259 tot 362, hoger dan verwacht, duiding aanwezig",
    );
    // Every tile (the button whose sparkline follows it) says its change, or why there is none,
    // in words.
    let nodes = spoken(&harness);
    let tiles: Vec<&String> = nodes
        .iter()
        .filter_map(|(role, label, _)| {
            let name = label
                .strip_prefix("Verloop ")
                .filter(|_| *role == Role::Image)?;
            nodes
                .iter()
                .find(|(role, tile, _)| {
                    *role == Role::Button && tile.starts_with(&format!("{name}, "))
                })
                .map(|(_, tile, _)| tile)
        })
        .collect();
    assert!(tiles.len() >= 8, "{nodes:#?}");
    for tile in &tiles {
        assert!(
            [
                "hoger dan",
                "lager dan",
                "gelijk aan",
                "geen vergelijking",
                "reeksbreuk"
            ]
            .iter()
            .any(|word| tile.contains(word)),
            "{tile}"
        );
        assert!(
            ["hoger is beter", "lager is beter", "neutraal"]
                .iter()
                .any(|word| tile.contains(word)),
            "{tile}"
        );
    }
    // The signal strip: the kind and the direction in words.
    harness.get_by_role_and_label(
        Role::Button,
        "Meldingen overlast verward persoon (E33): verslechtering in 2025 K4, 859, verwacht 713 tot \
         847, hoger dan verwacht, tweede kwartaal op rij, 17 procent hoger dan 2024 K4",
    );
    // The expected range and the run in words, and the weight of the strip.
    harness.get_by_label_contains(
        "verwacht 713 tot 847, hoger dan verwacht, tweede kwartaal op rij, signaal",
    );
    harness
        .get_by_label("Bij 17 indicatoren geeft toeval alleen gemiddeld 0,1 signaal per kwartaal.");
    // The sparkline: a named graphic whose description holds its span and extremes.
    let line = harness.get_by_role_and_label(Role::Image, "Verloop Meldingen Veilig Thuis");
    let description = line.accesskit_node().description().unwrap_or_default();
    assert!(description.contains("hoogste"), "{description}");
    assert!(description.contains("laagste"), "{description}");
    assert!(description.contains("2025 K4"), "{description}");
    assert!(
        description.contains("de tabel op de laag Tactisch"),
        "{description}"
    );
}

#[test]
fn the_tactical_layer_says_every_change_and_describes_the_plot() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    let tile = "Meldingen Veilig Thuis, 373 in 2025 K4, 13,4 procent hoger dan 2024 K4, neutraal, \
                verwacht 259 tot 362, hoger dan verwacht, duiding aanwezig";
    harness
        .get_by_role_and_label(Role::Button, tile)
        .scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::Button, tile).click();
    harness.run();
    harness.get_by_label("Cijfers per gemeente");
    assert_readable(&harness, "Tactisch");
    // The header and the region's row both say it against 2024 K4.
    assert!(
        harness
            .query_all_by_label("13,4 procent hoger dan 2024 K4")
            .count()
            >= 2
    );
    let plot = harness.get_by_role_and_label(
        Role::Image,
        "Grafiek Meldingen Veilig Thuis per gebied, lijn Zaanstreek-Waterland",
    );
    let description = plot.accesskit_node().description().unwrap_or_default();
    assert!(
        description.starts_with("Van 2021 K1 tot 2025 K4"),
        "{description}"
    );
    assert!(description.contains("naar 373"), "{description}");
    assert!(
        description.contains("Cijfers per gemeente"),
        "{description}"
    );
    assert!(
        description.ends_with(
            "Het lichte vlak is het verwachte bereik: verwacht 259–362: hoger dan verwacht."
        ),
        "{description}"
    );
}

#[test]
fn the_gemeenten_layer_reads_its_bars_and_signals() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    show(&mut harness, "Gemeenten");
    assert_readable(&harness, "Gemeenten");
    let bars = harness.get_by_role_and_label(
        Role::Image,
        "Staafdiagram Meldingen Veilig Thuis per gemeente in 2025 K4, Zaanstad gemarkeerd",
    );
    let description = bars.accesskit_node().description().unwrap_or_default();
    for gemeente in [
        "Edam-Volendam",
        "Landsmeer",
        "Oostzaan",
        "Purmerend",
        "Zaanstad",
    ] {
        assert!(description.contains(gemeente), "{description}");
    }
}

#[test]
fn the_other_layers_have_no_bare_figure_or_unnamed_graphic() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    for layer in ["Gegevens", "Duiding", "Verhalen", "Indicatoren"] {
        show(&mut harness, layer);
        assert_readable(&harness, layer);
    }
}

/// The label of the node that has the keyboard focus.
fn focused(harness: &Harness<'static, Shell>) -> Option<String> {
    harness
        .root()
        .children_recursive()
        .find(|node| node.accesskit_node().is_focused())
        .map(|node| node.accesskit_node().label().unwrap_or_default())
}

#[test]
fn the_keyboard_alone_opens_a_tile_and_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    // Tab through the tabs, the period, the signals, until the tile.
    let mut passed = Vec::new();
    for _ in 0..60 {
        harness.key_press(Key::Tab);
        harness.run();
        let now = focused(&harness).unwrap_or_default();
        if now.starts_with("Meldingen Veilig Thuis, 373") {
            break;
        }
        passed.push(now);
    }
    assert!(
        focused(&harness).is_some_and(|f| f.starts_with("Meldingen Veilig Thuis, 373")),
        "Tab never reached the tile; it passed {passed:#?}"
    );
    // In a sensible order: the layer tabs first, then the period, then the screen.
    assert_eq!(passed.first().map(String::as_str), Some("Strategisch"));
    let period = passed.iter().position(|p| p == "Periode").unwrap();
    let indicatoren = passed.iter().position(|p| p == "Indicatoren").unwrap();
    assert!(indicatoren < period, "{passed:#?}");

    // Shift-Tab goes back one step, Tab forward again.
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    harness.run();
    assert_eq!(focused(&harness).as_ref(), passed.last());
    harness.key_press(Key::Tab);
    harness.run();

    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("Cijfers per gemeente");

    // Ctrl+1 returns to the strategic layer; the shortcuts are listed in the status bar.
    harness.get_by_label_contains("Ctrl+1 … Ctrl+7 lagen");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    harness.run();
    harness.get_by_label("Strategisch overzicht");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    harness.get_by_label_contains("in de regio");
}

#[test]
fn escape_says_no_to_the_question_that_waits() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num6);
    harness.run();
    let title = "Terug in de wijk na detentie";
    let card = format!("Verhaal: {title}");
    click_in(&mut harness, &card, "Verwijderen");
    harness.get_by_label(&format!("Verhaal '{title}' verwijderen?"));

    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Ja, verwijderen").is_none());
    group(&harness, &card);
}

#[test]
fn at_200_percent_the_bars_reflow_and_nothing_overlaps() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    while harness.ctx.zoom_factor() < 2.0 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
        harness.run();
    }
    let width = harness.ctx.content_rect().width();
    assert!(width <= 640.5, "{width}");
    let controls = [
        "Strategisch",
        "Tactisch",
        "Gemeenten",
        "Gegevens",
        "Duiding",
        "Verhalen",
        "Indicatoren",
        "Periode",
        "Per 1.000 inwoners",
        "Donker thema",
        "Ctrl+1 … Ctrl+7 lagen · Tab volgende · Ctrl + / Ctrl − zoomen",
    ];
    let rects: Vec<(&str, eframe::egui::Rect)> = controls
        .iter()
        .map(|name| (*name, harness.get_by_label(name).rect()))
        .collect();
    for (i, (name, rect)) in rects.iter().enumerate() {
        assert!(
            rect.max.x <= width + 0.5,
            "{name} valt buiten het venster: {rect:?}"
        );
        for (other, other_rect) in &rects[i + 1..] {
            assert!(!rect.intersects(*other_rect), "{name} overlapt {other}");
        }
    }
    // The tiles keep a readable width: the five domains wrap onto rows of two.
    let tile = harness
        .get_by_role_and_label(
            Role::Button,
            "Meldingen Veilig Thuis, 373 in 2025 K4, 13,4 procent hoger dan 2024 K4, neutraal, \
             verwacht 259 tot 362, hoger dan verwacht, duiding aanwezig",
        )
        .rect();
    assert!(tile.width() >= 230.0, "{tile:?}");
}
