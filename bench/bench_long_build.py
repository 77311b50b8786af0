"""Peak memory of a whole ``kg build`` (read → extract → link → write) of one very long document
(issue 12, finding 6), beside the same build of a text a tenth as long.

Run as ``python -m bench.bench_long_build [CHARS]`` (default 20,000,000). The text is the
examples' documents repeated, each repetition with other cities and firm names, so that it names
ever new entities as a long real report would, rather than the same few over and over.
Each build runs as its own ``kg build --jobs 1`` process; its peak RSS is read from the kernel.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from itertools import cycle
from pathlib import Path

from bench.settings import BenchArguments, whole_number

REPO = Path(__file__).resolve().parent.parent
#: Names of the examples that each repetition replaces, to name new places and firms every time.
_CITIES = ("南京市", "苏州市", "合肥市", "杭州市", "宁波市", "青岛市", "深圳市", "广州市")


def long_text(chars: int) -> str:
    """The examples' text, repeated with its cities replaced by others of the reference (in turn)
    and its firms renamed, up to ``chars`` characters."""
    from kg.ingest import read_document
    from kg.reference import load_reference

    examples = "\n".join(read_document(path).text for path in sorted((REPO / "examples").glob("0*")))
    cities = cycle(sorted(e.name for e in load_reference().entries("Region") if e.level == "city"))
    parts, total, round_ = [], 0, 0
    while total < chars:
        text = examples.replace("有限公司", f"第{round_}有限公司")
        for city in _CITIES:
            text = text.replace(city, next(cities))
        parts.append(text)
        total += len(text) + 1
        round_ += 1
    return "\n".join(parts)[:chars]


def build_peak(path: Path, store: Path) -> tuple[float, float, float, dict]:
    """(seconds, CPU seconds, peak RSS in MiB, build report) of ``kg build path`` in a process of
    its own."""
    env = {**os.environ, "KG_JOBS": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    done = subprocess.run([str(Path(sys.executable).with_name("kg")), "build", str(path), "--store", str(store), "--json"],
                          capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"kg build failed: {done.stderr.strip().splitlines()[-1:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, cpu, after.ru_maxrss / 1024, json.loads(done.stdout)  # the largest child so far


def main() -> None:
    parser = BenchArguments("bench.bench_long_build", __doc__)
    parser.add_argument("chars", nargs="?", type=whole_number(10, 1_000_000_000), default=20_000_000)
    chars = parser.parse_args().chars
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in (chars // 10, chars):
            path = folder / f"long-{size}.txt"
            path.write_text(long_text(size), encoding="utf-8")
            seconds, cpu, peak, report = build_peak(path, folder / f"store-{size}")
            print(f"{size:>12,} chars: {seconds:7.1f} s ({cpu:7.1f} CPU-s), peak RSS {peak:7.0f} MiB, "
                  f"{report['quads']:,} quads, {sum(report['entities'].values()):,} entities", flush=True)


if __name__ == "__main__":
    main()
