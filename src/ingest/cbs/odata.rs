//! The OData v3 JSON envelope: `value` rows and an optional `odata.nextLink`, keys in any order.

use serde_json::{Map, Value};

use super::error::FetchError;

/// One row of a `value` array.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Row(pub Map<String, Value>);

impl Row {
    /// A text field by name (CBS writes `Key`; some copies `key`).
    pub fn text(&self, field: &str) -> Option<&str> {
        self.0
            .get(field)
            .or_else(|| self.0.get(&field.to_lowercase()))
            .and_then(Value::as_str)
    }

    /// A number, from a JSON number (TypedDataSet) or a padded string (UntypedDataSet); `None` for
    /// null, a missing field or `.`.
    pub fn number(&self, field: &str) -> Option<f64> {
        match self.0.get(field)? {
            Value::Number(n) => n.as_f64().filter(|v| v.is_finite()),
            Value::String(text) => text.trim().parse().ok().filter(|v: &f64| v.is_finite()),
            _ => None,
        }
    }
}

pub(super) struct Page {
    pub rows: Vec<Row>,
    pub next: Option<String>,
}

pub(super) fn parse_page(url: &str, body: &[u8]) -> Result<Page, FetchError> {
    let malformed = |message: String| FetchError::Malformed {
        url: url.to_string(),
        message,
    };
    let json: Value =
        serde_json::from_slice(body).map_err(|e| malformed(format!("geen geldige JSON ({e})")))?;
    let Value::Object(mut envelope) = json else {
        return Err(malformed("geen OData-object".to_string()));
    };
    let Some(Value::Array(values)) = envelope.remove("value") else {
        return Err(malformed("het veld 'value' ontbreekt".to_string()));
    };
    let rows = values
        .into_iter()
        .map(|v| match v {
            Value::Object(map) => Ok(Row(map)),
            _ => Err(malformed("een rij is geen object".to_string())),
        })
        .collect::<Result<_, _>>()?;
    let next = envelope
        .get("odata.nextLink")
        .and_then(Value::as_str)
        .map(str::to_string);
    Ok(Page { rows, next })
}
