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

#[cfg(test)]
mod tests {
    use super::*;

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
