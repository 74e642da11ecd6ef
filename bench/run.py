#!/usr/bin/env python3
"""The borrowck4j benchmark: real code from Maven Central, analysed and merely parsed.

For each corpus (pinned -sources.jar artifacts, fetched once into a cache outside the repo) it runs
the command line the way users do (./borrowck, same JVM options) and, as the yardstick, a
parse-only pass over the same files with the same parser, language level and thread count, as
JavaParser parses at that level (its language-level validators included;
org.borrowck4j.cli.ParseOnly). It prints, and writes to bench/RESULTS.md: files, non-blank lines,
wall time, lines per second, peak RSS, peak heap, findings by rule, parse errors, tool
notifications, and the ratio analysis/parse-only, the figure we steer by; beside it the ratio
against the files parsed as the analysis parses them (without those validators, decision 245),
which is what the analysis adds to its own parse. Then it checks that cost
grows linearly (a corpus replicated 1x, 2x, 4x) and times the pathological inputs of
bench/pathological.py.

    bench/run.py                  # everything, 3 runs each, medians
    bench/run.py --runs 5 guava   # one corpus
    bench/run.py --no-write       # do not touch bench/RESULTS.md
    bench/run.py --cache-bench    # the result cache on guava and spring-core: cold, warm, one file changed

Needs python3, mvn (to fetch from Maven Central) and the JDK the README names.
"""
import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAUNCHER = ROOT / "borrowck"
sys.path.insert(0, str(Path(__file__).resolve().parent))
import pathological  # noqa: E402
import sources  # noqa: E402

# name -> Maven coordinates of its -sources.jar artifacts (pinned: results must be comparable).
CORPORA = {
    "guava": ["com.google.guava:guava:33.7.1-jre"],
    "commons-lang3": ["org.apache.commons:commons-lang3:3.20.0"],
    "jackson-databind": ["com.fasterxml.jackson.core:jackson-databind:2.22.4"],
    "netty": ["io.netty:netty-buffer:4.2.18.Final", "io.netty:netty-transport:4.2.18.Final"],
    "spring-core": ["org.springframework:spring-core:7.0.10"],
}
SCALING_CORPUS = "jackson-databind"
SCALES = (1, 2, 4)


def cache_dir(args):
    base = args.cache or os.environ.get("BORROWCK_BENCH_CACHE") or (Path.home() / ".cache" / "borrowck4j-bench")
    path = Path(base)
    path.mkdir(parents=True, exist_ok=True)
    return path


def fetch(name, cache):
    """Unpacks the corpus' sources into cache/name (once) and returns that folder."""
    target = cache / name
    done = target / ".complete"
    if done.exists():
        return target
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir()
    for coordinates in CORPORA[name]:
        sources.unpack_java(sources.sources_jar(coordinates, cache / "jars"), target)
    done.write_text("\n".join(CORPORA[name]) + "\n")
    return target


