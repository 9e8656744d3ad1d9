//! Verhalen: the client's voice next to the figures. Ervaringsverhalen, klantreizen and videos, each
//! with a web address that is only ever http or https.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

use super::{
    Area, Indicator, THEMES, check_optional, check_required, check_text, format_number,
    is_invisible_or_bidi, visible,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StoryKind {
    Video,
    Klantreis,
    Ervaringsverhaal,
}

impl StoryKind {
    pub const ALL: [StoryKind; 3] = [
        StoryKind::Ervaringsverhaal,
        StoryKind::Klantreis,
        StoryKind::Video,
    ];

    pub fn code(self) -> &'static str {
        match self {
            StoryKind::Video => "video",
            StoryKind::Klantreis => "klantreis",
            StoryKind::Ervaringsverhaal => "ervaringsverhaal",
        }
    }

    pub fn from_code(code: &str) -> Option<StoryKind> {
        StoryKind::ALL
            .into_iter()
            .find(|k| k.code() == code.trim().to_lowercase())
    }

    pub fn label(self) -> &'static str {
        match self {
            StoryKind::Video => "Video",
            StoryKind::Klantreis => "Klantreis",
            StoryKind::Ervaringsverhaal => "Ervaringsverhaal",
        }
    }
}

/// A web address a reader may open: http or https with a valid host name or IP address, nothing
/// else. Whatever could make the address shown differ from the address opened is refused: a user
/// name before the host, direction and zero-width characters, a host that is no host.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WebUrl {
    url: String,
    host: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlError {
    pub input: String,
    pub reason: String,
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The input quoted with its hidden characters shown, and cut short: it may be anything.
        write!(
            f,
            "ongeldige link '{}': {}",
            visible(&self.input, 120),
            self.reason
        )
    }
}

/// Longer links are refused: no real video or page address needs them, and browsers and mail
/// programs differ in what they do with longer ones.
pub const MAX_URL_CHARS: usize = 2000;

impl WebUrl {
    pub fn parse(input: &str) -> Result<WebUrl, UrlError> {
        let url = input.trim();
        let refuse = |reason: String| {
            Err(UrlError {
                input: input.to_string(),
                reason,
            })
        };
        if url.chars().nth(MAX_URL_CHARS).is_some() {
            return refuse(format!(
                "een link is hoogstens {} tekens lang",
                format_number(MAX_URL_CHARS as f64, 0)
            ));
        }
        if let Err(control) = check_text("url", url) {
            return refuse(control.to_string());
        }
        if let Some(c) = url.chars().find(|c| is_invisible_or_bidi(*c)) {
            return refuse(format!(
                "een link bevat geen onzichtbare tekens of tekens die de leesrichting omdraaien (U+{:04X})",
                u32::from(c)
            ));
        }
        if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return refuse("een link bevat geen spaties of stuurtekens".into());
        }
        let Some((scheme, rest)) = url.split_once("://") else {
            return refuse("alleen http- en https-links zijn toegestaan".into());
        };
        if !["http", "https"].contains(&scheme.to_lowercase().as_str()) {
            return refuse("alleen http- en https-links zijn toegestaan".into());
        }
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if authority.contains('@') {
            return refuse("een link met een gebruikersnaam verbergt waar hij heen gaat".into());
        }
        let host = match split_host_and_port(authority) {
            Ok(host) => host,
            Err(reason) => return refuse(reason.into()),
        };
        Ok(WebUrl {
            url: url.to_string(),
            host: host.to_lowercase(),
        })
    }

    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// Where the link goes, shown before it is opened: "vimeo.com".
    pub fn host(&self) -> &str {
        &self.host
    }
}

/// The host of `authority` (`host`, `host:port`, `[v6]:port`), refusing what is no host name or IP
/// address and a port that is not one number from 0 to 65535.
fn split_host_and_port(authority: &str) -> Result<&str, &'static str> {
    const NO_HOST: &str = "de link noemt geen geldige website";
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let Some((address, after)) = v6.split_once(']') else {
            return Err(NO_HOST);
        };
        if address.parse::<Ipv6Addr>().is_err() {
            return Err(NO_HOST);
        }
        let port = match after {
            "" => None,
            _ => match after.strip_prefix(':') {
                Some(port) => Some(port),
                None => return Err(NO_HOST),
            },
        };
        (&authority[..address.len() + 2], port)
    } else {
        let mut parts = authority.split(':');
        let host = parts.next().unwrap_or_default();
        let port = parts.next();
        if parts.next().is_some() {
            return Err("een link noemt hoogstens één poort");
        }
        if !is_host_name_or_ipv4(host) {
            return Err(NO_HOST);
        }
        (host, port)
    };
    // An empty port is the scheme's own, as browsers read it.
    if let Some(port) = port.filter(|p| !p.is_empty())
        && !(port.bytes().all(|b| b.is_ascii_digit()) && port.parse::<u16>().is_ok())
    {
        return Err("de poort van de link is geen getal van 0 tot en met 65535");
    }
    Ok(host)
}

