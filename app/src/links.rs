//! Addresses the server sends people to: the log-in page that leads back, and only local pages
//! as a place to return to.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// The login page that leads back to `here` (a path with its query) afterwards.
pub fn login_url(here: &str) -> String {
    /// Everything but letters, digits and `-_.~/` is escaped (the path stays readable).
    const ESCAPED: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~')
        .remove(b'/');
    format!("/login?next={}", utf8_percent_encode(here, ESCAPED))
}

/// Only local paths are allowed as a place to return to after logging in; anything else (another
/// site, a protocol-relative `//host`, a backslash trick) goes to the trips page.
pub fn safe_next(next: Option<&str>) -> String {
    const DEFAULT: &str = "/trips";
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control) =>
        {
            path.to_string()
        }
        _ => DEFAULT.to_string(),
    }
}

/// `pieces` end to end, in a string of exactly their length: how the hot views (each day's
/// and activity's links and ids, each trip card's link) build addresses. `format!` spends ~800
/// instructions on a link with two ids — its argument machinery, each id's `Display`, a
/// guessed capacity grown once — and a trip page writes hundreds.
pub fn join(pieces: &[&str]) -> String {
    let mut text = String::with_capacity(pieces.iter().map(|piece| piece.len()).sum());
    for piece in pieces {
        text.push_str(piece);
    }
    text
}

/// An id's text as addresses carry it (hyphenated, lower case, as its `Display` writes it),
/// written without the formatting machinery.
pub struct IdText([u8; uuid::fmt::Hyphenated::LENGTH]);

impl IdText {
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

pub fn id_text(id: impl Into<uuid::Uuid>) -> IdText {
    let mut room = [0; uuid::fmt::Hyphenated::LENGTH];
    id.into().hyphenated().encode_lower(&mut room);
    IdText(room)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_joins_read_as_format_writes_them() {
        let (trip, activity) = (domain::ids::TripId::new(), domain::ids::ActivityId::new());
        assert_eq!(
            join(&[
                "/trips/",
                id_text(trip).as_str(),
                "/activities/",
                id_text(activity).as_str(),
                "/edit"
            ]),
            format!("/trips/{trip}/activities/{activity}/edit")
        );
        assert_eq!(join(&[]), "");
    }

    #[test]
    fn login_url_encodes_the_return_path() {
        assert_eq!(login_url("/trips"), "/login?next=/trips");
        assert_eq!(
            login_url("/trips?page=2&q=a b"),
            "/login?next=/trips%3Fpage%3D2%26q%3Da%20b"
        );
    }

    #[test]
    fn next_accepts_only_local_paths() {
        assert_eq!(safe_next(Some("/account")), "/account");
        assert_eq!(safe_next(Some("/trips?page=2")), "/trips?page=2");
        for bad in [
            "https://evil.test",
            "//evil.test",
            "/\\evil.test",
            "evil",
            "",
            "/\tx",
        ] {
            assert_eq!(safe_next(Some(bad)), "/trips", "{bad}");
        }
        assert_eq!(safe_next(None), "/trips");
    }
}