def run(command, env_extra=None, out=None, err=None):
    """Runs a command, its output going to files; returns (wall seconds, peak RSS in MiB, CPU
    seconds). The launcher execs java, so the child's rusage is the JVM's."""
    env = dict(os.environ, **(env_extra or {}))
    with open(out or os.devnull, "wb") as stdout, open(err or os.devnull, "wb") as stderr:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=stdout, stderr=stderr, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        detail = Path(err).read_text(errors="replace") if err else ""
        raise SystemExit(f"{' '.join(map(str, command))} failed ({code}):\n{detail}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def heap_mib(gc_log):
    """From -Xlog:gc: the largest heap occupancy seen (before a collection: garbage included) and
    the largest left after one (what the run keeps alive)."""
    occupancy = live = 0
    for m in re.finditer(r"(\d+)M->(\d+)M\(", Path(gc_log).read_text()):
        occupancy = max(occupancy, int(m.group(1)))
        live = max(live, int(m.group(2)))
    return occupancy, live


def analyse(folder, jobs, scratch, name):
    """The command users run (text output); findings are read back from it."""
    return run([str(LAUNCHER), "--jobs", str(jobs), "-q", str(folder)],
               {"BORROWCK_JAVA_OPTS": f"-Xlog:gc:file={scratch / (name + '.gc.log')}"},
               out=scratch / f"{name}.out", err=scratch / f"{name}.err")


FINDING = re.compile(r"^\S.*:\d+:\d+: (?:error|warning|note): .* \[(BC\d+) ([a-z-]+)\]$")


def outcome(scratch, name):
    """Findings by rule id and tool notifications, from a run's output."""
    by_rule = {}
    for line in (scratch / f"{name}.out").read_text(errors="replace").splitlines():
        m = FINDING.match(line)
        if m:
            by_rule[m.group(2)] = by_rule.get(m.group(2), 0) + 1
    notes = [line[len("borrowck: "):] for line in (scratch / f"{name}.err").read_text(errors="replace").splitlines()
             if line.startswith("borrowck: warning: ") or line.startswith("borrowck: error: ")]
    return by_rule, notes


def parse_only(folder, jobs, as_analysed=False):
    return run([str(LAUNCHER), "--jobs", str(jobs)] + (["--as-analysed"] if as_analysed else []) + [str(folder)],
               {"BORROWCK_MAIN_CLASS": "org.borrowck4j.cli.ParseOnly"})


def bench_corpus(name, folder, args, scratch):
    files, lines = sources.count_lines(folder)
    analysis, parse, own_parse, rss, heap, live = [], [], [], [], [], []
    for _ in range(args.runs):
        # Alternate, so that a slow moment of the machine hits all three.
        parse.append(parse_only(folder, args.jobs)[0])
        own_parse.append(parse_only(folder, args.jobs, as_analysed=True)[0])
        wall, peak, _ = analyse(folder, args.jobs, scratch, name)
        analysis.append(wall)
        rss.append(peak)
        occupancy, after = heap_mib(scratch / f"{name}.gc.log")
        heap.append(occupancy)
        live.append(after)
    by_rule, notes = outcome(scratch, name)
    parse_errors = by_rule.pop("parse-error", 0)
    a, p = statistics.median(analysis), statistics.median(parse)
    # Each analysis is set against the parse-only run just before it: the machine's speed drifts
    # over a benchmark (other tenants, frequency), and a pair shares the moment.
    ratio = statistics.median(x / y for x, y in zip(analysis, parse))
    own_ratio = statistics.median(x / y for x, y in zip(analysis, own_parse))
    return {
        "corpus": name, "files": files, "lines": lines,
        "analysis_s": a, "parse_s": p, "ratio": ratio, "lines_per_s": lines / a,
        "own_parse_s": statistics.median(own_parse), "own_ratio": own_ratio,
        "peak_rss_mib": max(rss), "peak_heap_mib": max(heap), "peak_live_mib": max(live),
        "findings": by_rule, "parse_errors": parse_errors, "notifications": len(notes),
    }


SCALING_PACKAGE = "com.fasterxml.jackson.databind"


def replicate(folder, times, target):
    """The corpus copied `times` times, each copy a project of its own: its packages renamed
    (`...databind` becomes `...databind1`, imports and qualified names with it), as a larger code
    base would be, rather than the same types declared again."""
    if target.exists():
        shutil.rmtree(target)
    old_dir = SCALING_PACKAGE.replace(".", "/")
    for i in range(times):
        for source in folder.rglob("*.java"):
            relative = source.relative_to(folder).as_posix()
            text = source.read_text(encoding="utf-8")
            if i > 0:
                relative = relative.replace(old_dir, f"{old_dir}{i}", 1)
                text = text.replace(SCALING_PACKAGE, f"{SCALING_PACKAGE}{i}")
            out = target / relative
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
    return target


def bench_scaling(folder, args, scratch):
    rows = []
    empty = scratch / "empty"
    empty.mkdir(exist_ok=True)
    (empty / "Empty.java").write_text("class Empty {}\n")
    base = statistics.median(analyse(empty, args.jobs, scratch, "empty")[0] for _ in range(args.runs))
    files = sources.count_lines(folder)[0]
    for k in SCALES:
        corpus = replicate(folder, k, scratch / f"scaled{k}")
        walls, live = [], 0
        for _ in range(args.runs):
            walls.append(analyse(corpus, args.jobs, scratch, f"scaled{k}")[0])
            live = max(live, heap_mib(scratch / f"scaled{k}.gc.log")[1])
        rows.append({"scale": k, "files": k * files, "wall_s": statistics.median(walls),
                     "live_mib": live})
        shutil.rmtree(corpus)
    unit = rows[0]["wall_s"] - base
    for r in rows:
        r["work_s"] = r["wall_s"] - base
        r["vs_proportional"] = r["work_s"] / (unit * r["scale"])
    return base, rows


def bench_pathological(args, scratch):
    rows = []
    for name, text in pathological.inputs():
        folder = scratch / "pathological" / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "Generated.java").write_text(text)
        wall, peak, _ = analyse(folder, args.jobs, scratch, f"patho-{name}")
        by_rule, notes = outcome(scratch, f"patho-{name}")
        rows.append({
            "input": name, "bytes": len(text.encode()), "wall_s": wall, "peak_rss_mib": peak,
            "findings": sum(by_rule.values()),
            "notifications": "; ".join(n.replace(str(folder) + "/", "") for n in notes) or "-",
        })
    return rows


