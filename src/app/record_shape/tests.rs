//! Each record kind checked field by field: every problem of every record reported.

use super::*;
use crate::app::interchange::{EventRecord, NoteRecord, StoryRecord};
use serde::Serialize;

/// The field list the shape check uses is the record's own: every field serde writes, in order.
fn fields_match<R: Record + Serialize>(full: R) {
    let Value::Object(written) = serde_json::to_value(&full).unwrap() else {
        panic!("a record is an object");
    };
    let written: Vec<&str> = written.keys().map(String::as_str).collect();
    let mut listed: Vec<&str> = R::FIELDS.iter().map(|(name, _)| *name).collect();
    let mut sorted = written.clone();
    sorted.sort_unstable();
    listed.sort_unstable();
    assert_eq!(sorted, listed);
}

#[test]
fn each_record_lists_its_own_fields() {
    let text = || "x".to_string();
    fields_match(NoteRecord {
        indicator: text(),
        gebied: Some(text()),
        periode: Some(text()),
        bo_datum: text(),
        auteur: text(),
        status: text(),
        tekst: text(),
    });
    fields_match(StoryRecord {
        titel: text(),
        samenvatting: text(),
        soort: text(),
        url: text(),
        themas: vec![text()],
        indicatoren: vec![text()],
        gebied: Some(text()),
    });
    fields_match(EventRecord {
        datum: text(),
        label: text(),
        soort: text(),
        indicator: Some(text()),
        gebied: Some(text()),
        omschrijving: Some(text()),
    });
}

#[test]
fn every_record_is_checked_and_a_byte_order_mark_is_read() {
    let json = "\u{feff}[{\"datum\": \"2024-07-01\", \"label\": \"a\", \"soort\": \"beleid\"}, \
                [1, [2]], \"tekst\", null, true, 1.5, {}]";
    let refused = read_checked(
        "g.json",
        json.as_bytes(),
        "gebeurtenis",
        |r: &EventRecord| r.to_event(crate::catalog::zawa()),
    )
    .unwrap_err()
    .to_string();
    let lines: Vec<&str> = refused.lines().collect();
    assert_eq!(
        lines,
        [
            "g.json, gebeurtenis 2: verwacht een object { … } met velden, maar dit is een lijst",
            "g.json, gebeurtenis 3: verwacht een object { … } met velden, maar dit is een tekst",
            "g.json, gebeurtenis 4: verwacht een object { … } met velden, maar dit is null",
            "g.json, gebeurtenis 5: verwacht een object { … } met velden, maar dit is true of false",
            "g.json, gebeurtenis 6: verwacht een object { … } met velden, maar dit is een getal",
            "g.json, gebeurtenis 7: veld 'datum' ontbreekt",
            "g.json, gebeurtenis 7: veld 'label' ontbreekt",
            "g.json, gebeurtenis 7: veld 'soort' ontbreekt",
            "er is niets ingelezen",
        ]
    );
    let read = read_checked(
        "g.json",
        "\u{feff}[]".as_bytes(),
        "gebeurtenis",
        |r: &EventRecord| r.to_event(crate::catalog::zawa()),
    )
    .unwrap();
    assert!(read.is_empty());
}
