//! Any name a spec can contain becomes a valid, ASCII Rust identifier, and a scope's second
//! claim of a name is a different valid one.

mod support;

use misskey_codegen::names::{pascal, snake, variant_from_code, Scope};
use support::XorShift;

/// Characters that make names hard: ASCII punctuation and digits, Unicode digits,
/// superscripts, letters of other scripts, combining marks, emoji, spaces, keywords.
const HARD: &[&str] = &[
    "a", "Z", "0", "9", "_", "-", "+", "@", ":", "/", ".", " ", "²", "١", "é", "ß", "ﬁ", "Ⅻ", "ノ",
    "日", "\u{301}", "😀", "\u{200b}", "self", "Self", "type", "crate", "super", "_", "r#", "1",
    "ǅ", "İ",
];

#[test]
fn any_string_becomes_a_valid_ascii_identifier() {
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20_000 {
        let len = rng.below(6);
        let name: String = (0..len).map(|_| HARD[rng.below(HARD.len())]).collect();
        for ident in [snake(&name), pascal(&name), variant_from_code(&name)] {
            assert!(ident.is_ascii(), "{name:?} -> {ident:?}");
            assert!(
                syn::parse_str::<syn::Ident>(&ident).is_ok(),
                "{name:?} -> {ident:?} is not an identifier"
            );
            let mut scope = Scope::default();
            let first = scope.claim(&ident);
            let second = scope.claim(&ident);
            assert!(syn::parse_str::<syn::Ident>(&second).is_ok(), "{second:?}");
            assert_ne!(first, second);
        }
    }
}
