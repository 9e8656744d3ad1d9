//! Verhalen: the client's voice next to the figures. Ervaringsverhalen, klantreizen and videos, each
//! with a web address that is only ever http or https.

use std::fmt;

use super::{Area, Indicator};

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

/// A web address a reader may open: http or https with a host, nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WebUrl {
    url: String,
    host: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlError {
    pub input: String,
    pub reason: &'static str,
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ongeldige link '{}': {}", self.input, self.reason)
    }
}

impl WebUrl {
    pub fn parse(input: &str) -> Result<WebUrl, UrlError> {
        let url = input.trim();
        let refuse = |reason| {
            Err(UrlError {
                input: input.to_string(),
                reason,
            })
        };
        if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return refuse("een link bevat geen spaties of stuurtekens");
        }
        let Some((scheme, rest)) = url.split_once("://") else {
            return refuse("alleen http- en https-links zijn toegestaan");
        };
        if !["http", "https"].contains(&scheme.to_lowercase().as_str()) {
            return refuse("alleen http- en https-links zijn toegestaan");
        }
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if authority.contains('@') {
            return refuse("een link met een gebruikersnaam verbergt waar hij heen gaat");
        }
        let host = match authority.rsplit_once(':') {
            Some((host, port)) if port.chars().all(|c| c.is_ascii_digit()) => host,
            _ => authority,
        };
        let valid_host = !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':'));
        if !valid_host {
            return refuse("de link noemt geen geldige website");
        }
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
        assert_eq!(
            error.to_string(),
            "ongeldige link 'file:///etc/passwd': alleen http- en https-links zijn toegestaan"
        );
    }
}
