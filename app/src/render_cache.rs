//! Rendered HTML kept in memory, keyed by what it was rendered from.
//!
//! A trip's overview — its budget and every day with its activities, ~40 KB of HTML for 20
//! activities — was most of the trip page's server time, and a trip is looked at far more often
//! than it is changed. The page still reads the trip and its activities from the database on
//! every request (so access checks and freshness are exactly as without the cache); only
//! turning them into HTML is skipped when they are the same as last time. The key is a digest
//! of the data itself, so there is nothing to invalidate: changed data is a different key, on
//! this instance or any other.

use std::{
    collections::HashMap,
    hash::{DefaultHasher, Hasher},
    sync::{Arc, Mutex},
};

use serde::Serialize;

/// Rendered fragments per owner key (a trip's id), with the digest of their source.
pub struct RenderCache {
    entries: Mutex<Entries>,
    max_bytes: usize,
}

#[derive(Default)]
struct Entries {
    by_key: HashMap<String, (u64, Arc<str>)>,
    bytes: usize,
}

impl RenderCache {
    /// A cache that holds at most `max_bytes` of HTML; past that it starts over.
    pub fn new(max_bytes: usize) -> Self {
        Self {
            entries: Mutex::default(),
            max_bytes,
        }
    }

    /// The HTML rendered from `source` for `key`: kept from an earlier call with equal data, or
    /// made now by `render` (and kept).
    pub fn get_or_render<S: Serialize>(
        &self,
        key: &str,
        source: S,
        render: impl FnOnce(S) -> String,
    ) -> Arc<str> {
        let Some(digest) = digest(&source) else {
            return render(source).into();
        };
        if let Some(html) = self.lookup(key, digest) {
            return html;
        }
        let html: Arc<str> = render(source).into();
        self.keep(key, digest, html.clone());
        html
    }

    fn lookup(&self, key: &str, digest: u64) -> Option<Arc<str>> {
        let entries = self.entries.lock().ok()?;
        match entries.by_key.get(key) {
            Some((kept, html)) if *kept == digest => Some(html.clone()),
            _ => None,
        }
    }

    fn keep(&self, key: &str, digest: u64, html: Arc<str>) {
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
    use std::cell::Cell;

    use super::RenderCache;

    fn render_counting<'a, S>(
        calls: &'a Cell<u32>,
        html: &'a str,
    ) -> impl FnOnce(S) -> String + 'a {
        move |_| {
            calls.set(calls.get() + 1);
            html.to_string()
        }
    }

    #[test]
    fn equal_data_is_rendered_once_and_changed_data_again() {
        let cache = RenderCache::new(1 << 20);
        let calls = Cell::new(0);

        let first =
            cache.get_or_render("trip-1", ("Lisbon", 3), render_counting(&calls, "<p>3</p>"));
        let again =
            cache.get_or_render("trip-1", ("Lisbon", 3), render_counting(&calls, "<p>x</p>"));
        assert_eq!((&*first, &*again, calls.get()), ("<p>3</p>", "<p>3</p>", 1));

        let changed =
            cache.get_or_render("trip-1", ("Lisbon", 4), render_counting(&calls, "<p>4</p>"));
        assert_eq!((&*changed, calls.get()), ("<p>4</p>", 2));
        // The earlier data is not served for the key once it changed back either: rendered anew.
        let back =
            cache.get_or_render("trip-1", ("Lisbon", 3), render_counting(&calls, "<p>3</p>"));
        assert_eq!((&*back, calls.get()), ("<p>3</p>", 3));
    }

    #[test]
    fn keys_do_not_share_entries_even_with_equal_data() {
        let cache = RenderCache::new(1 << 20);
        let calls = Cell::new(0);
        cache.get_or_render("trip-1", 1, render_counting(&calls, "one"));
        let other = cache.get_or_render("trip-2", 1, render_counting(&calls, "two"));
        assert_eq!((&*other, calls.get()), ("two", 2));
    }

    #[test]
    fn holds_no_more_than_its_size() {
        let cache = RenderCache::new(10);
        let calls = Cell::new(0);
        cache.get_or_render("a", 1, render_counting(&calls, "123456"));
        cache.get_or_render("b", 1, render_counting(&calls, "123456"));
        assert!(cache.entries.lock().unwrap().bytes <= 10);
        // "a" was dropped to make room for "b": asking again renders it again.
        cache.get_or_render("a", 1, render_counting(&calls, "123456"));
        assert_eq!(calls.get(), 3);
        // Too big to keep at all: rendered every time.
        cache.get_or_render("c", 1, render_counting(&calls, "12345678901"));
        cache.get_or_render("c", 1, render_counting(&calls, "12345678901"));
        assert_eq!(calls.get(), 5);
    }
}
