//! Text normalisation shared by the parsers: people type names and codes with any case, accents and
//! separators, and we must still recognise them.

/// Lower-cases, folds accents (é → e, ë → e, ĳ → ij) and drops everything that is not a letter or digit,
/// so "Edam-Volendam", "edam volendam" and "ÉDAM VOLENDAM" compare equal.
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => out.push('a'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ç' => out.push('c'),
            'ñ' => out.push('n'),
            'ĳ' => out.push_str("ij"),
            _ => {}
        }
    }
    out
}

/// Edit distance, used to suggest the closest known name for a typo.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_accents_and_separators() {
        assert_eq!(fold("Edam-Volendam"), "edamvolendam");
        assert_eq!(fold(" ÉDAM  volendam "), "edamvolendam");
        assert_eq!(fold("GM0385 "), "gm0385");
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("zaanstad", "zaanstad"), 0);
        assert_eq!(edit_distance("zaandstad", "zaanstad"), 1);
        assert_eq!(edit_distance("purmerend", "purmerent"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
