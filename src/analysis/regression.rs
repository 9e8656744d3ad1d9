//! Weighted least squares and a Poisson regression with a log link (iteratively reweighted least
//! squares), for the handful of columns a signal's baseline has: intercept, trend, season.

/// Coefficients and the unscaled covariance (XᵀWX)⁻¹ of a fit.
#[derive(Debug, Clone)]
pub(super) struct Fit {
    pub coefficients: Vec<f64>,
    pub inverse: Vec<Vec<f64>>,
}

impl Fit {
    pub fn linear(&self, row: &[f64]) -> f64 {
        row.iter().zip(&self.coefficients).map(|(x, b)| x * b).sum()
    }

    /// xᵀ (XᵀWX)⁻¹ x: the variance of the fitted value at `row`, before scaling.
    pub fn leverage(&self, row: &[f64]) -> f64 {
        let mut total = 0.0;
        for (i, xi) in row.iter().enumerate() {
            for (j, xj) in row.iter().enumerate() {
                total += xi * self.inverse[i][j] * xj;
            }
        }
        total
    }
}

/// The inverse of a small symmetric matrix by Gauss–Jordan with partial pivoting; `None` when it is
/// (numerically) singular, as when a column is all zero.
fn invert(mut a: Vec<Vec<f64>>) -> Option<Vec<Vec<f64>>> {
    let n = a.len();
    let scale = a
        .iter()
        .enumerate()
        .map(|(i, row)| row[i].abs())
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    let mut inverse: Vec<Vec<f64>> = (0..n)
        .map(|i| (0..n).map(|j| f64::from(u8::from(i == j))).collect())
        .collect();
    for column in 0..n {
        let pivot =
            (column..n).max_by(|&r, &s| a[r][column].abs().total_cmp(&a[s][column].abs()))?;
        if a[pivot][column].abs() <= scale * 1e-12 {
            return None;
        }
        a.swap(column, pivot);
        inverse.swap(column, pivot);
        let divisor = a[column][column];
        for j in 0..n {
            a[column][j] /= divisor;
            inverse[column][j] /= divisor;
        }
        for row in 0..n {
            if row != column {
                let factor = a[row][column];
                if factor != 0.0 {
                    for j in 0..n {
                        a[row][j] -= factor * a[column][j];
                        inverse[row][j] -= factor * inverse[column][j];
                    }
                }
            }
        }
    }
    Some(inverse)
}

/// Minimises Σ wᵢ (zᵢ − xᵢβ)².
pub(super) fn least_squares(x: &[Vec<f64>], z: &[f64], w: &[f64]) -> Option<Fit> {
    let p = x.first()?.len();
    let mut a = vec![vec![0.0; p]; p];
    let mut b = vec![0.0; p];
    for ((row, zi), wi) in x.iter().zip(z).zip(w) {
        for j in 0..p {
            b[j] += wi * row[j] * zi;
            for k in 0..p {
                a[j][k] += wi * row[j] * row[k];
            }
        }
    }
    let inverse = invert(a)?;
    let coefficients = (0..p)
        .map(|j| (0..p).map(|k| inverse[j][k] * b[k]).sum())
        .collect();
    Some(Fit {
        coefficients,
        inverse,
    })
}

/// The Poisson regression log E[y] = xβ with prior weights `w`; the covariance it returns is for
/// dispersion 1 (scale it by the estimated overdispersion).
pub(super) fn poisson(x: &[Vec<f64>], y: &[f64], w: &[f64]) -> Option<Fit> {
    let mut mu: Vec<f64> = y.iter().map(|v| v + 0.5).collect();
    let mut fit: Option<Fit> = None;
    let mut deviance = f64::INFINITY;
    for _ in 0..50 {
        let z: Vec<f64> = y
            .iter()
            .zip(&mu)
            .map(|(yi, mi)| mi.ln() + (yi - mi) / mi)
            .collect();
        let weights: Vec<f64> = w.iter().zip(&mu).map(|(wi, mi)| wi * mi).collect();
        let next = least_squares(x, &z, &weights)?;
        // A season without any count drives its coefficient towards −∞; the floor keeps the
        // weights finite, and the deviance (R's glm criterion) settles while that coefficient
        // still moves, so the fit stops in a few iterations with a mean of practically zero there.
        mu = x
            .iter()
            .map(|row| next.linear(row).clamp(-30.0, 30.0).exp().max(1e-8))
            .collect();
        fit = Some(next);
        let next_deviance: f64 = y
            .iter()
            .zip(&mu)
            .zip(w)
            .map(|((yi, mi), wi)| {
                let log_term = if *yi > 0.0 { yi * (yi / mi).ln() } else { 0.0 };
                2.0 * wi * (log_term - (yi - mi))
            })
            .sum();
        let settled = (next_deviance - deviance).abs() / (next_deviance.abs() + 0.1) < 1e-8;
        deviance = next_deviance;
        if settled {
            break;
        }
    }
    fit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn least_squares_finds_a_line() {
        let x: Vec<Vec<f64>> = (0..5).map(|i| vec![1.0, f64::from(i)]).collect();
        let z: Vec<f64> = (0..5).map(|i| 3.0 + 2.0 * f64::from(i)).collect();
        let fit = least_squares(&x, &z, &[1.0; 5]).unwrap();
        assert!((fit.coefficients[0] - 3.0).abs() < 1e-12);
        assert!((fit.coefficients[1] - 2.0).abs() < 1e-12);
        // Var(intercept) of x = 0..4 is Σx²/(nΣx² − (Σx)²) = 30/50.
        assert!((fit.inverse[0][0] - 0.6).abs() < 1e-12);
    }

    #[test]
    fn a_column_of_zeros_is_singular() {
        let x: Vec<Vec<f64>> = (0..5).map(|_| vec![1.0, 0.0]).collect();
        assert!(least_squares(&x, &[1.0; 5], &[1.0; 5]).is_none());
    }

    #[test]
    fn the_poisson_fit_of_a_constant_mean_is_its_log() {
        let x: Vec<Vec<f64>> = (0..4).map(|_| vec![1.0]).collect();
        let fit = poisson(&x, &[10.0, 12.0, 8.0, 10.0], &[1.0; 4]).unwrap();
        assert!((fit.coefficients[0] - 10f64.ln()).abs() < 1e-9);
        // The variance of ln μ̂ is 1/Σμ = 1/40.
        assert!((fit.inverse[0][0] - 1.0 / 40.0).abs() < 1e-9);
    }
}
