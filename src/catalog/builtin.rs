//! The indicator definitions compiled into the binary, so the app runs without the source tree.
//! A test checks that this list matches `indicators/`.

pub(super) const FILES: &[(&str, &str)] = &[
    (
        "bijstandsuitkeringen.toml",
        include_str!("../../indicators/bijstandsuitkeringen.toml"),
    ),
    (
        "ervaringsverhalen_besproken.toml",
        include_str!("../../indicators/ervaringsverhalen_besproken.toml"),
    ),
    (
        "gemeentelijke_bijdrage_zvh.toml",
        include_str!("../../indicators/gemeentelijke_bijdrage_zvh.toml"),
    ),
    (
        "geregistreerde_misdrijven.toml",
        include_str!("../../indicators/geregistreerde_misdrijven.toml"),
    ),
    (
        "ggz_crisisbeoordelingen.toml",
        include_str!("../../indicators/ggz_crisisbeoordelingen.toml"),
    ),
    (
        "huiselijk_geweld_incidenten.toml",
        include_str!("../../indicators/huiselijk_geweld_incidenten.toml"),
    ),
    (
        "inwoners.toml",
        include_str!("../../indicators/inwoners.toml"),
    ),
    (
        "jeugdbescherming_jongeren.toml",
        include_str!("../../indicators/jeugdbescherming_jongeren.toml"),
    ),
    (
        "klantreizen_uitgevoerd.toml",
        include_str!("../../indicators/klantreizen_uitgevoerd.toml"),
    ),
    (
        "meldpunt_zorg_en_overlast.toml",
        include_str!("../../indicators/meldpunt_zorg_en_overlast.toml"),
    ),
    (
        "mensenhandel_signalen.toml",
        include_str!("../../indicators/mensenhandel_signalen.toml"),
    ),
    (
        "nazorg_plannen_ex_gedetineerden.toml",
        include_str!("../../indicators/nazorg_plannen_ex_gedetineerden.toml"),
    ),
    (
        "reclassering_toezichten.toml",
        include_str!("../../indicators/reclassering_toezichten.toml"),
    ),
    (
        "specialistische_bemoeizorg_personen.toml",
        include_str!("../../indicators/specialistische_bemoeizorg_personen.toml"),
    ),
    (
        "tijdelijk_huisverboden.toml",
        include_str!("../../indicators/tijdelijk_huisverboden.toml"),
    ),
    (
        "veilig_thuis_adviezen.toml",
        include_str!("../../indicators/veilig_thuis_adviezen.toml"),
    ),
    (
        "veilig_thuis_meldingen.toml",
        include_str!("../../indicators/veilig_thuis_meldingen.toml"),
    ),
    (
        "verward_gedrag_meldingen_e33.toml",
        include_str!("../../indicators/verward_gedrag_meldingen_e33.toml"),
    ),
    (
        "wmo_clienten.toml",
        include_str!("../../indicators/wmo_clienten.toml"),
    ),
    (
        "zvh_aanmeldingen.toml",
        include_str!("../../indicators/zvh_aanmeldingen.toml"),
    ),
    (
        "zvh_aanmeldingen_binnen_twee_weken.toml",
        include_str!("../../indicators/zvh_aanmeldingen_binnen_twee_weken.toml"),
    ),
    (
        "zvh_casussen_afgesloten.toml",
        include_str!("../../indicators/zvh_casussen_afgesloten.toml"),
    ),
    (
        "zvh_dossiers_in_behandeling.toml",
        include_str!("../../indicators/zvh_dossiers_in_behandeling.toml"),
    ),
];

#[cfg(test)]
mod tests {
    #[test]
    fn lists_every_file_in_the_indicators_directory() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/indicators");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".toml"))
            .collect();
        on_disk.sort();
        let embedded: Vec<&str> = super::FILES.iter().map(|(name, _)| *name).collect();
        assert_eq!(
            on_disk, embedded,
            "add new indicator files to src/catalog/builtin.rs"
        );
    }
}
