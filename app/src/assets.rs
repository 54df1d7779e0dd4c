//! The site's own scripts in `public/`, which the build copies without hashing their names:
//! their addresses carry a digest of their content, so a browser that kept one (static files
//! are cached for a day) fetches it again as soon as it changes.

use std::{
    hash::{DefaultHasher, Hasher},
    sync::OnceLock,
};

const MAP_JS: &str = include_str!("../../public/map.js");
const PLACES_JS: &str = include_str!("../../public/places.js");

fn versioned(path: &str, content: &str) -> String {
    let mut hasher = DefaultHasher::new();
    hasher.write(content.as_bytes());
    format!("{path}?v={:08x}", hasher.finish() & 0xffff_ffff)
}

/// The interactive map (`public/map.js`).
pub fn map_js() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| versioned("/map.js", MAP_JS))
}

/// The place search in place (`public/places.js`).
pub fn places_js() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| versioned("/places.js", PLACES_JS))
}