def cached_run(folder, jobs, cache, scratch, name):
    """One run with the result cache; returns (wall seconds, files reused, files)."""
    wall, _, _ = run([str(LAUNCHER), "--jobs", str(jobs), "-q", "--format", "json", "--cache", str(cache), str(folder)],
                     {"BORROWCK_CACHE_STATS": "1"}, out=scratch / f"{name}.json", err=scratch / f"{name}.err")
    m = re.search(r"cache: (\d+) of (\d+) files reused", (scratch / f"{name}.err").read_text())
    return wall, int(m.group(1)), int(m.group(2))


def touched_file(folder):
    """The file whose comment is touched: the one in the middle of the sorted paths, a typical file
    rather than the corpus' most or least expensive one."""
    files = sorted(p for p in folder.rglob("*.java") if p.name not in ("package-info.java", "module-info.java"))
    return files[len(files) // 2]


def touch_comment(path, n):
    text = path.read_text(encoding="utf-8")
    path.write_text(f"// touched {n}\n" + text, encoding="utf-8")


def bench_cache(name, folder, args, scratch):
    """Cold (no cache, and an empty cache), warm with nothing changed, and warm with a comment
    added to one file, in a copy of the corpus; each output compared with the uncached run's."""
    copy = scratch / f"cache-{name}"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(folder, copy)
    target = touched_file(copy)
    cache = scratch / f"cache-{name}.dir"
    plain, cold, warm, changed, reanalysed = [], [], [], [], []
    for i in range(args.runs):
        plain.append(run([str(LAUNCHER), "--jobs", str(args.jobs), "-q", "--format", "json", str(copy)],
                         out=scratch / f"{name}-plain.json")[0])
        if cache.exists():
            shutil.rmtree(cache)
        cold.append(cached_run(copy, args.jobs, cache, scratch, f"{name}-cold")[0])
        wall, reused, files = cached_run(copy, args.jobs, cache, scratch, f"{name}-warm")
        warm.append(wall)
        assert reused == files, f"{name}: warm run reused {reused} of {files}"
        touch_comment(target, i)
        plain_after = run([str(LAUNCHER), "--jobs", str(args.jobs), "-q", "--format", "json", str(copy)],
                          out=scratch / f"{name}-plain-after.json")[0]
        wall, reused, files = cached_run(copy, args.jobs, cache, scratch, f"{name}-changed")
        changed.append(wall)
        reanalysed.append(files - reused)
        for label, plain_out in (("cold", "plain"), ("warm", "plain"), ("changed", "plain-after")):
            a = (scratch / f"{name}-{label}.json").read_bytes()
            b = (scratch / f"{name}-{plain_out}.json").read_bytes()
            if a != b:
                raise SystemExit(f"{name}: the {label} cached run's JSON differs from the uncached run's")
    p, c, w, ch = (statistics.median(x) for x in (plain, cold, warm, changed))
    return {"corpus": name, "files": sources.count_lines(copy)[0], "touched": target.relative_to(copy).as_posix(),
            "plain_s": p, "cold_s": c, "warm_s": w, "changed_s": ch,
            "warm_pct": 100 * w / p, "changed_pct": 100 * ch / p, "reanalysed": max(reanalysed)}


def cache_markdown(rows, args):
    cores = os.cpu_count()
    load = os.getloadavg()[0]
    out = [
        "## Result cache (bench/run.py --cache-bench)",
        "",
        f"Measured {datetime.date.today().isoformat()} by `bench/run.py --cache-bench --runs {args.runs} --jobs {args.jobs}` "
        f"on {cores} cores shared with other builds (load average {load:.1f} when it ended): wall times are "
        "medians of the runs, JVM start-up included. *Uncached* is a run without `--cache`; *cold* one with "
        "an empty cache (it stores every result); *warm* one with nothing changed; *one changed* one after a "
        "comment line was added to the file named (the middle one of the sorted paths). Every cached run's "
        "JSON was compared with the uncached run's over the same files: byte-identical. Targets: warm at "
        "most 15 %, one changed at most 25 % of the uncached run.",
        "",
        "| corpus | files | uncached | cold | warm | one changed | re-analysed | file touched |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        out.append(f"| {r['corpus']} | {r['files']} | {r['plain_s']:.2f} s | {r['cold_s']:.2f} s "
                   f"| {r['warm_s']:.2f} s ({r['warm_pct']:.0f} %) | {r['changed_s']:.2f} s ({r['changed_pct']:.0f} %) "
                   f"| {r['reanalysed']} | `{r['touched']}` |")
    return "\n".join(out) + "\n"


def write_section(section):
    """Replaces the section with the same heading in bench/RESULTS.md, or appends it."""
    path = ROOT / "bench" / "RESULTS.md"
    text = path.read_text()
    heading = section.splitlines()[0]
    start = text.find(heading)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + len(heading))
        text = text[:start] + section + ("" if end < 0 else text[end:])
    path.write_text(text)


