//! WCAG 2.1 AA contrast, computed from the theme colours themselves: 4.5:1 for text, 3:1 for large
//! text, lines, bars and the edges of controls (success criteria 1.4.3 and 1.4.11).

use eframe::egui::Color32;

use super::{DARK, LIGHT, Palette};
use crate::domain::{Area, AreaKind, Member, Region};

/// Relative luminance as WCAG 2.1 defines it (sRGB, linearised).
fn luminance(color: Color32) -> f64 {
    let channel = |value: u8| {
        let value = f64::from(value) / 255.0;
        if value <= 0.03928 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(color.r()) + 0.7152 * channel(color.g()) + 0.0722 * channel(color.b())
}

fn ratio(a: Color32, b: Color32) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

const TEXT: f64 = 4.5;
const GRAPHIC: f64 = 3.0;

/// Every pair the screens draw, by name, with the ratio it must reach.
fn pairs(p: &Palette) -> Vec<(&'static str, Color32, Color32, f64)> {
    let mut pairs = Vec::new();
    for (surface, fill) in [
        ("achtergrond", p.background),
        ("kaart", p.card),
        ("geselecteerd", p.selected),
    ] {
        for (name, color) in [
            ("tekst", p.text),
            ("tekst secundair", p.text_secondary),
            ("tekst gedempt", p.text_muted),
            ("accent", p.accent),
        ] {
            pairs.push((leak(format!("{name} op {surface}")), color, fill, TEXT));
        }
        pairs.push((
            leak(format!("rand van controls op {surface}")),
            p.control,
            fill,
            GRAPHIC,
        ));
    }
    for (name, color, fill) in [
        ("beter", p.better, p.better_background),
        ("slechter", p.worse, p.worse_background),
        ("neutraal", p.neutral, p.neutral_background),
        ("aandacht", p.attention, p.attention_background),
        ("beter op kaart", p.better, p.card),
        ("slechter op kaart", p.worse, p.card),
        ("beter op achtergrond", p.better, p.background),
        ("slechter op achtergrond", p.worse, p.background),
        ("secundair op beter", p.text_secondary, p.better_background),
        (
            "secundair op slechter",
            p.text_secondary,
            p.worse_background,
        ),
        (
            "secundair op neutraal",
            p.text_secondary,
            p.neutral_background,
        ),
    ] {
        pairs.push((name, color, fill, TEXT));
    }
    pairs
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

#[test]
fn text_and_controls_reach_aa_in_both_themes() {
    let mut failing = Vec::new();
    for (theme, palette) in [("licht", &LIGHT), ("donker", &DARK)] {
        for (name, color, fill, needed) in pairs(palette) {
            let found = ratio(color, fill);
            if found < needed {
                failing.push(format!("{theme}: {name} {found:.2}:1, nodig {needed}:1"));
            }
        }
    }
    assert!(failing.is_empty(), "{failing:#?}");
}

/// Eleven gemeenten, more than any region has colours for once, so every palette entry is drawn.
fn large_region() -> Region {
    let members = (0..11)
        .map(|index| Member {
            area: Area::new(
                &format!("GM{:04}", index + 1),
                &format!("Gemeente {}", (b'A' + index) as char),
                AreaKind::Gemeente,
            ),
            valid_from: None,
            valid_until: None,
            merged_into: None,
        })
        .collect();
    Region::new("RG99", "Proefregio", members)
}

#[test]
fn every_area_line_stands_out_three_to_one_on_the_card() {
    let region = large_region();
    let mut failing = Vec::new();
    for (theme, palette) in [("licht", &LIGHT), ("donker", &DARK)] {
        let areas = region
            .current_gemeenten()
            .map(|a| (a.name, region.color(&a)));
        for (name, design) in areas.chain([("regio", Region::COLOR)]) {
            let found = ratio(palette.area(design), palette.card);
            if found < GRAPHIC {
                failing.push(format!("{theme}: {name} (#{design:06X}) {found:.2}:1"));
            }
        }
    }
    assert!(failing.is_empty(), "{failing:#?}");
}

#[test]
fn the_ratio_is_the_one_wcag_defines() {
    // Black on white is 21:1; the design's old muted grey was 4.23:1 on the background.
    assert!((ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
    let old_muted = Color32::from_rgb(0x6B, 0x75, 0x85);
    let background = Color32::from_rgb(0xF3, 0xF4, 0xF6);
    assert!((ratio(old_muted, background) - 4.23).abs() < 0.01);
}
