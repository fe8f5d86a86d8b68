#!/usr/bin/env python3
"""Prints the runtime benchmarks' results (criterion's medians) with the ratios and targets.

Run after `cargo bench --all-features --bench decode --bench roundtrip`:

    python3 benches/report.py            # reads $CARGO_TARGET_DIR/criterion or target/criterion
    python3 benches/report.py DIR        # another criterion directory
"""

import json
import os
import pathlib
import sys

ROWS = [
    ("decode_timeline", "typed", "decode 100 notes: typed, serde_json::from_slice"),
    ("decode_timeline", "typed_client", "decode 100 notes: typed, the client's path"),
    ("decode_timeline", "value", "decode 100 notes: serde_json::Value"),
    ("decode_timeline", "typed_client_no_drop", "decode 100 notes: typed, the client's path, drop not timed"),
    ("decode_timeline", "value_no_drop", "decode 100 notes: serde_json::Value, drop not timed"),
    ("decode_timeline", "ignored_any", "decode 100 notes: IgnoredAny (the floor)"),
    ("decode_timeline", "owned_strings", "decode 100 notes: every string copied into a String (the floor for owned types)"),
    ("encode_notes_create", "to_vec", "encode notes/create: to_vec"),
    ("encode_notes_create", "to_value", "encode notes/create: to_value"),
    ("roundtrip_notes_show", "client", "round trip notes/show: client"),
    ("roundtrip_notes_show", "reqwest", "round trip notes/show: plain reqwest"),
    ("roundtrip_notes_show", "client_no_timeout", "round trip notes/show: client, no timeout"),
    ("roundtrip_notes_show", "reqwest_timeout", "round trip notes/show: plain reqwest, 60 s timeout"),
    ("roundtrip_notes_timeline", "client", "round trip notes/timeline (100): client"),
    ("roundtrip_notes_timeline", "reqwest", "round trip notes/timeline (100): plain reqwest"),
]

# (numerator, denominator, target or None for a figure without one, what)
RATIOS = [
    (("decode_timeline", "typed_client"), ("decode_timeline", "value"), 1.0, "typed (client) / Value"),
    (("decode_timeline", "typed_client"), ("decode_timeline", "ignored_any"), 2.0, "typed (client) / IgnoredAny"),
    (("decode_timeline", "owned_strings"), ("decode_timeline", "ignored_any"), 2.0, "owned strings alone / IgnoredAny"),
    (("decode_timeline", "typed_client"), ("decode_timeline", "owned_strings"), None, "typed (client) / owned strings alone"),
    (("decode_timeline", "typed_client_no_drop"), ("decode_timeline", "value_no_drop"), 1.0, "typed (client) / Value, drop not timed"),
    (("decode_timeline", "typed_client_no_drop"), ("decode_timeline", "ignored_any"), 2.0, "typed (client) / IgnoredAny, drop not timed"),
    (("decode_timeline", "typed"), ("decode_timeline", "value"), 1.0, "typed (from_slice) / Value"),
    (("decode_timeline", "typed"), ("decode_timeline", "ignored_any"), 2.0, "typed (from_slice) / IgnoredAny"),
    (("roundtrip_notes_show", "client"), ("roundtrip_notes_show", "reqwest"), 1.05, "round trip notes/show: client / reqwest"),
    (("roundtrip_notes_show", "client_no_timeout"), ("roundtrip_notes_show", "reqwest"), 1.05, "round trip notes/show: client without timeout / reqwest"),
    (("roundtrip_notes_show", "client"), ("roundtrip_notes_show", "reqwest_timeout"), 1.05, "round trip notes/show: client / reqwest, both with a timeout"),
    (("roundtrip_notes_timeline", "client"), ("roundtrip_notes_timeline", "reqwest"), 1.05, "round trip notes/timeline: client / reqwest"),
]


def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def main():
    if len(sys.argv) > 1:
        base = pathlib.Path(sys.argv[1])
    else:
        base = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", "target")) / "criterion"
    median, mean = {}, {}
    for group, bench, _ in ROWS:
        path = base / group / bench / "new" / "estimates.json"
        if path.exists():
            estimates = json.loads(path.read_text())
            median[(group, bench)] = estimates["median"]["point_estimate"]
            mean[(group, bench)] = estimates["mean"]["point_estimate"]
    if not median:
        sys.exit(f"no criterion results under {base}; run cargo bench first")
    print("| benchmark | median |")
    print("| --- | --- |")
    for group, bench, what in ROWS:
        if (group, bench) in median:
            print(f"| {what} | {fmt(median[(group, bench)])} |")
    print()
    print("| ratio (of medians) | measured | of means | target | met |")
    print("| --- | --- | --- | --- | --- |")
    for num, den, target, what in RATIOS:
        if num in median and den in median:
            r = median[num] / median[den]
            m = mean[num] / mean[den]
            if target is None:
                print(f"| {what} | {r:.2f}x | {m:.2f}x | | |")
                continue
            met = "yes" if r <= target else "**no**"
            print(f"| {what} | {r:.2f}x | {m:.2f}x | <= {target:g}x | {met} |")


if __name__ == "__main__":
    main()
