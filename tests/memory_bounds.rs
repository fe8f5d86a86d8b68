//! Memory is bounded by bytes on the error paths: locating what is wrong with a huge answer
//! costs memory in proportion to the excerpt an error keeps, not to the answer. Measured
//! with a counting allocator, so this file is a test binary of its own.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use misskey_client::{decode_response_value, Error};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        ptr
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most this thread's work allocated at once above what was live before it. (Tests in
/// this binary run one at a time: there is one.)
fn peak_during<T>(work: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = work();
    (out, PEAK.load(Ordering::Relaxed) - before)
}

#[test]
fn a_huge_answer_with_one_bad_byte_costs_memory_for_its_excerpt_only() {
    // About 31 MiB of notes, one byte in the last note's text not UTF-8.
    let note = r#"{"id":"9xyz0000ab","createdAt":"2025-01-01T00:00:00.000Z","text":"hello, world","user":{"id":"9u","username":"alice","name":"Alice","emojis":{}},"reactions":{"👍":3},"tags":["a","b","c"]}"#;
    let count = 31 * 1024 * 1024 / (note.len() + 1);
    let mut body = Vec::with_capacity(32 * 1024 * 1024);
    body.push(b'[');
    for i in 0..count {
        if i > 0 {
            body.push(b',');
        }
        body.extend_from_slice(note.as_bytes());
    }
    body.push(b']');
    let bad = body.len() - 5;
    assert_eq!(body[bad], b'c', "inside the last note's tags");
    body[bad] = 0xff;

    let (result, peak) = peak_during(|| {
        decode_response_value(
            "notes/timeline",
            200,
            &[("content-type", "application/json")],
            &body,
        )
    });
    let err = result.unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    assert!(err.to_string().contains("tags"), "{err}");
    // Reading the whole body as a `Value` took about 1.2 GB; the excerpt is 200 characters.
    assert!(
        peak < 1024 * 1024,
        "{peak} bytes at peak for a {} byte body",
        body.len()
    );
}
