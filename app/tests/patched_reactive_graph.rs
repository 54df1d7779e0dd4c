//! The patched `reactive_graph` (`vendor/README.md`): reading a memo that is up to date copies
//! nothing. The published crate copied the memo's set of sources on every read, and a page reads
//! its route's and its query's memos dozens of times. This test binary counts allocations with
//! dhat, so it has its own global allocator and this one test.
#![allow(clippy::unwrap_used)]

use leptos::prelude::*;

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

/// A thousand reads of an up-to-date memo with a source allocate nothing (the published crate
/// allocated at least once a read); the memo still follows its source.
#[test]
fn reading_an_up_to_date_memo_allocates_nothing() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let owner = Owner::new();
    owner.set();
    let count = RwSignal::new(1);
    let doubled = Memo::new(move |_| count.get() * 2);
    assert_eq!(doubled.get_untracked(), 2);

    let before = dhat::HeapStats::get().total_blocks;
    let mut sum = 0;
    for _ in 0..1000 {
        sum += doubled.get_untracked();
    }
    let during = dhat::HeapStats::get().total_blocks - before;
    assert_eq!(sum, 2000);
    assert!(during < 10, "{during} allocations for 1,000 reads");

    count.set(5);
    assert_eq!(doubled.get_untracked(), 10);
    let derived = Memo::new(move |_| doubled.get() + 1);
    assert_eq!(derived.get_untracked(), 11);
    count.set(6);
    assert_eq!(derived.get_untracked(), 13);
}
