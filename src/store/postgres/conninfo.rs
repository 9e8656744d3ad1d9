//! Connection strings as libpq reads them: the keyword form (`host=regio-db dbname=regio`) and URLs
//! (`postgres://politie@regio-db/regio?sslmode=verify-full`). The `postgres` crate reads both, but not
//! every setting libpq knows (`sslmode=verify-full`, `sslrootcert`, `passfile`); this splits a string
//! into its settings so those can be taken out and the rest handed on, rebuilt.

const URL_PREFIXES: [&str; 2] = ["postgresql://", "postgres://"];

/// A connection string split into its settings. For a URL only the query (`?key=value&…`) is
/// split; user, host, port and database before it stay as written.
pub(super) struct ConnInfo {
    /// For a URL, everything before the `?`; `None` for the keyword form.
    url_base: Option<String>,
    settings: Vec<(String, String)>,
}

impl ConnInfo {
    /// The settings of `text`, or why it is no connection string (a Dutch phrase).
    /// An empty value counts as not given, as in libpq (`host=` is the default host).
    pub(super) fn parse(text: &str) -> Result<ConnInfo, String> {
        let mut info = match URL_PREFIXES.iter().find(|prefix| text.starts_with(*prefix)) {
            Some(prefix) => parse_url(text, prefix.len())?,
            None => ConnInfo {
                url_base: None,
                settings: parse_keywords(text)?,
            },
        };
        info.settings.retain(|(_, value)| !value.is_empty());
        Ok(info)
    }

    pub(super) fn is_url(text: &str) -> bool {
        URL_PREFIXES.iter().any(|prefix| text.starts_with(prefix))
    }

    pub(super) fn keys(&self) -> impl Iterator<Item = &str> {
        self.settings.iter().map(|(key, _)| key.as_str())
    }

    pub(super) fn has(&self, key: &str) -> bool {
        self.keys().any(|k| k == key)
    }

    /// Removes `key`; its value, the last one when given twice (as libpq takes it).
    pub(super) fn take(&mut self, key: &str) -> Option<String> {
        let mut value = None;
        self.settings.retain(|(k, v)| {
            if k == key {
                value = Some(v.clone());
            }
            k != key
        });
        value
    }

    /// The string again, without what was taken, in the form it came in.
    pub(super) fn rebuild(&self) -> String {
        match &self.url_base {
            Some(base) => {
                let query: Vec<String> = self
                    .settings
                    .iter()
                    .map(|(key, value)| {
                        format!("{}={}", percent_encode(key), percent_encode(value))
                    })
                    .collect();
                if query.is_empty() {
                    base.clone()
                } else {
                    format!("{base}?{}", query.join("&"))
                }
            }
            None => {
                let words: Vec<String> = self
                    .settings
                    .iter()
                    .map(|(key, value)| format!("{key}={}", quote(value)))
                    .collect();
                words.join(" ")
            }
        }
    }
}

/// The query starts at the first `?` after the credentials: the `postgres` crate takes everything up
/// to the first `@` as user and password, so a `?` in a password stays part of it.
fn parse_url(text: &str, prefix: usize) -> Result<ConnInfo, String> {
    let rest = &text[prefix..];
    let after_credentials = rest.find('@').map_or(0, |at| at + 1);
    let Some(question) = rest[after_credentials..].find('?') else {
        return Ok(ConnInfo {
            url_base: Some(text.to_string()),
            settings: Vec::new(),
        });
    };
    let split = prefix + after_credentials + question;
    let mut settings = Vec::new();
    for pair in text[split + 1..].split('&').filter(|pair| !pair.is_empty()) {
        let Some((key, value)) = pair.split_once('=') else {
            return Err(format!(
                "in het adres staat \"{}\" zonder \"=waarde\"",
                percent_decode(pair).unwrap_or_default()
            ));
        };
        settings.push((percent_decode(key)?, percent_decode(value)?));
    }
    Ok(ConnInfo {
        url_base: Some(text[..split].to_string()),
        settings,
    })
}

/// libpq's keyword form: `key = value` words; a value in single quotes may hold spaces, and `\`
/// escapes the next character.
fn parse_keywords(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut settings = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            break;
        }
        let mut key = String::new();
        while let Some(c) = chars.next_if(|c| !c.is_whitespace() && *c != '=') {
            key.push(c);
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.next() != Some('=') {
            return Err(format!("na \"{key}\" ontbreekt \"=waarde\""));
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'\'').is_some() {
            loop {
                match chars.next() {
                    Some('\'') => break,
                    Some('\\') => value.extend(chars.next()),
                    Some(c) => value.push(c),
                    None => return Err(format!("de waarde van {key} mist het sluitende '")),
                }
            }
        } else {
            while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                if c == '\\' {
                    value.extend(chars.next());
                } else {
                    value.push(c);
                }
            }
        }
        if key.is_empty() {
            return Err("er staat een \"=\" zonder naam ervoor".to_string());
        }
        settings.push((key, value));
    }
    Ok(settings)
}

