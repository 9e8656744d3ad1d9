#!/usr/bin/env python3
"""Writes observations.csv: the demo data set of Regio in beeld.

Real figures (seed-figures.csv, copied from the region's published documents; the `opmerking` column
names the source) are kept exactly; every other value is a plausible, invented series for 2021 K1 -
2025 K4 so that every indicator has something to show. Deterministic: rerunning gives the same file.
The app carries these series on past 2025 when it fills a new store (src/app/demo/continuation.rs).
Run from this folder: python3 generate.py
"""
import csv
import math
import random

random.seed(20251231)

GEMEENTEN = ["Edam-Volendam", "Landsmeer", "Oostzaan", "Purmerend", "Waterland", "Wormerland", "Zaanstad"]
REGIO = "Zaanstreek-Waterland"
# Inwoners on 1 January (invented, in the right order of magnitude); Purmerend without Beemster until 2021.
POPULATION = {
    "Edam-Volendam": 36300, "Landsmeer": 11600, "Oostzaan": 9900, "Purmerend": 81500,
    "Waterland": 17300, "Wormerland": 16400, "Zaanstad": 157200,
}
BEEMSTER = 9900
YEARS = range(2021, 2026)
QUARTERS = [(y, q) for y in YEARS for q in range(1, 5)]


def population(gemeente, year):
    base = POPULATION[gemeente] * (1 + 0.006 * (year - 2021))
    if gemeente == "Purmerend" and year >= 2022:
        base += BEEMSTER * (1 + 0.004 * (year - 2022))
    return round(base)


def noisy(mean):
    """A count around `mean` (Poisson-like spread)."""
    return max(0, round(random.gauss(mean, math.sqrt(max(mean, 0.5)))))


def apportion(total, weights):
    """Splits a whole `total` over the keys of `weights` (largest remainder), so the parts add up."""
    scale = total / sum(weights.values())
    parts = {k: int(w * scale) for k, w in weights.items()}
    rest = sorted(weights, key=lambda k: weights[k] * scale - parts[k], reverse=True)
    for k in rest[: total - sum(parts.values())]:
        parts[k] += 1
    return parts


def number(value):
    text = f"{value:.1f}" if isinstance(value, float) else str(value)
    return text.replace(".", ",")


rows = []


def add(indicator, gebied, periode, waarde, status="", opmerking=""):
    rows.append([indicator, gebied, periode, waarde if isinstance(waarde, str) else number(waarde), status, opmerking])


def quarterly_counts(indicator, per_1000_per_quarter, trend=0.0, season=0.0, last_jump=1.0, jump_before=1.0, shielded_by_supplier=()):
    """Counts per gemeente and the region (delivered as the sum) for every quarter; `last_jump` lifts
    the last quarter, `jump_before` the one before it (a change that lasts two quarters)."""
    for i, (year, quarter) in enumerate(QUARTERS):
        factor = (1 + trend) ** i * (1 + season * math.sin((quarter - 1.5) * math.pi / 2))
        if (year, quarter) == QUARTERS[-1]:
            factor *= last_jump
        if (year, quarter) == QUARTERS[-2]:
            factor *= jump_before
        period = f"{year} K{quarter}"
        values = {g: noisy(per_1000_per_quarter * population(g, year) / 1000 * factor) for g in GEMEENTEN}
        for g in GEMEENTEN:
            if (g, period) in shielded_by_supplier:
                add(indicator, g, period, "<5")
            else:
                add(indicator, g, period, values[g])
        add(indicator, REGIO, period, sum(values.values()))


def yearly_counts(indicator, per_1000, trend=0.0, region_only_years=()):
    for i, year in enumerate(YEARS):
        values = {g: noisy(per_1000 * population(g, year) / 1000 * (1 + trend) ** i) for g in GEMEENTEN}
        for g in GEMEENTEN:
            add(indicator, g, str(year), values[g])
        add(indicator, REGIO, str(year), sum(values.values()))


# Seeds first: they are the real figures.
with open("../../tests/fixtures/seed-figures.csv", encoding="utf-8") as f:
    seeds = list(csv.DictReader(f, delimiter=";"))
seed_keys = {(s["indicator"], s["gebied"], s["periode"]) for s in seeds}

# ZVH dossiers in behandeling: quarterly peildata. Real: 44 (region, 1-1-2022) and 96 (region, 1-2-2023,
# incl. 9 not attributed to a gemeente). Shares per gemeente follow the 2023 figures.
share = {"Edam-Volendam": 3, "Landsmeer": 2, "Oostzaan": 2, "Purmerend": 27, "Waterland": 6, "Wormerland": 2, "Zaanstad": 45}
region_level = {2021: [34, 36, 38, 41], 2022: [44, 58, 71, 84], 2023: [93, 97, 101, 99], 2024: [104, 102, 108, 111], 2025: [109, 114, 112, 117]}
for year, levels in region_level.items():
    for quarter, level in enumerate(levels, start=1):
        date = f"{year}-{3 * quarter - 2:02d}-01"
        attributed = round(level * 87 / 96)
        values = apportion(attributed, {g: share[g] * random.uniform(0.8, 1.2) for g in GEMEENTEN})
        for g in GEMEENTEN:
            if ("zvh_dossiers_in_behandeling", g, date) not in seed_keys:
                add("zvh_dossiers_in_behandeling", g, date, values[g])
        if ("zvh_dossiers_in_behandeling", REGIO, date) not in seed_keys:
            add("zvh_dossiers_in_behandeling", REGIO, date, level)

