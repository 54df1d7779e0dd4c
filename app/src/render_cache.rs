//! Rendered HTML kept in memory, keyed by what it was rendered from (the trip page's overview:
//! see `pages::trip`). A bounded map (`quick_cache`, weighed by bytes): past its size it drops
//! the entries least worth keeping, not everything at once.

use std::{
    hash::{DefaultHasher, Hasher},
    sync::Arc,
};

use domain::map::Needs;
use quick_cache::{Weighter, sync::Cache};
use serde::Serialize;

use crate::providers::Demand;

/// What a kept entry weighs: about its bytes.
pub trait Weigh {
    fn bytes(&self) -> usize;
}

impl Weigh for Arc<str> {
    fn bytes(&self) -> usize {
        self.len()
    }
}

/// A trip overview as kept: its HTML, and what it showed from the providers' stores — what it
/// needed from them, a digest of what they held, and what they lacked (asked for again while
/// it is served).
#[derive(Clone)]
pub struct KeptOverview {
    pub html: Arc<str>,
    pub needs: Arc<Needs>,
    pub stored: Version,
    pub missing: Arc<Demand>,
    /// Whether it shows a map (its page then allows the map's tiles).
    pub map: bool,
}

impl KeptOverview {
    /// An overview that shows nothing from the providers.
    pub fn plain(html: Arc<str>) -> Self {
        Self {
            html,
            needs: Arc::default(),
            stored: Version(None),
            missing: Arc::default(),
            map: false,
        }
    }
}

impl Weigh for KeptOverview {
    fn bytes(&self) -> usize {
        self.html.len() + 64 * (self.needs.cells.len() + self.needs.legs.len())
    }
}

/// Rendered fragments per key (a trip's id), with the version they were rendered from.
pub struct RenderCache<T = Arc<str>> {
    entries: Cache<String, (u64, T), ByLength>,
    max_bytes: usize,
}

/// Weighs an entry by its HTML's length.
#[derive(Clone)]
struct ByLength;

impl<T: Weigh> Weighter<String, (u64, T)> for ByLength {
    fn weight(&self, key: &String, (_, kept): &(u64, T)) -> u64 {
        u64::try_from(key.len() + kept.bytes()).unwrap_or(u64::MAX)
    }
}

/// What a fragment was rendered from, as a digest of the data that decides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Version(Option<u64>);

impl Version {
    /// The version of `source`: equal data, equal version. (Data that cannot be written as
    /// JSON has no version and is never kept.)
    pub fn of(source: &impl Serialize) -> Self {
        Self(digest(source))
    }
}

/// About how many bytes a kept fragment is (to size the map's bookkeeping).
const TYPICAL_BYTES: usize = 40_000;

impl<T: Weigh + Clone> RenderCache<T> {
    /// A cache that holds at most about `max_bytes` of HTML.
    pub fn new(max_bytes: usize) -> Self {
        Self {
            entries: Cache::with_weighter(
                (max_bytes / TYPICAL_BYTES).max(16),
                u64::try_from(max_bytes).unwrap_or(u64::MAX),
                ByLength,
            ),
            max_bytes,
        }
    }

    /// What is kept for `key`, if it was rendered from `version`.
    pub fn get(&self, key: &str, version: Version) -> Option<T> {
        let digest = version.0?;
        match self.entries.get(key) {
            Some((kept, html)) if kept == digest => Some(html),
            _ => None,
        }
    }

    /// Keeps `kept`, rendered from `version`, for `key` (in place of what was kept for it).
    /// A fragment larger than the whole cache is not kept.
    pub fn keep(&self, key: &str, version: Version, kept: T) {
        let Some(digest) = version.0 else {
            return;
        };
        if kept.bytes() > self.max_bytes {
            self.entries.remove(key);
            return;
        }
        self.entries.insert(key.to_string(), (digest, kept));
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
        let cache = RenderCache::new(100_000);
        let one = Version::of(&1);
        let page = "x".repeat(10_000);
        for n in 0..100 {
            keep(&cache, &format!("trip-{n}"), one, &page);
        }
        let kept = (0..100)
            .filter(|n| cache.get(&format!("trip-{n}"), one).is_some())
            .count();
        assert!(
            (1..=10).contains(&kept),
            "{kept} pages of 10 KB kept in 100 KB"
        );
        // Too big to keep at all.
        keep(&cache, "big", one, &"x".repeat(100_001));
        assert_eq!(cache.get("big", one), None);
    }
}
