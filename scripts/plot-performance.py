"""Plots a transfer load run of Taonet and the baseline's (reports of e2e/tools/loadgen.js).

    python scripts/plot-performance.py <taonet.json> <baseline.json> <out.png>

Top: transactions per second each block carried (its transactions over the time since the block
before it was seen). Bottom: the median time from submission to finality of the transactions in
each block. The x axis is seconds since the first submission.
"""

import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def series(report):
    """(seconds, tx/s, finality seconds) per block that carried transactions of the run."""
    blocks = sorted(report["blocks"], key=lambda b: b["number"])
    times, rates, finality = [], [], []
    previous = 0.0
    for block in blocks:
        seen = block["seenMs"] / 1000
        if block["ours"] > 0 and seen > previous:
            times.append(seen)
            rates.append(block["ours"] / (seen - previous))
            finality.append((block.get("finalityMsMedian") or 0) / 1000)
        previous = max(previous, seen)
    return times, rates, finality


def main(taonet_file, baseline_file, out):
    runs = []
    for name, file in (("Taonet", taonet_file), ("baseline", baseline_file)):
        with open(file, encoding="utf-8") as handle:
            runs.append((name, json.load(handle)))
    figure, (top, bottom) = plt.subplots(2, 1, figsize=(9, 6), sharex=True)
    for name, report in runs:
        times, rates, finality = series(report)
        label = f"{name}: {report['tps']['wall']:.0f} tx/s over the run"
        top.step(times, rates, where="post", label=label)
        bottom.plot(times, finality, marker="o", markersize=3, label=name)
    sealing = runs[0][1].get("params", {}).get("sealing")
    top.set_title("Transfers (transfer_keep_alive)" + (f", a block every {sealing} ms" if sealing else ""))
    top.set_ylabel("tx/s in each block")
    top.legend()
    top.grid(alpha=0.3)
    bottom.set_ylabel("median time to finality (s)")
    bottom.set_xlabel("seconds since the first submission")
    bottom.legend()
    bottom.grid(alpha=0.3)
    figure.tight_layout()
    figure.savefig(out, dpi=110)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
