#!/usr/bin/env python3
"""Concurrent runs sharing one result cache directory agree with a run without a cache.

Over a real corpus (fetched as bench/run.py fetches it), each round starts several borrowck
processes at once on one cache directory and compares each one's JSON, byte for byte, with an
uncached run's. Rounds alternate: an empty cache (every process stores every result at once), a
warm one (all read), and one with a comment added to a file and a method body changed in another
(some read, some re-analyse and store). CI runs two threads in-process on a small project
(ResultCacheTest); this is the convincing version, by hand.

    bench/cache_concurrency.py                       # guava, 6 rounds, 2 processes
    bench/cache_concurrency.py --rounds 10 --processes 3 spring-core
"""
import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run as bench  # noqa: E402

LAUNCHER = HERE.parent / "borrowck"


def borrowck(folder, out, cache=None, jobs=1):
    command = [str(LAUNCHER), "--jobs", str(jobs), "-q", "--format", "json"]
    if cache:
        command += ["--cache", str(cache)]
    return subprocess.Popen(command + [str(folder)], stdout=open(out, "wb"), stderr=subprocess.PIPE)


def finish(proc):
    _, err = proc.communicate()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"borrowck failed ({proc.returncode}): {err.decode(errors='replace')}")
    return err.decode(errors="replace")


def edit(folder, round_no):
    """A comment in one file, and the body of a method returning a stream in another changed."""
    files = sorted(folder.rglob("*.java"))
    comment = files[len(files) // 3]
    comment.write_text(f"// round {round_no}\n" + comment.read_text(encoding="utf-8"), encoding="utf-8")
    for f in files[len(files) // 2:]:
        text = f.read_text(encoding="utf-8")
        if "return " in text and "{\n" in text:
            f.write_text(text.replace("return ", f"int unused{round_no} = 0;\n    return ", 1), encoding="utf-8")
            return


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default="guava")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--cache", help="where corpora are fetched (as bench/run.py)")
    args = parser.parse_args()
    subprocess.run([str(LAUNCHER), "--version"], check=True, stdout=subprocess.DEVNULL)
    source = bench.fetch(args.corpus, bench.cache_dir(args))
    with tempfile.TemporaryDirectory(prefix="borrowck-concurrency-") as tmp:
        tmp = Path(tmp)
        folder = tmp / "corpus"
        shutil.copytree(source, folder)
        cache = tmp / "cache"
        for r in range(args.rounds):
            kind = ["empty", "warm", "edited"][r % 3]
            if kind == "empty" and cache.exists():
                shutil.rmtree(cache)
            if kind == "edited":
                edit(folder, r)
            expected = tmp / "expected.json"
            finish(borrowck(folder, expected, jobs=2))
            procs = [borrowck(folder, tmp / f"out{i}.json", cache) for i in range(args.processes)]
            warnings = [finish(p) for p in procs]
            for i in range(args.processes):
                if (tmp / f"out{i}.json").read_bytes() != expected.read_bytes():
                    raise SystemExit(f"round {r} ({kind}): process {i} differs from the uncached run")
            noise = [w for w in warnings if "warning" in w]
            print(f"round {r + 1}/{args.rounds} ({kind} cache, {args.processes} processes): identical to the uncached run"
                  + (f"; warnings: {noise}" if noise else ""), flush=True)
    print("all rounds identical")


if __name__ == "__main__":
    main()