/// A dotted IPv4 address, or a host name: labels of 1 to 63 letters, digits and hyphens, not
/// starting or ending with a hyphen, 253 characters at most. A name whose last label is a number
/// but that is no IPv4 address (`127.1`, `1.2.3.999`) is refused: browsers read such names as
/// addresses in their own ways, so the host shown would not be the host opened.
fn is_host_name_or_ipv4(host: &str) -> bool {
    if host.parse::<Ipv4Addr>().is_ok() {
        return true;
    }
    let labels_ok = host.len() <= 253
        && host.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        });
    let last = host.rsplit('.').next().unwrap_or_default();
    let numeric_last =
        last.bytes().all(|b| b.is_ascii_digit()) || last.to_ascii_lowercase().starts_with("0x");
    labels_ok && !numeric_last
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StoryId(pub i64);

#[derive(Debug, Clone, PartialEq)]
pub struct StoryDraft {
    pub title: String,
    pub summary: String,
    pub kind: StoryKind,
    pub url: WebUrl,
    /// Allen voor Een themes the story speaks to.
    pub themes: Vec<String>,
    /// Indicator ids the story belongs beside.
    pub indicators: Vec<String>,
    pub area: Option<Area>,
}

impl StoryDraft {
    /// What is wrong with the texts of a story, typed or imported: a title, and no control
    /// characters. The link is a [`WebUrl`] already; linked indicators are checked against the
    /// catalog by the caller.
    pub fn text_problems(title: &str, summary: &str) -> Vec<String> {
        let mut problems = Vec::new();
        check_required("titel", title, &mut problems);
        check_optional("samenvatting", summary, &mut problems);
        problems
    }

    /// Every theme that is no Allen voor Een theme.
    pub fn theme_problems(themes: &[String]) -> Vec<String> {
        themes
            .iter()
            .filter(|theme| !THEMES.contains(&theme.as_str()))
            .map(|theme| format!("onbekend thema '{}'", visible(theme, 80)))
            .collect()
    }

