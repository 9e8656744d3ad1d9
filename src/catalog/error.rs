use std::fmt;

/// A problem in one indicator file, named by file and, where it applies, by key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    pub file: String,
    pub key: Option<String>,
    pub message: String,
}

impl CatalogError {
    pub fn file(file: impl Into<String>, message: String) -> CatalogError {
        CatalogError {
            file: file.into(),
            key: None,
            message,
        }
    }

    pub fn key(file: &str, key: &str, message: String) -> CatalogError {
        CatalogError {
            file: file.to_string(),
            key: Some(key.to_string()),
            message,
        }
    }
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.key {
            Some(key) => write!(f, "{}: sleutel '{key}': {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for CatalogError {}
