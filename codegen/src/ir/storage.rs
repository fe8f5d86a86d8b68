//! How each struct field is held and read, once derives are known: a request field that
//! may be left out or sent as `null` needs three states; a response reads absent and `null`
//! alike; numbers that servers sometimes send as strings are read leniently.

use super::builder::Builder;
use super::{Location, Storage, Ty, TypeId, TypeKind};

impl Builder<'_> {
    /// `requests` are the endpoints' `Request` structs: every field of theirs is an
    /// `Option`, required or not, so that a parameter that becomes required or optional in
    /// another spec keeps its type; the builder checks the required ones before sending.
    pub fn storage(&mut self, requests: &[TypeId]) {
        for (id, def) in self.types.iter_mut().enumerate() {
            let (serialize, deserialize) = (def.serialize, def.deserialize);
            let request = requests.contains(&id);
            let TypeKind::Struct(fields) = &mut def.kind else {
                continue;
            };
            for f in fields {
                let plain_value = f.ty == Ty::Upload || f.location != Location::Body;
                f.storage = match (f.required, f.nullable) {
                    (_, true) if request && !plain_value => Storage::NullableOption,
                    _ if request => Storage::Option,
                    (true, false) => Storage::Plain,
                    (true, true) if plain_value => Storage::Plain,
                    (false, true) if serialize && !plain_value => Storage::NullableOption,
                    _ => Storage::Option,
                };
                // Servers send some numbers as strings (`fetch-rss`'s `enclosure.length:
                // "0"`); not for a three-state request field, which is never read.
                f.lenient_number = deserialize
                    && f.ty == Ty::Number
                    && f.storage != Storage::NullableOption
                    && f.location == Location::Body;
            }
        }
    }
}