def markdown(results, scaling, patho, args):
    cores = os.cpu_count()
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    out = [
        "# Benchmark results",
        "",
        f"Measured {datetime.date.today().isoformat()} by `bench/run.py --runs {args.runs} --jobs {args.jobs}` "
        f"on {cores} cores ({platform.machine()}, {platform.system()}), {java}. Wall times are medians "
        "of the runs and include JVM start-up; the *ratio* is the median over the runs of each analysis "
        "against the parse-only run just before it; *parse-only* is the yardstick: the same files parsed "
        "with the same parser, language level and threads, as JavaParser parses at that level (its "
        "language-level validators included), nothing else (`org.borrowck4j.cli.ParseOnly`). *Own parse* "
        "is the same files parsed as the analysis parses them, without those validators (decision 245), "
        "and *vs own parse* the analysis against it: what the analysis adds to its own parse.",
        "",
        "*Peak heap* is the largest occupancy the collector saw, garbage included; *live* the most it",
        "kept after a collection (what the analysis holds: declarations of every file, and the trees",
        "of files parsed early for their declarations and waiting for their own turn).",
        "",
        "| corpus | files | lines | analysis | parse-only | ratio | own parse | vs own parse | lines/s | peak RSS | peak heap | live | findings | parse errors | notifications |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|",
    ]
    for r in results:
        findings = ", ".join(f"{k} {v}" for k, v in sorted(r["findings"].items())) or "none"
        out.append(
            f"| {r['corpus']} | {r['files']} | {r['lines']} | {r['analysis_s']:.2f} s | {r['parse_s']:.2f} s "
            f"| {r['ratio']:.2f} | {r['own_parse_s']:.2f} s | {r['own_ratio']:.2f} | {r['lines_per_s']:,.0f} | {r['peak_rss_mib']:.0f} MiB | {r['peak_heap_mib']} MiB | {r['peak_live_mib']} MiB "
            f"| {findings} | {r['parse_errors']} | {r['notifications']} |")
    if scaling:
        base, rows = scaling
        out += ["", f"## Start-up and scaling ({SCALING_CORPUS} replicated)", "",
                f"**Start-up**, analysing one small class from JVM start to exit: {base:.2f} s. "
                "*Work* is wall time minus start-up; *vs proportional* is work / (scale × work at 1×), "
                "1.00 being perfectly linear. *Live* is the most heap kept after a collection.", "",
                "| scale | files | wall | work | vs proportional | live |", "|---:|---:|---:|---:|---:|---:|"]
        for r in rows:
            out.append(f"| {r['scale']}× | {r['files']} | {r['wall_s']:.2f} s | {r['work_s']:.2f} s "
                       f"| {r['vs_proportional']:.2f} | {r['live_mib']} MiB |")
        if len(rows) >= 3:
            step = rows[2]["work_s"] / rows[1]["work_s"] / (rows[2]["scale"] / rows[1]["scale"])
            out += ["", "The 1× run also pays for warming up the JIT, which larger runs spread over more "
                    f"code, so they come out below proportional; from {rows[1]['scale']}× to {rows[2]['scale']}× "
                    f"the work grows {step:.2f} times proportionally. The live heap grows with the "
                    "declarations of every file (a summary per type, kept for lookups); trees are not kept."]
    if patho:
        out += ["", "## Pathological inputs (bench/pathological.py)", "",
                "| input | size | wall | peak RSS | findings | notifications |", "|---|---:|---:|---:|---:|---|"]
        for r in patho:
            out.append(f"| {r['input']} | {r['bytes']:,} B | {r['wall_s']:.2f} s | {r['peak_rss_mib']:.0f} MiB "
                       f"| {r['findings']} | {r['notifications']} |")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", nargs="*", metavar="CORPUS",
                        help=f"corpora to run: {', '.join(CORPORA)} (default: all, plus scaling and pathological inputs)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--cache", help="where sources are fetched and unpacked (default ~/.cache/borrowck4j-bench)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone")
    parser.add_argument("--cache-bench", action="store_true",
                        help="time the result cache (default corpora: guava, spring-core) and write its section")
    args = parser.parse_args()
    unknown = [c for c in args.corpora if c not in CORPORA]
    if unknown:
        parser.error(f"unknown corpus {', '.join(unknown)}; known: {', '.join(CORPORA)}")
    if args.cache_bench:
        subprocess.run([str(LAUNCHER), "--version"], check=True, stdout=subprocess.DEVNULL)
        rows = []
        with tempfile.TemporaryDirectory(prefix="borrowck-cache-bench-") as tmp:
            for name in args.corpora or ["guava", "spring-core"]:
                r = bench_cache(name, fetch(name, cache_dir(args)), args, Path(tmp))
                rows.append(r)
                print(f"{name:12} {r['files']:5} files  uncached {r['plain_s']:6.2f} s  cold {r['cold_s']:6.2f} s  "
                      f"warm {r['warm_s']:5.2f} s ({r['warm_pct']:.0f} %)  one changed {r['changed_s']:5.2f} s "
                      f"({r['changed_pct']:.0f} %, {r['reanalysed']} re-analysed: {r['touched']})", flush=True)
        if not args.no_write:
            write_section(cache_markdown(rows, args))
            print("wrote the result cache's section of bench/RESULTS.md")
        return
    chosen = args.corpora or list(CORPORA)
    everything = not args.corpora

    subprocess.run([str(LAUNCHER), "--version"], check=True, stdout=subprocess.DEVNULL)  # builds if stale
    cache = cache_dir(args)
    with tempfile.TemporaryDirectory(prefix="borrowck-bench-") as tmp:
        scratch = Path(tmp)
        results = []
        for name in chosen:
            folder = fetch(name, cache)
            r = bench_corpus(name, folder, args, scratch)
            results.append(r)
            print(f"{name:18} {r['files']:5} files {r['lines']:7} lines  analysis {r['analysis_s']:6.2f} s  "
                  f"parse-only {r['parse_s']:6.2f} s  ratio {r['ratio']:.2f}  own parse {r['own_parse_s']:5.2f} s "
                  f"(x{r['own_ratio']:.2f})  {r['lines_per_s']:8,.0f} lines/s  "
                  f"RSS {r['peak_rss_mib']:5.0f} MiB  heap {r['peak_heap_mib']:4} MiB (live {r['peak_live_mib']})  findings {r['findings']}  "
                  f"parse errors {r['parse_errors']}  notifications {r['notifications']}", flush=True)
        scaling = patho = None
        if everything:
            scaling = bench_scaling(fetch(SCALING_CORPUS, cache), args, scratch)
            for r in scaling[1]:
                print(f"scaling {r['scale']}x: {r['wall_s']:.2f} s (work {r['work_s']:.2f} s, "
                      f"{r['vs_proportional']:.2f} of proportional)", flush=True)
            patho = bench_pathological(args, scratch)
            for r in patho:
                print(f"pathological {r['input']:18} {r['wall_s']:6.2f} s  RSS {r['peak_rss_mib']:5.0f} MiB  "
                      f"notifications: {r['notifications']}", flush=True)
    text = markdown(results, scaling, patho, args)
    if not args.no_write and everything:
        path = ROOT / "bench" / "RESULTS.md"
        # Sections other runs write (the result cache's) are kept.
        old = path.read_text() if path.exists() else ""
        kept = old.find("\n## Result cache")
        path.write_text(text.rstrip("\n") + "\n" + (old[kept:] if kept >= 0 else ""))
        print("wrote bench/RESULTS.md")


if __name__ == "__main__":
    main()
