//! Gebieden: a gemeente, a region or Nederland as reference. Which gemeenten exist, and when, is the
//! store's region (see [`super::Region`]); an [`Area`] is only the name tag a value carries.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, OnceLock};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AreaKind {
    Gemeente,
    Regio,
    /// Reference area for open-data figures only.
    Nederland,
}

impl AreaKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AreaKind::Gemeente => "gemeente",
            AreaKind::Regio => "regio",
            AreaKind::Nederland => "nederland",
        }
    }

    pub fn from_code(text: &str) -> Option<AreaKind> {
        [AreaKind::Gemeente, AreaKind::Regio, AreaKind::Nederland]
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }
}

/// What an area is called; reached through [`Area`], which points at one of these.
#[derive(Debug, PartialEq, Eq)]
pub struct AreaInfo {
    /// CBS code (`GM0385`, `NL01`) or the region's own code (`RG_ZAWA`).
    pub code: &'static str,
    pub name: &'static str,
    pub kind: AreaKind,
    /// Order of first use in this process: a compact key for sorting and hashing.
    key: u32,
}

/// An area as a value carries it: one pointer, so a million values stay small and compare fast.
/// Two areas are the same when code, name and kind are.
#[derive(Clone, Copy)]
pub struct Area(&'static AreaInfo);

impl std::ops::Deref for Area {
    type Target = AreaInfo;

    fn deref(&self) -> &AreaInfo {
        self.0
    }
}

impl PartialEq for Area {
    fn eq(&self, other: &Area) -> bool {
        self.0.key == other.0.key
    }
}

impl Eq for Area {}

impl std::hash::Hash for Area {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.key.hash(state);
    }
}

impl fmt::Debug for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Area({} {})", self.code, self.name)
    }
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

type Interned = HashMap<(String, String, AreaKind), &'static AreaInfo>;

/// Every area named in this process, each once. Areas come from region files and stores, a few
/// hundred at most, so keeping them for the life of the process costs kilobytes and lets every
/// value hold a plain pointer.
fn interned() -> &'static Mutex<Interned> {
    static INTERNED: OnceLock<Mutex<Interned>> = OnceLock::new();
    INTERNED.get_or_init(Default::default)
}

impl Area {
    /// The area with this code, name and kind; the same call gives the same area.
    pub fn new(code: &str, name: &str, kind: AreaKind) -> Area {
        let mut interned = interned()
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let next = interned.len() as u32;
        let key = (code.to_string(), name.to_string(), kind);
        let info = interned.entry(key).or_insert_with(|| {
            Box::leak(Box::new(AreaInfo {
                code: Box::leak(code.into()),
                name: Box::leak(name.into()),
                kind,
                key: next,
            }))
        });
        Area(info)
    }

    /// Nederland, the reference for open-data figures: the same in every region.
    pub fn nederland() -> Area {
        static NEDERLAND: OnceLock<Area> = OnceLock::new();
        *NEDERLAND.get_or_init(|| Area::new("NL01", "Nederland", AreaKind::Nederland))
    }

    /// A key that is the same for the same area within this process, for sorting and hashing.
    pub fn key(&self) -> u32 {
        self.0.key
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaParseError {
    pub input: String,
    /// The closest known name, when the input looks like a typo of one.
    pub suggestion: Option<&'static str>,
    /// The region's name, for the hint of what is expected.
    pub region: String,
    /// A gemeente of the region, for the example in the hint.
    pub example: Option<&'static str>,
}

impl fmt::Display for AreaParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "onbekend gebied '{}'", self.input.trim())?;
        match (self.suggestion, self.example) {
            (Some(name), _) => write!(f, "; bedoelt u '{name}'?"),
            (None, Some(example)) => write!(
                f,
                "; verwacht een gemeente van {}, de regio of een CBS-code zoals {example}",
                self.region
            ),
            (None, None) => write!(f, "; verwacht een gemeente van {}", self.region),
        }
    }
}

impl std::error::Error for AreaParseError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_area_is_one_pointer() {
        let a = Area::new("GM9998", "Testdorp", AreaKind::Gemeente);
        let b = Area::new("GM9998", "Testdorp", AreaKind::Gemeente);
        assert_eq!(a, b);
        assert!(std::ptr::eq(a.0, b.0));
        assert_ne!(a, Area::new("GM9998", "Ander dorp", AreaKind::Gemeente));
        assert_eq!(a.code, "GM9998");
        assert_eq!(a.to_string(), "Testdorp");
        assert_eq!(std::mem::size_of::<Area>(), 8);
    }

    #[test]
    fn nederland_is_the_reference() {
        assert_eq!(Area::nederland().code, "NL01");
        assert_eq!(Area::nederland().kind, AreaKind::Nederland);
        assert_eq!(Area::nederland(), Area::nederland());
    }
}
