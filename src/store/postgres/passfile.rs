//! The password file with libpq's rules (`~/.pgpass`, or `PGPASSFILE`, or `passfile=`): lines
//! `host:port:database:user:password`, `*` matching anything in the first four fields, `\:` and
//! `\\` for a literal colon and backslash, `#` starting a comment; the first matching line wins.
//!
//! On Unix a file that group or others may read is ignored, as libpq does. libpq prints a warning on
//! stderr, which nobody sees under a window; here the reason travels with the connection attempt and
//! is said in the login error, where it explains why no password was sent.

use std::io::Read;
use std::path::Path;

/// A password file this large is no password file; reading stops there, so memory stays bounded.
const MAX_BYTES: u64 = 1 << 20;

#[derive(Debug, PartialEq)]
pub(super) enum Lookup {
    Found(String),
    /// No file, an unreadable one, or no line for this connection: libpq goes on without.
    NotFound,
    /// Group or others may read it: not used, whatever it holds.
    Insecure,
}

/// What the connection to `host`, `port`, `database` as `user` finds in the file at `path`. A Unix
/// socket's host is matched as `localhost`, as libpq does for its default socket.
pub(super) fn lookup(path: &Path, host: &str, port: &str, database: &str, user: &str) -> Lookup {
    let Ok(file) = std::fs::File::open(path) else {
        return Lookup::NotFound;
    };
    let Ok(meta) = file.metadata() else {
        return Lookup::NotFound;
    };
    if !meta.is_file() {
        // `/dev/null` as PGPASSFILE is the usual way to say "none".
        return Lookup::NotFound;
    }
    if readable_by_others(&meta) {
        return Lookup::Insecure;
    }
    let mut bytes = Vec::new();
    if file.take(MAX_BYTES).read_to_end(&mut bytes).is_err() {
        return Lookup::NotFound;
    }
    let text = String::from_utf8_lossy(&bytes);
    match find(&text, [host, port, database, user]) {
        Some(password) => Lookup::Found(password),
        None => Lookup::NotFound,
    }
}

#[cfg(unix)]
fn readable_by_others(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o077 != 0
}

/// Windows keeps the file in the user's own profile; libpq checks nothing there either.
#[cfg(not(unix))]
fn readable_by_others(_meta: &std::fs::Metadata) -> bool {
    false
}

fn find(text: &str, wanted: [&str; 4]) -> Option<String> {
    text.lines()
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .find_map(|line| {
            let fields = fields(line);
            if fields.len() < 5 {
                return None;
            }
            let matches = fields[..4]
                .iter()
                .zip(wanted)
                .all(|(field, value)| field.wildcard || field.text == value);
            matches.then(|| fields[4].text.clone())
        })
}

struct Field {
    text: String,
    /// A bare `*`; an escaped `\*` is a literal star.
    wildcard: bool,
}

/// The colon-separated fields of a line, escapes undone. Like libpq, the password ends at the next
/// unescaped colon.
fn fields(line: &str) -> Vec<Field> {
    let mut fields = Vec::new();
    let mut text = String::new();
    let mut escaped = false;
    let mut chars = line.chars();
    while fields.len() < 5 {
        let next = chars.next();
        match next {
            Some('\\') => {
                escaped = true;
                text.extend(chars.next());
            }
            Some(':') | None => {
                let wildcard = text == "*" && !escaped;
                fields.push(Field {
                    text: std::mem::take(&mut text),
                    wildcard,
                });
                escaped = false;
                if next.is_none() {
                    break;
                }
            }
            Some(c) => text.push(c),
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    const WANTED: [&str; 4] = ["regio-db", "5432", "regio", "politie"];

    #[test]
    fn the_first_matching_line_wins_and_stars_match_anything() {
        let file = "# regio\n\
                    other-db:5432:regio:politie:nee\n\
                    regio-db:*:regio:politie:eerste\n\
                    *:*:*:*:tweede\n";
        assert_eq!(find(file, WANTED).as_deref(), Some("eerste"));
        assert_eq!(
            find(file, ["elders", "1", "x", "y"]).as_deref(),
            Some("tweede")
        );
        assert_eq!(find("regio-db:5432:regio:ggd:x\n", WANTED), None);
    }

    #[test]
    fn escapes_give_literal_colons_backslashes_and_stars() {
        let file = r"regio-db:5432:regio:politie:ge\:heim\\1:rest";
        assert_eq!(find(file, WANTED).as_deref(), Some(r"ge:heim\1"));
        let star = r"\*:5432:regio:politie:x";
        assert_eq!(find(star, WANTED), None, "an escaped star is no wildcard");
        assert_eq!(
            find(star, ["*", "5432", "regio", "politie"]).as_deref(),
            Some("x")
        );
        let colon_user = r"regio-db:5432:regio:a\:b:x";
        assert_eq!(
            find(colon_user, ["regio-db", "5432", "regio", "a:b"]).as_deref(),
            Some("x")
        );
    }

    #[test]
    fn short_lines_comments_and_windows_line_ends() {
        let file = "regio-db:5432:regio\r\n#regio-db:5432:regio:politie:commentaar\r\nregio-db:5432:regio:politie:\r\n";
        assert_eq!(
            find(file, WANTED).as_deref(),
            Some(""),
            "an empty password is a password"
        );
        assert_eq!(find("regio-db:5432:regio:politie", WANTED), None);
    }

    #[test]
    fn files_others_may_read_are_ignored_and_missing_ones_are_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pgpass");
        std::fs::write(&path, "*:*:*:*:geheim\n").unwrap();
        let look = || lookup(&path, "h", "5432", "d", "u");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
            assert_eq!(look(), Lookup::Insecure);
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        assert_eq!(look(), Lookup::Found("geheim".to_string()));
        assert_eq!(
            lookup(&dir.path().join("geen"), "h", "5432", "d", "u"),
            Lookup::NotFound
        );
        assert_eq!(
            lookup(dir.path(), "h", "5432", "d", "u"),
            Lookup::NotFound,
            "a folder"
        );
    }
}