# Gemeentelijke bijdrage ZVH: real for 2023 and 2024; other years indexed from them.
bijdrage_2023 = {s["gebied"]: int(s["waarde"]) for s in seeds if s["indicator"] == "gemeentelijke_bijdrage_zvh" and s["periode"] == "2023"}
for year, index in [(2021, 0.951), (2022, 0.972), (2025, 1.089)]:
    values = {g: round(bijdrage_2023[g] * index) for g in GEMEENTEN}
    for g in GEMEENTEN:
        add("gemeentelijke_bijdrage_zvh", g, str(year), values[g])
    add("gemeentelijke_bijdrage_zvh", REGIO, str(year), sum(values.values()))

# Specialistische bemoeizorg: real region figure 54 for 2022.
for year, level in [(2021, 49), (2022, 54), (2023, 57), (2024, 61), (2025, 63)]:
    values = {g: round(level * POPULATION[g] / sum(POPULATION.values())) for g in GEMEENTEN}
    for g in GEMEENTEN:
        add("specialistische_bemoeizorg_personen", g, str(year), values[g])
    if year != 2022:
        add("specialistische_bemoeizorg_personen", REGIO, str(year), level)

quarterly_counts("zvh_aanmeldingen", 0.17, trend=0.012)
quarterly_counts("zvh_casussen_afgesloten", 0.155, trend=0.012)
quarterly_counts("veilig_thuis_meldingen", 0.85, trend=0.004, season=0.05, last_jump=1.22)
quarterly_counts("veilig_thuis_adviezen", 0.70, trend=0.002)
quarterly_counts("huiselijk_geweld_incidenten", 1.25, trend=-0.003, season=0.08)
quarterly_counts("tijdelijk_huisverboden", 0.042)
quarterly_counts(
    "mensenhandel_signalen", 0.025, trend=0.03,
    shielded_by_supplier={("Landsmeer", "2025 K3"), ("Oostzaan", "2025 K4"), ("Wormerland", "2025 K4")},
)
quarterly_counts("verward_gedrag_meldingen_e33", 1.9, trend=0.008, season=0.06, last_jump=1.25, jump_before=1.12)
quarterly_counts("meldpunt_zorg_en_overlast", 0.72, trend=0.006)
quarterly_counts("ggz_crisisbeoordelingen", 0.52)
quarterly_counts("nazorg_plannen_ex_gedetineerden", 0.10, trend=0.01, last_jump=0.7)
quarterly_counts("reclassering_toezichten", 1.2, trend=-0.002)
quarterly_counts("ervaringsverhalen_besproken", 0.012, trend=0.05)

# Region only: the share of ZVH aanmeldingen picked up within two weeks.
for i, (year, quarter) in enumerate(QUARTERS):
    add("zvh_aanmeldingen_binnen_twee_weken", REGIO, f"{year} K{quarter}", round(76 + i * 0.5 + random.uniform(-3, 3), 1))

for year in YEARS:
    total = 0
    for g in GEMEENTEN:
        add("inwoners", g, str(year), population(g, year))
        total += population(g, year)
    add("inwoners", REGIO, str(year), total)

yearly_counts("geregistreerde_misdrijven", 42.0, trend=-0.01)
yearly_counts("klantreizen_uitgevoerd", 0.02, trend=0.1)

# Jeugdbescherming: % of youth; the region is the population-weighted mean.
for i, year in enumerate(YEARS):
    weighted = 0.0
    for g in GEMEENTEN:
        rate = round(1.15 + (0.35 if g == "Zaanstad" else 0.0) - 0.03 * i + random.uniform(-0.15, 0.15), 1)
        add("jeugdbescherming_jongeren", g, str(year), rate)
        weighted += rate * population(g, year)
    add("jeugdbescherming_jongeren", REGIO, str(year), round(weighted / sum(population(g, year) for g in GEMEENTEN), 1))

for year in YEARS:
    for half in (1, 2):
        values = {g: 5 * round(noisy(68 * population(g, year) / 1000) / 5) for g in GEMEENTEN}
        for g in GEMEENTEN:
            add("wmo_clienten", g, f"{year}-H{half}", values[g])
        add("wmo_clienten", REGIO, f"{year}-H{half}", sum(values.values()))

for year in YEARS:
    for month in range(1, 13):
        rate = {"Zaanstad": 27.0, "Purmerend": 21.0}
        values = {g: noisy(rate.get(g, 11.5) * population(g, year) / 1000 * (1 - 0.002 * month)) for g in GEMEENTEN}
        for g in GEMEENTEN:
            add("bijstandsuitkeringen", g, f"{year}-{month:02d}", values[g])
        add("bijstandsuitkeringen", REGIO, f"{year}-{month:02d}", sum(values.values()))

for s in seeds:
    add(s["indicator"], s["gebied"], s["periode"], s["waarde"], "", s["opmerking"])

with open("observations.csv", "w", encoding="utf-8", newline="") as f:
    writer = csv.writer(f, delimiter=";", lineterminator="\n")
    writer.writerow(["indicator", "gebied", "periode", "waarde", "status", "opmerking"])
    writer.writerows(rows)
print(f"{len(rows)} rows")
