//! Decoding a 100-note timeline and encoding a `notes/create` request.
//!
//! The timeline (see `support/fixture.rs`) is decoded into:
//!
//! - `typed`: `notes::timeline::Response` (`Vec<models::Note>`) with `serde_json::from_slice`;
//! - `typed_client`: the same through `decode_response`, the path `Client::call` takes;
//! - `value`: `serde_json::Value`;
//! - `ignored_any`: `serde::de::IgnoredAny`, which parses and throws away: the floor;
//! - `owned_strings`: the parse with every string value copied into a `String` of its own:
//!   the floor of any decode into types that own their strings.
//!
//! Each result is dropped inside the timing (freeing 100 notes is part of the cost), except in
//! the `_no_drop` variants, which time the decoding alone.
//!
//! `cargo bench --bench decode`; `python3 benches/report.py` prints the ratios.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use misskey_client::endpoints::notes;
use misskey_client::models::Note;
use serde_json::Value;

#[path = "support/fixture.rs"]
#[allow(dead_code)]
mod fixture;
use fixture::{create_request, timeline};

fn check(body: &[u8], source: &str) {
    let notes: Vec<Note> = serde_json::from_slice(body).expect("the timeline decodes");
    let count = |f: &dyn Fn(&Note) -> bool| notes.iter().filter(|n| f(n)).count();
    eprintln!(
        "timeline from {source}: {} notes, {} bytes; renotes {}, quotes {}, replies {}, with files {}, polls {}, with reactions {}",
        notes.len(),
        body.len(),
        count(&|n| n.renote.is_some() && n.text.is_none()),
        count(&|n| n.renote.is_some() && n.text.is_some()),
        count(&|n| n.reply.is_some()),
        count(&|n| n.files.as_ref().is_some_and(|f| !f.is_empty())),
        count(&|n| n.poll.is_some()),
        count(&|n| !n.reactions.is_empty()),
    );
}

fn decode(c: &mut Criterion) {
    let (body, source) = timeline();
    check(&body, source);
    let mut group = c.benchmark_group("decode_timeline");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("typed", |b| {
        b.iter(|| serde_json::from_slice::<notes::timeline::Response>(black_box(&body)).unwrap())
    });
    group.bench_function("typed_client", |b| {
        b.iter(|| {
            misskey_client::decode_response::<notes::timeline::Request>(200, &[], black_box(&body))
                .unwrap()
        })
    });
    group.bench_function("value", |b| {
        b.iter(|| serde_json::from_slice::<Value>(black_box(&body)).unwrap())
    });
    // The same two without dropping the result (criterion drops it outside the timing):
    // decoding alone, freeing the notes left to whoever is done with them.
    group.bench_function("typed_client_no_drop", |b| {
        b.iter_with_large_drop(|| {
            misskey_client::decode_response::<notes::timeline::Request>(200, &[], black_box(&body))
                .unwrap()
        })
    });
    group.bench_function("value_no_drop", |b| {
        b.iter_with_large_drop(|| serde_json::from_slice::<Value>(black_box(&body)).unwrap())
    });
    group.bench_function("ignored_any", |b| {
        b.iter(|| serde_json::from_slice::<serde::de::IgnoredAny>(black_box(&body)).unwrap())
    });
    // What any decode into owned `String`s pays at least: the parse, and each string value
    // copied into an allocation of its own and freed (no structs, vectors or maps; keys
    // borrowed and matched by nothing).
    group.bench_function("owned_strings", |b| {
        b.iter(|| {
            let mut strings = Vec::with_capacity(4096);
            let text = std::str::from_utf8(black_box(&body)).unwrap();
            let mut de = serde_json::Deserializer::from_str(text);
            serde::de::DeserializeSeed::deserialize(OwnedStrings(&mut strings), &mut de).unwrap();
            strings
        })
    });
    group.finish();
}

/// Collects a copy of every string value of a document (see `owned_strings`).
struct OwnedStrings<'a>(&'a mut Vec<String>);

impl<'de> serde::de::DeserializeSeed<'de> for OwnedStrings<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for OwnedStrings<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON")
    }
    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        self.0.push(v.to_owned());
        Ok(())
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(OwnedStrings(&mut *self.0))?.is_some() {}
        Ok(())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key::<&str>()?.is_some() {
            map.next_value_seed(OwnedStrings(&mut *self.0))?;
        }
        Ok(())
    }
}

fn encode(c: &mut Criterion) {
    let request = create_request();
    let mut group = c.benchmark_group("encode_notes_create");
    group.bench_function("to_vec", |b| {
        b.iter(|| serde_json::to_vec(black_box(&request)).unwrap())
    });
    group.bench_function("to_value", |b| {
        b.iter(|| serde_json::to_value(black_box(&request)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, decode, encode);
criterion_main!(benches);
