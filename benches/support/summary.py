"""Medians, their ratio and each pair's ratio, from a benchmark's samples.

Usage: summary.py SAMPLES TITLE BASE=LABEL OTHER=LABEL
SAMPLES has a line per build, `side<TAB>seconds`, the two sides alternating (BASE first).
The pairs are what shows how much of a ratio is noise.
"""
import statistics
import sys

samples, title, base, other = sys.argv[1:5]
(base, base_label), (other, other_label) = base.split("=", 1), other.split("=", 1)
times = {base: [], other: []}
for line in open(samples):
    if line.strip():
        side, seconds = line.split("\t")
        times[side].append(float(seconds))
med = {side: statistics.median(t) for side, t in times.items()}
width = max(len(base_label), len(other_label)) + 1
print(f"\n{title}, median of {len(times[base])}:")
print(f"  {base_label + ':':<{width}} {med[base]:.1f} s")
print(f"  {other_label + ':':<{width}} {med[other]:.1f} s")
print(f"  ratio: {med[other] / med[base]:.2f}x")
pairs = [o / b for b, o in zip(times[base], times[other])]
print("  pairs: " + ", ".join(f"{p:.2f}" for p in pairs))