fn quote(value: &str) -> String {
    let mut quoted = String::with_capacity(value.len() + 2);
    quoted.push('\'');
    for c in value.chars() {
        if c == '\\' || c == '\'' {
            quoted.push('\\');
        }
        quoted.push(c);
    }
    quoted.push('\'');
    quoted
}

/// Everything but RFC 3986's unreserved characters, so the value reads back as it was.
pub(super) fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

fn percent_decode(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|pair| std::str::from_utf8(pair).ok())
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
                .ok_or_else(|| {
                    "een %-teken in het adres is niet gevolgd door twee hexcijfers".to_string()
                })?;
            decoded.push(hex);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(decoded).map_err(|_| "het adres bevat een ongeldige %-codering".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(text: &str) -> Vec<(String, String)> {
        ConnInfo::parse(text).unwrap().settings
    }

    fn pair(key: &str, value: &str) -> (String, String) {
        (key.to_string(), value.to_string())
    }

    #[test]
    fn keyword_values_may_be_quoted_and_escaped() {
        assert_eq!(
            settings(r"host = regio-db  dbname='regio data' user=o\'neill password='it\'s \\ ok'"),
            vec![
                pair("host", "regio-db"),
                pair("dbname", "regio data"),
                pair("user", "o'neill"),
                pair("password", r"it's \ ok"),
            ]
        );
    }

    #[test]
    fn empty_values_are_not_given() {
        assert_eq!(
            settings("host='' dbname='' user=u"),
            vec![pair("user", "u")]
        );
        assert_eq!(
            settings("postgres://h/db?sslmode=&port=5433"),
            vec![pair("port", "5433")]
        );
    }

    #[test]
    fn broken_keyword_strings_say_where() {
        let error = |text| ConnInfo::parse(text).err().unwrap();
        assert_eq!(error("host"), "na \"host\" ontbreekt \"=waarde\"");
        assert_eq!(error("host=a =b"), "er staat een \"=\" zonder naam ervoor");
        assert_eq!(
            error("dbname='regio"),
            "de waarde van dbname mist het sluitende '"
        );
    }

    #[test]
    fn a_rebuilt_keyword_string_reads_back_the_same() {
        let mut info =
            ConnInfo::parse(r"host=a sslmode=verify-full dbname='x y' password='a\'b\\c'").unwrap();
        assert_eq!(info.take("sslmode").as_deref(), Some("verify-full"));
        let again = ConnInfo::parse(&info.rebuild()).unwrap();
        assert_eq!(
            again.settings,
            vec![
                pair("host", "a"),
                pair("dbname", "x y"),
                pair("password", r"a'b\c")
            ]
        );
    }

    #[test]
    fn url_query_settings_are_decoded_and_taken_out() {
        let mut info = ConnInfo::parse(
            "postgres://politie:ge?heim@regio-db:5433/regio?sslmode=verify-full&sslrootcert=%2Fetc%2Fca%20regio.pem&application_name=x",
        )
        .unwrap();
        assert_eq!(
            info.take("sslrootcert").as_deref(),
            Some("/etc/ca regio.pem")
        );
        assert_eq!(info.take("sslmode").as_deref(), Some("verify-full"));
        assert!(info.has("application_name"));
        assert_eq!(
            info.rebuild(),
            "postgres://politie:ge?heim@regio-db:5433/regio?application_name=x",
            "the ? in the password is not the query"
        );
        info.take("application_name");
        assert_eq!(
            info.rebuild(),
            "postgres://politie:ge?heim@regio-db:5433/regio"
        );
    }

    #[test]
    fn a_bad_url_query_is_refused() {
        assert!(ConnInfo::parse("postgresql://h/db?sslmode").is_err());
        assert!(ConnInfo::parse("postgresql://h/db?sslmode=%zz").is_err());
        assert!(ConnInfo::parse("postgresql://h/db?sslmode=%ff").is_err());
        assert!(ConnInfo::parse("postgresql://h/db?sslmode=%").is_err());
    }

    #[test]
    fn percent_encoding_reads_back() {
        let text = "a b/c?d&e=f%g€";
        assert_eq!(percent_decode(&percent_encode(text)).unwrap(), text);
    }
}
