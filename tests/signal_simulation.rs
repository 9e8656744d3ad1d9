//! The signals measured on many simulated series, the way issue 22 asks: seasonal quarterly counts for
//! the seven gemeenten of Zaanstreek-Waterland over six years, Poisson and overdispersed, the region
//! value their sum. Beside each figure the same measurement of the rule shipped before (the latest
//! seasonal difference beyond two standard deviations of the earlier ones), in one run.
//!
//! `cargo test --test signal_simulation` runs 1.000 series per case with fixed seeds; the longer run
//! (`-- --ignored`) 10.000, for the figures in docs/signalen.md.

use regio_in_beeld::analysis::{Point, Points, Series, signal};
use regio_in_beeld::catalog::Catalog;
use regio_in_beeld::domain::{Indicator, Period};

/// splitmix64: small, fast and the same on every machine.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform on (0, 1).
    fn uniform(&mut self) -> f64 {
        ((self.next() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }

    /// Poisson by inversion (the means here stay far below where e^−λ underflows).
    fn poisson(&mut self, mean: f64) -> f64 {
        let u = self.uniform();
        let mut k = 0.0;
        let mut p = (-mean).exp();
        let mut cumulative = p;
        while cumulative < u && k < 10_000.0 {
            k += 1.0;
            p *= mean / k;
            cumulative += p;
        }
        k
    }

    /// Gamma(shape, 1) by Marsaglia and Tsang, shape ≥ 1.
    fn gamma(&mut self, shape: f64) -> f64 {
        let d = shape - 1.0 / 3.0;
        let c = 1.0 / (9.0 * d).sqrt();
        loop {
            let x = self.normal();
            let v = (1.0 + c * x).powi(3);
            if v > 0.0 && self.uniform().ln() < 0.5 * x * x + d - d * v + d * v.ln() {
                return d * v;
            }
        }
    }

    /// A count with mean `mean` and variance `dispersion × mean` (gamma-Poisson).
    fn count(&mut self, mean: f64, dispersion: f64) -> f64 {
        if dispersion <= 1.0 {
            return self.poisson(mean);
        }
        let shape = mean / (dispersion - 1.0);
        if shape < 1.0 {
            return self.poisson(mean);
        }
        let rate = self.gamma(shape) / shape;
        self.poisson(mean * rate)
    }
}

/// The gemeenten's shares of the region (about their populations) and a season that returns each
/// year (more in the first and last quarter).
const SHARES: [f64; 7] = [0.10, 0.03, 0.03, 0.24, 0.05, 0.05, 0.50];
const SEASON: [f64; 4] = [1.10, 0.95, 0.90, 1.05];

/// Six years of history, then the two quarters judged.
const HISTORY: usize = 24;

fn quarter(index: usize) -> Period {
    Period::Quarter(2020 + (index / 4) as i32, (index % 4) as u8 + 1)
}

/// How a case is simulated: the region's mean per quarter, the gemeenten's overdispersion, and the
/// factor on the mean from the first judged quarter on.
#[derive(Clone, Copy)]
struct Case {
    mean: f64,
    dispersion: f64,
    change: f64,
}

/// The region series of one simulated history and the two quarters after it.
fn region_series(case: Case, random: &mut Random) -> Series {
    let points: Points = (0..HISTORY + 2)
        .map(|index| {
            let factor = if index >= HISTORY { case.change } else { 1.0 };
            let mean = case.mean * SEASON[index % 4] * factor;
            let value: f64 = SHARES
                .iter()
                .map(|share| random.count(mean * share, case.dispersion))
                .sum();
            let point = Point {
                value: Some(value),
                derived: true,
                provisional: false,
                shielded: false,
            };
            (quarter(index), point)
        })
        .collect();
    Series { points }
}

/// The rule shipped before issue 22, for the comparison: the latest seasonal difference beyond two
/// standard deviations of at least six earlier ones.
fn old_rule(series: &Series, at: &Period) -> bool {
    let differences: Vec<f64> = series
        .points
        .range(..=*at)
        .filter_map(|(period, point)| Some(point.value? - series.value(&period.year_before()?)?))
        .collect();
    let Some((latest, history)) = differences.split_last() else {
        return false;
    };
    if history.len() < 6 {
        return false;
    }
    let mean = history.iter().sum::<f64>() / history.len() as f64;
    let variance =
        history.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / (history.len() - 1) as f64;
    (latest - mean).abs() > 2.0 * variance.sqrt()
}

struct Measured {
    new: f64,
    old: f64,
}

/// The share of `runs` series of `case` that signal: in the first judged quarter (`both` false) or
/// in the first or the second (`both` true).
fn measure(indicator: &Indicator, case: Case, runs: usize, seed: u64, both: bool) -> Measured {
    let mut random = Random(seed);
    let (mut new, mut old) = (0, 0);
    let judged: Vec<Period> = if both {
        vec![quarter(HISTORY), quarter(HISTORY + 1)]
    } else {
        vec![quarter(HISTORY)]
    };
    for _ in 0..runs {
        let series = region_series(case, &mut random);
        if judged
            .iter()
            .any(|at| signal(indicator, &series, at).kind.is_signal())
        {
            new += 1;
        }
        if judged.iter().any(|at| old_rule(&series, at)) {
            old += 1;
        }
    }
    Measured {
        new: new as f64 / runs as f64,
        old: old as f64 / runs as f64,
    }
}

fn e33() -> Indicator {
    Catalog::builtin()
        .unwrap()
        .get("verward_gedrag_meldingen_e33")
        .unwrap()
        .clone()
}

/// Pure noise at the region means of the issue, Poisson and overdispersed.
const NOISE: [Case; 6] = [
    Case {
        mean: 10.0,
        dispersion: 1.0,
        change: 1.0,
    },
    Case {
        mean: 40.0,
        dispersion: 1.0,
        change: 1.0,
    },
    Case {
        mean: 150.0,
        dispersion: 1.0,
        change: 1.0,
    },
    Case {
        mean: 10.0,
        dispersion: 1.5,
        change: 1.0,
    },
    Case {
        mean: 40.0,
        dispersion: 1.5,
        change: 1.0,
    },
    Case {
        mean: 150.0,
        dispersion: 1.5,
        change: 1.0,
    },
];

fn noise(runs: usize) -> Vec<(Case, Measured)> {
    let indicator = e33();
    NOISE
        .iter()
        .enumerate()
        .map(|(i, case)| (*case, measure(&indicator, *case, runs, 1 + i as u64, false)))
        .collect()
}

/// A rise of half the level that lasts two quarters, found by the second.
fn power(mean: f64, runs: usize) -> Vec<(Case, Measured)> {
    let indicator = e33();
    [1.0, 1.5]
        .iter()
        .enumerate()
        .map(|(i, dispersion)| {
            let case = Case {
                mean,
                dispersion: *dispersion,
                change: 1.5,
            };
            (case, measure(&indicator, case, runs, 100 + i as u64, true))
        })
        .collect()
}

fn report(title: &str, rows: &[(Case, Measured)]) {
    eprintln!("{title}");
    for (case, measured) in rows {
        eprintln!(
            "  gemiddelde {:>5}, spreiding {:.1}: nieuw {:>5.1} %, oud {:>5.1} %",
            case.mean,
            case.dispersion,
            100.0 * measured.new,
            100.0 * measured.old
        );
    }
}

fn check(runs: usize) {
    let noise = noise(runs);
    report("Ruis (signaal in het laatste kwartaal):", &noise);
    let average = noise.iter().map(|(_, m)| m.new).sum::<f64>() / noise.len() as f64;
    assert!(average <= 0.01, "ruis gemiddeld {:.2} %", 100.0 * average);
    for (case, measured) in &noise {
        assert!(
            measured.new <= 0.015,
            "ruis bij {}: {:.2} %",
            case.mean,
            100.0 * measured.new
        );
        assert!(measured.new < measured.old, "ruis bij {}", case.mean);
    }
    for (mean, needed) in [(40.0, 0.60), (150.0, 0.85)] {
        let found = power(mean, runs);
        report(
            "+50 % gedurende twee kwartalen, gevonden in het tweede:",
            &found,
        );
        let average = found.iter().map(|(_, m)| m.new).sum::<f64>() / found.len() as f64;
        assert!(average >= needed, "bij {mean}: {:.1} %", 100.0 * average);
    }
}

#[test]
fn few_false_signals_and_real_changes_found_on_simulated_counts() {
    check(1_000);
}

#[test]
#[ignore = "the longer run behind docs/signalen.md: cargo test --release --test signal_simulation -- --ignored"]
fn the_same_over_ten_thousand_series_per_case() {
    check(10_000);
}