    pub fn problems(&self) -> Vec<String> {
        let mut problems = StoryDraft::text_problems(&self.title, &self.summary);
        problems.extend(StoryDraft::theme_problems(&self.themes));
        problems
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub id: StoryId,
    pub draft: StoryDraft,
    /// Part of the demo data set.
    pub demo: bool,
}

impl Story {
    /// Whether the story belongs beside `indicator`: linked to it, or to its theme.
    pub fn belongs_beside(&self, indicator: &Indicator) -> bool {
        self.draft.indicators.contains(&indicator.id)
            || self.draft.themes.contains(&indicator.theme)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_links_with_a_host_are_accepted() {
        let url = WebUrl::parse(" https://Vimeo.com:443/12345?t=4 ").unwrap();
        assert_eq!(url.as_str(), "https://Vimeo.com:443/12345?t=4");
        assert_eq!(url.host(), "vimeo.com");
        assert_eq!(
            WebUrl::parse("http://example.org").unwrap().host(),
            "example.org"
        );
        for refused in [
            "javascript:alert(1)",
            "JavaScript://example.org/%0Aalert(1)",
            "file:///etc/passwd",
            "data:text/html;base64,PHNjcmlwdD4=",
            "ftp://example.org/verhaal.mp4",
            "https://",
            "https://example.org@evil.example/",
            "https://exa mple.org/",
            "example.org/verhaal",
            "",
        ] {
            assert!(WebUrl::parse(refused).is_err(), "{refused} must be refused");
        }
        let error = WebUrl::parse("file:///etc/passwd").unwrap_err();
        assert_eq!(error.reason, "alleen http- en https-links zijn toegestaan");
        assert_eq!(
            error.to_string(),
            "ongeldige link 'file:///etc/passwd': alleen http- en https-links zijn toegestaan"
        );
    }

    #[test]
    fn a_story_needs_a_title_known_themes_and_no_control_characters() {
        assert!(StoryDraft::text_problems("Titel", "").is_empty());
        assert!(StoryDraft::theme_problems(&["mensenhandel".into()]).is_empty());
        assert_eq!(
            StoryDraft::text_problems("Ti\u{7}tel", "Samen\u{2}vatting"),
            [
                "tekst bevat een stuurteken (U+0007) in veld 'titel'",
                "tekst bevat een stuurteken (U+0002) in veld 'samenvatting'",
            ]
        );
        assert_eq!(
            StoryDraft::theme_problems(&["verzonnen".into(), "mensenhandel".into()]),
            ["onbekend thema 'verzonnen'"]
        );
        assert_eq!(StoryDraft::text_problems(" ", ""), ["titel ontbreekt"]);
    }

    fn reason(input: &str) -> String {
        match WebUrl::parse(input) {
            Ok(url) => panic!("{input:?} must be refused, got host {}", url.host()),
            Err(error) => error.reason,
        }
    }

    #[test]
    fn hosts_are_host_names_or_ip_addresses() {
        for (input, host) in [
            ("https://www.example.org/", "www.example.org"),
            ("https://xn--bcher-kva.example/", "xn--bcher-kva.example"),
            ("https://a-b.c-d.nl/", "a-b.c-d.nl"),
            ("http://localhost:8080/", "localhost"),
            ("http://192.168.1.10/video", "192.168.1.10"),
            ("http://[::1]:8080/", "[::1]"),
            ("http://[2001:db8::7]/", "[2001:db8::7]"),
            ("https://example.org:/", "example.org"),
            ("https://example.org:0/", "example.org"),
            ("https://example.org:65535/", "example.org"),
            ("https://example.org?x=1", "example.org"),
            ("https://example.org#deel", "example.org"),
            ("https://3com.example/", "3com.example"),
        ] {
            assert_eq!(WebUrl::parse(input).unwrap().host(), host, "{input}");
        }
        let no_host = "de link noemt geen geldige website";
        for input in [
            "https://-/",
            "https://.../",
            "https://[/",
            "https://[]/",
            "https://[::1/",
            "https://[::1]x/",
            "https://[nee]/",
            "https://-a.nl/",
            "https://a-.nl/",
            "https://a.-b.nl/",
            "https://a..nl/",
            "https://.a.nl/",
            "https://a.nl./",
            "https://a_b.nl/",
            "https://a%41.nl/",
            "https://bücher.de/",
            "https://a\\b.nl/",
            "https://a*.nl/",
            "https://127.1/",
            "https://1.2.3.999/",
            "https://0x7f.1/",
            "https://example.0x10/",
            &format!("https://{}.nl/", "a".repeat(64)),
            &format!("https://{}nl/", "abcdefghi.".repeat(26)),
            "https://:80/",
        ] {
            assert_eq!(reason(input), no_host, "{input}");
        }
        assert!(WebUrl::parse(&format!("https://{}.nl/", "a".repeat(63))).is_ok());
    }

    #[test]
    fn a_port_is_one_number_in_range() {
        let out_of_range = "de poort van de link is geen getal van 0 tot en met 65535";
        for input in [
            "https://a.nl:99999/",
            "https://a.nl:65536/",
            "https://a.nl:-1/",
            "https://a.nl:8o/",
            "https://a.nl:+80/",
            "http://[::1]:99999/",
        ] {
            assert_eq!(reason(input), out_of_range, "{input}");
        }
        assert_eq!(
            reason("https://a.nl:80:80/"),
            "een link noemt hoogstens één poort"
        );
        assert_eq!(
            reason("https://a.nl::/"),
            "een link noemt hoogstens één poort"
        );
    }

    #[test]
    fn direction_and_zero_width_characters_are_refused_anywhere() {
        for c in [
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}',
            '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
            '\u{FEFF}', '\u{061C}',
        ] {
            for input in [
                format!("https://example.org/{c}gpj.exe"),
                format!("https://exa{c}mple.org/"),
                format!("https://example.org/?q={c}"),
                format!("{c}https://example.org/"),
            ] {
                let error = WebUrl::parse(&input).unwrap_err();
                assert!(
                    error
                        .reason
                        .starts_with("een link bevat geen onzichtbare tekens"),
                    "{input:?}: {}",
                    error.reason
                );
                assert!(error.reason.contains(&format!("U+{:04X}", u32::from(c))));
                // The message shows the character instead of obeying it.
                assert!(!error.to_string().contains(c), "{error}");
            }
        }
    }

    #[test]
    fn control_characters_are_named_and_long_links_refused() {
        assert_eq!(
            reason("https://example.org/\u{7}"),
            "tekst bevat een stuurteken (U+0007) in veld 'url'"
        );
        assert_eq!(
            reason("https://example.org/a\tb"),
            "een link bevat geen spaties of stuurtekens"
        );
        let path = "a".repeat(MAX_URL_CHARS - "https://example.org/".len());
        let longest = format!("https://example.org/{path}");
        assert_eq!(longest.chars().count(), MAX_URL_CHARS);
        assert!(WebUrl::parse(&longest).is_ok());
        let error = WebUrl::parse(&format!("{longest}a")).unwrap_err();
        assert_eq!(error.reason, "een link is hoogstens 2.000 tekens lang");
        assert!(error.to_string().len() < 300, "{error}");
        // Counted in characters, not bytes.
        let wide = format!("https://example.org/{}", "é".repeat(1900));
        assert!(WebUrl::parse(&wide).is_ok());
    }
}
