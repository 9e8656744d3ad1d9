//! The few distributions the signals need, written out so nothing heavier is linked in: quantiles of
//! the Poisson and the negative binomial (counts, with and without overdispersion) and of the normal
//! distribution (everything else).

/// ln Γ(x) for x > 0 (Lanczos, g = 7, nine terms: about 15 significant digits).
fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection, for the small sizes of a nearly Poisson negative binomial.
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = C[0];
    for (i, c) in C.iter().enumerate().skip(1) {
        sum += c / (x + i as f64);
    }
    let t = x + G + 0.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// A count distribution with mean `mean` and variance `dispersion × mean`: Poisson at dispersion
/// 1, negative binomial above it (the quasi-Poisson model's overdispersion).
#[derive(Debug, Clone, Copy)]
pub struct Counts {
    pub mean: f64,
    pub dispersion: f64,
}

impl Counts {
    /// ln P(Y = k).
    fn ln_pmf(&self, k: f64) -> f64 {
        let mean = self.mean.max(1e-9);
        if self.dispersion <= 1.0 + 1e-9 {
            return k * mean.ln() - mean - ln_gamma(k + 1.0);
        }
        // Size r and success probability p with mean r(1−p)/p = mean and variance mean/p.
        let p = 1.0 / self.dispersion;
        let r = mean * p / (1.0 - p);
        ln_gamma(k + r) - ln_gamma(r) - ln_gamma(k + 1.0) + r * p.ln() + k * (1.0 - p).ln()
    }

    #[cfg(test)]
    fn quantile(&self, probability: f64) -> f64 {
        self.quantiles(&[probability])[0]
    }

    /// The quantiles at `probabilities` (ascending) in one pass. The probabilities are built
    /// outward from the mode by their ratios (one ln Γ in all). Beyond a standard deviation of
    /// [`EXACT_SD`] the count is so large that the Cornish–Fisher expansion with the negative
    /// binomial's skewness comes within a tenth of a percent, at no cost.
    pub fn quantiles(&self, probabilities: &[f64]) -> Vec<f64> {
        if (self.mean * self.dispersion).sqrt() > EXACT_SD {
            probabilities.iter().map(|p| self.expansion(*p)).collect()
        } else {
            self.exact(probabilities)
        }
    }

    /// Cornish–Fisher: the normal quantile corrected by the skewness (2φ − 1)/σ.
    fn expansion(&self, probability: f64) -> f64 {
        let mean = self.mean.max(1e-9);
        let sd = (mean * self.dispersion).sqrt();
        let skew = (2.0 * self.dispersion - 1.0) / sd;
        let z = normal_quantile(probability);
        (mean + sd * (z + (z * z - 1.0) * skew / 6.0))
            .round()
            .max(0.0)
    }

    fn exact(&self, probabilities: &[f64]) -> Vec<f64> {
        let mean = self.mean.max(1e-9);
        let sd = (mean * self.dispersion).sqrt();
        let mode = mean.floor();
        let low = (mode - 10.0 * sd - 10.0).max(0.0).floor();
        let high = (mode + 15.0 * sd + 30.0).ceil();
        // P(k + 1) / P(k): μ/(k+1) for the Poisson, (k+r)/(k+1)·(1−p) for the negative binomial.
        let poisson = self.dispersion <= 1.0 + 1e-9;
        let (r, q) = if poisson {
            (0.0, 0.0)
        } else {
            let p = 1.0 / self.dispersion;
            (mean * p / (1.0 - p), 1.0 - p)
        };
        let ratio = |k: f64| {
            if poisson {
                mean / (k + 1.0)
            } else {
                (k + r) / (k + 1.0) * q
            }
        };
        let at_mode = self.ln_pmf(mode).exp();
        let below = (mode - low) as usize;
        let mut masses = vec![0.0; (high - low) as usize + 1];
        masses[below] = at_mode;
        for i in (0..below).rev() {
            masses[i] = masses[i + 1] / ratio(low + i as f64);
        }
        for i in below + 1..masses.len() {
            masses[i] = masses[i - 1] * ratio(low + (i - 1) as f64);
        }
        let mut found = Vec::with_capacity(probabilities.len());
        let mut wanted = probabilities.iter().peekable();
        let mut cumulative = 0.0;
        for (i, mass) in masses.iter().enumerate() {
            cumulative += mass;
            while wanted.next_if(|p| cumulative >= **p).is_some() {
                found.push(low + i as f64);
            }
            if wanted.peek().is_none() {
                break;
            }
        }
        found.resize(probabilities.len(), high);
        found
    }
}

/// Above this standard deviation a count's quantiles come from the Cornish–Fisher expansion.
const EXACT_SD: f64 = 40.0;

/// The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9).
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    let p = p.clamp(1e-15, 1.0 - 1e-15);
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < 0.024_25 {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - 0.024_25 {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ln_gamma_matches_factorials() {
        assert!((ln_gamma(1.0)).abs() < 1e-12);
        assert!((ln_gamma(5.0) - 24f64.ln()).abs() < 1e-12);
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-12);
        assert!((ln_gamma(101.0) - 363.739_375_555_563_5).abs() < 1e-9);
    }

    #[test]
    fn poisson_quantiles_are_the_textbook_ones() {
        let poisson = |mean| Counts {
            mean,
            dispersion: 1.0,
        };
        // As R's qpois: qpois(c(0.995, 0.005, 0.5), 40) = 57, 25, 40; qpois(0.999, 3) = 10.
        assert_eq!(poisson(40.0).quantile(0.995), 57.0);
        assert_eq!(poisson(40.0).quantile(0.005), 25.0);
        assert_eq!(poisson(40.0).quantile(0.5), 40.0);
        assert_eq!(poisson(3.0).quantile(0.999), 10.0);
    }

    #[test]
    fn overdispersion_widens_the_quantiles_as_the_negative_binomial_does() {
        // As R's qnbinom(c(0.995, 0.005), size = 40, mu = 40) = 66, 20 (variance 80: dispersion 2).
        let counts = Counts {
            mean: 40.0,
            dispersion: 2.0,
        };
        assert_eq!(counts.quantile(0.995), 66.0);
        assert_eq!(counts.quantile(0.005), 20.0);
    }

    #[test]
    fn where_the_expansion_takes_over_it_agrees_with_the_exact_sum() {
        // A standard deviation of 40 and 57: Poisson and overdispersed.
        for (mean, dispersion) in [(1_600.0, 1.0), (1_600.0, 2.0)] {
            let counts = Counts { mean, dispersion };
            let tails = [0.0025, 0.025, 0.975, 0.9975];
            let exact = counts.exact(&tails);
            for (p, e) in tails.iter().zip(&exact) {
                let a = counts.expansion(*p);
                // Within two counts of some 1.700: a tenth of a percent, below what a range shows.
                assert!((a - e).abs() <= 2.0, "{mean} {dispersion} {p}: {e} {a}");
                assert_eq!(e.fract(), 0.0);
            }
        }
        let both = Counts {
            mean: 40.0,
            dispersion: 1.0,
        }
        .quantiles(&[0.005, 0.995]);
        assert_eq!(both, [25.0, 57.0]);
    }

    #[test]
    fn normal_quantiles() {
        assert!((normal_quantile(0.975) - 1.959_963_985).abs() < 1e-8);
        assert!((normal_quantile(0.5)).abs() < 1e-12);
        assert!((normal_quantile(0.001) + 3.090_232_306).abs() < 1e-8);
    }
}
