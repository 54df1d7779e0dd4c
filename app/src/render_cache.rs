//! Rendered HTML kept in memory, keyed by what it was rendered from.
//!
//! A trip's overview — its budget and every day with its activities, ~40 KB of HTML for 20
//! activities — was most of the trip page's server time, and a trip is looked at far more often
//! than it is changed. The page still reads the trip from the database on every request (so
//! access checks and freshness are exactly as without the cache); what it was rendered from is
//! the trip's row, whose `revision` every change to the trip or its activities bumps in the same
//! transaction. When the row is the same as last time, neither reading the activities nor
//! turning them into HTML is needed. Nothing needs invalidating: a changed trip is a different
//! version, on this instance or any other.

use std::{
    collections::HashMap,
    hash::{DefaultHasher, Hasher},
    sync::{Arc, Mutex},
};

use serde::Serialize;

/// Rendered fragments per owner key (a trip's id), with the version they were rendered from.
pub struct RenderCache {
    entries: Mutex<Entries>,
    max_bytes: usize,
}

#[derive(Default)]
struct Entries {
    by_key: HashMap<String, (u64, Arc<str>)>,
    bytes: usize,
}

/// What a fragment was rendered from, as a digest of the data that decides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Version(Option<u64>);

impl Version {
    /// The version of `source`: equal data, equal version. (Data that cannot be written as
    /// JSON has no version and is never kept.)
    pub fn of(source: &impl Serialize) -> Self {
        Self(digest(source))
    }
}

impl RenderCache {
    /// A cache that holds at most `max_bytes` of HTML; past that it starts over.
    pub fn new(max_bytes: usize) -> Self {
        Self {
            entries: Mutex::default(),
            max_bytes,
        }
    }

    /// The HTML kept for `key`, if it was rendered from `version`.
    pub fn get(&self, key: &str, version: Version) -> Option<Arc<str>> {
        let digest = version.0?;
        let entries = self.entries.lock().ok()?;
        match entries.by_key.get(key) {
            Some((kept, html)) if *kept == digest => Some(html.clone()),
            _ => None,
        }
    }

    /// Keeps `html`, rendered from `version`, for `key` (in place of what was kept for it).
    pub fn keep(&self, key: &str, version: Version, html: Arc<str>) {
        let Some(digest) = version.0 else {
            return;
        };
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        if html.len() > self.max_bytes {
            return;
        }
        if entries.bytes + html.len() > self.max_bytes {
            *entries = Entries::default();
        }
        entries.bytes += html.len();
        if let Some((_, old)) = entries.by_key.insert(key.to_string(), (digest, html)) {
            entries.bytes -= old.len();
        }
    }
}

/// A 64-bit digest of `source`'s JSON form, written straight into the hasher.
fn digest(source: &impl Serialize) -> Option<u64> {
    struct HashWriter(DefaultHasher);
    impl std::io::Write for HashWriter {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.write(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut writer = HashWriter(DefaultHasher::new());
    serde_json::to_writer(&mut writer, source).ok()?;
    Some(writer.0.finish())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::{RenderCache, Version};

    fn keep(cache: &RenderCache, key: &str, version: Version, html: &str) {
        cache.keep(key, version, Arc::from(html));
    }

    #[test]
    fn the_kept_html_is_served_for_its_version_only() {
        let cache = RenderCache::new(1 << 20);
        let (three, four) = (Version::of(&("Lisbon", 3)), Version::of(&("Lisbon", 4)));
        assert_eq!(cache.get("trip-1", three), None);

        keep(&cache, "trip-1", three, "<p>3</p>");
        assert_eq!(
            cache.get("trip-1", Version::of(&("Lisbon", 3))).as_deref(),
            Some("<p>3</p>")
        );
        assert_eq!(cache.get("trip-1", four), None);

        keep(&cache, "trip-1", four, "<p>4</p>");
        assert_eq!(cache.get("trip-1", four).as_deref(), Some("<p>4</p>"));
        // Only the newest is kept: the earlier version is rendered anew if it comes back.
        assert_eq!(cache.get("trip-1", three), None);
    }

    #[test]
    fn keys_do_not_share_entries_even_with_equal_data() {
        let cache = RenderCache::new(1 << 20);
        keep(&cache, "trip-1", Version::of(&1), "one");
        assert_eq!(cache.get("trip-2", Version::of(&1)), None);
    }

    #[test]
    fn data_without_a_json_form_is_never_kept() {
        let cache = RenderCache::new(1 << 20);
        // JSON objects need text keys.
        let unwritable = Version::of(&std::collections::HashMap::from([((1, 2), 3)]));
        keep(&cache, "trip-1", unwritable, "html");
        assert_eq!(cache.get("trip-1", unwritable), None);
    }

    #[test]
    fn holds_no_more_than_its_size() {
        let cache = RenderCache::new(10);
        let one = Version::of(&1);
        keep(&cache, "a", one, "123456");
        keep(&cache, "b", one, "123456");
        assert!(cache.entries.lock().unwrap().bytes <= 10);
        // "a" was dropped to make room for "b".
        assert_eq!(cache.get("a", one), None);
        assert_eq!(cache.get("b", one).as_deref(), Some("123456"));
        // Too big to keep at all.
        keep(&cache, "c", one, "12345678901");
        assert_eq!(cache.get("c", one), None);
    }
}
