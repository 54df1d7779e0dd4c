//! Versions on the wire: every trip and activity answers with an `ETag` naming its version
//! (also in its `version` field), and a `PUT`, `DELETE` or move sent with `If-Match` happens
//! only if that is still the current version — otherwise 412 with the resource as it is now.
//! Without `If-Match` the last write wins, as before.
//!
//! Tags are strong (`"3"`): they name the version of the fields a client writes. An activity's
//! `position` can change without it when others move around it; the order is the day's, not
//! the activity's, and no write of the activity sends it.

use axum::http::{HeaderMap, HeaderValue, header};

use super::problem::ApiError;

/// The `ETag` of `version`.
pub fn etag(version: &i64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).unwrap_or(HeaderValue::from_static("\"0\""))
}

/// What `If-Match` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precondition {
    /// No `If-Match` (or `*`, which any existing resource matches): the write just happens.
    None,
    /// Only if the resource is at this version.
    Version(i64),
}

impl Precondition {
    /// The version to hand the service (`None`: no condition).
    pub fn version(self) -> Option<i64> {
        match self {
            Self::None => None,
            Self::Version(version) => Some(version),
        }
    }
}

/// No version is ever negative: a tag that names none of ours compares as this.
const NO_VERSION: i64 = -1;

/// Reads `If-Match`. A list of tags, a weak tag (never equal under the strong comparison
/// `If-Match` uses) or a tag we did not make can match no current version, so it asks for one
/// that never is: the write is refused with the current representation, which tells the
/// client the tag to send.
pub fn if_match(headers: &HeaderMap) -> Result<Precondition, ApiError> {
    let mut values = headers.get_all(header::IF_MATCH).iter();
    let Some(value) = values.next() else {
        return Ok(Precondition::None);
    };
    let Ok(text) = value.to_str() else {
        return Err(ApiError::BadRequest(
            "`If-Match` must be an entity tag like \"3\", as `ETag` gave it.".to_string(),
        ));
    };
    let text = text.trim();
    if text == "*" && values.next().is_none() {
        return Ok(Precondition::None);
    }
    let version = text
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
        .filter(|_| values.next().is_none())
        .and_then(|inner| inner.parse::<i64>().ok())
        .filter(|version| *version >= 0)
        .unwrap_or(NO_VERSION);
    Ok(Precondition::Version(version))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(value: &str) -> Precondition {
        let mut headers = HeaderMap::new();
        headers.insert(header::IF_MATCH, HeaderValue::from_str(value).unwrap());
        if_match(&headers).unwrap()
    }

    #[test]
    fn if_match_names_one_of_our_versions_or_none() {
        assert_eq!(if_match(&HeaderMap::new()).unwrap(), Precondition::None);
        assert_eq!(read("*"), Precondition::None);
        assert_eq!(read("\"3\""), Precondition::Version(3));
        assert_eq!(read(" \"12\" "), Precondition::Version(12));
        for never in ["W/\"3\"", "3", "\"3\", \"4\"", "\"x\"", "\"-2\"", "\"\""] {
            assert_eq!(read(never), Precondition::Version(NO_VERSION), "{never}");
        }
        assert_eq!(etag(&7), HeaderValue::from_static("\"7\""));
    }
}
