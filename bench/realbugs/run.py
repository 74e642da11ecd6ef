#!/usr/bin/env python3
"""Real-bug evaluation: real, fixed bugs from public projects, rebuilt from Maven Central.

For each bug in bugs.json it fetches two -sources.jar artifacts (the last release with the bug and
the first with the fix, plus any 'extra' jars of the same project the bug goes through) into a cache
outside the repository (~/.cache/borrowck4j-realbugs, or $BORROWCK_REALBUGS_CACHE), unpacks their
.java files, runs borrowck over each version with --format json, and decides:

  FOUND        a finding in the buggy file lies inside the buggy method (its line range, found from
               the 'signature' line by matching braces) or on one of the listed bug lines;
  CLEAN-FIXED  no finding in the fixed file lies inside the fixed method (or, when the bug lists
               'clean_lines', between the first and last of them: used where the fixed method still
               has another, unrelated bug).

    bench/realbugs/run.py                                   # the checkout's ./borrowck
    bench/realbugs/run.py --jar OLD.jar                     # another build of the tool
    bench/realbugs/run.py --only NETTY-TCPDNS-LEAK --json out.json

Needs python3 (3.9+), mvn (to fetch from Maven Central) and java.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import sources  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LAUNCHER = ROOT / "borrowck"


def cache_dir(arg):
    base = arg or os.environ.get("BORROWCK_REALBUGS_CACHE") or (Path.home() / ".cache" / "borrowck4j-realbugs")
    path = Path(base)
    (path / "jars").mkdir(parents=True, exist_ok=True)
    (path / "src").mkdir(parents=True, exist_ok=True)
    return path


CENTRAL = "https://repo1.maven.org/maven2"


def fetch_jar(coords, cache):
    """The -sources.jar of coords, with mvn; if mvn cannot resolve the artifact's descriptor (a few
    releases were published with a parent POM that is not on Central, e.g. factcast 0.4.4), the jar
    itself is downloaded from Maven Central by its path."""
    jars = cache / "jars"
    try:
        return sources.sources_jar(coords, jars)
    except subprocess.CalledProcessError:
        group, artifact, version = coords.split(":")
        name = f"{artifact}-{version}-sources.jar"
        url = f"{CENTRAL}/{group.replace('.', '/')}/{artifact}/{version}/{name}"
        print(f"  mvn could not resolve {coords}; downloading {url}", file=sys.stderr)
        jar = jars / name
        with urllib.request.urlopen(url, timeout=120) as response, open(str(jar) + ".part", "wb") as out:
            shutil.copyfileobj(response, out)
        os.replace(str(jar) + ".part", jar)
        return jar


def unpack(jar, target):
    done = target / ".complete"
    if done.exists():
        return
    target.mkdir(parents=True, exist_ok=True)
    sources.unpack_java(jar, target)
    done.write_text(jar.name + "\n")


def version_tree(side, cache):
    """Unpacks the main jar and the extra jars of one side; returns (main folder, all folders)."""
    folders = []
    for coords in [side["coords"]] + side.get("extra", []):
        jar = fetch_jar(coords, cache)
        folder = cache / "src" / jar.name[:-len("-sources.jar")]
        unpack(jar, folder)
        folders.append(folder)
    return folders[0], folders


def method_range(path, signature):
    """1-based (first, last) lines of the method whose declaration contains signature."""
    text = path.read_text(encoding="utf-8", errors="replace")
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if signature in line), None)
    if start is None:
        raise SystemExit(f"{path}: no line contains {signature!r}")
    offset = sum(len(line) + 1 for line in lines[:start])
    depth, i, n, opened = 0, offset, len(text), False
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
            continue
        if text.startswith("/*", i):
            i = text.find("*/", i + 2)
            i = n if i < 0 else i + 2
            continue
        if c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if c == "{":
            depth += 1
            opened = True
        elif c == "}":
            depth -= 1
            if opened and depth == 0:
                return start + 1, text.count("\n", 0, i) + 1
        elif c == ";" and not opened:
            return start + 1, text.count("\n", 0, i) + 1
        i += 1
    return start + 1, len(lines)


def analyse(folders, args, out_file):
    if args.jar:
        command = ["java", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-jar", args.jar]
    else:
        command = [str(LAUNCHER)]
    command += ["--format", "json", "--jobs", str(args.jobs)] + [str(f) for f in folders]
    with open(out_file, "wb") as out, open(str(out_file) + ".err", "wb") as err:
        code = subprocess.run(command, stdout=out, stderr=err).returncode
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({code}); see {out_file}.err")
    return json.loads(Path(out_file).read_text() or '{"findings": []}').get("findings", [])


def in_file(finding, folder, rel):
    try:
        return Path(finding["file"]).resolve() == (folder / rel).resolve()
    except (KeyError, OSError):
        return False


def evaluate(bug, cache, args):
    result = {"id": bug["id"], "kind": bug["kind"], "cross_method": bug["cross_method"]}
    runs = cache / "runs" / ("jar-" + Path(args.jar).stem if args.jar else "checkout")
    runs.mkdir(parents=True, exist_ok=True)
    for side in ("buggy", "fixed"):
        spec = bug[side]
        main, folders = version_tree(spec, cache)
        out = runs / f"{bug['id']}.{side}.json"
        findings = analyse(folders, args, out)
        path = main / spec["file"]
        first, last = method_range(path, spec["signature"])
        if side == "buggy":
            lines = set(spec.get("bug_lines", []))
            if spec.get("found_lines"):
                # The method holds another finding (another bug): only the bug's own lines count.
                first, last = min(spec["found_lines"]), max(spec["found_lines"])
            hits = [f for f in findings if in_file(f, main, spec["file"])
                    and (first <= f["line"] <= last or f["line"] in lines)]
        else:
            if spec.get("clean_lines"):
                first, last = min(spec["clean_lines"]), max(spec["clean_lines"])
            hits = [f for f in findings if in_file(f, main, spec["file"]) and first <= f["line"] <= last]
        result[side] = {"range": [first, last], "hits": [
            {"line": f["line"], "rule": f["rule"], "message": f.get("message", "")} for f in hits]}
    result["found"] = bool(result["buggy"]["hits"])
    result["clean_fixed"] = not result["fixed"]["hits"]
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", help="run this borrowck jar with java -jar instead of the checkout's ./borrowck")
    parser.add_argument("--cache", help="cache folder (default ~/.cache/borrowck4j-realbugs)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", action="append", help="bug id (repeatable)")
    parser.add_argument("--json", help="write the per-bug results here")
    args = parser.parse_args()
    cache = cache_dir(args.cache)
    bugs = json.loads((HERE / "bugs.json").read_text())["bugs"]
    if args.only:
        bugs = [b for b in bugs if b["id"] in args.only]
    results = []
    for bug in bugs:
        print(f"{bug['id']} ...", file=sys.stderr)
        results.append(evaluate(bug, cache, args))

    def cell(r):
        hit = (r["buggy"]["hits"] or [{}])[0]
        return f"{hit.get('rule', '')} {hit.get('message', '')}".strip()
    print(f"{'id':34} {'kind':36} {'cross':5} {'found':5} {'fixed clean':11} finding")
    for r in results:
        print(f"{r['id']:34} {r['kind']:36} {'yes' if r['cross_method'] else 'no':5} "
              f"{'yes' if r['found'] else 'no':5} {'yes' if r['clean_fixed'] else 'NO':11} {cell(r)}")
    single = [r for r in results if not r["cross_method"]]
    cross = [r for r in results if r["cross_method"]]
    print()
    print(f"single-method bugs found: {sum(r['found'] for r in single)} / {len(single)}")
    print(f"cross-method bugs found:  {sum(r['found'] for r in cross)} / {len(cross)}")
    print(f"all bugs found:           {sum(r['found'] for r in results)} / {len(results)}")
    print(f"findings on fixed versions (in the fixed method): "
          f"{sum(len(r['fixed']['hits']) for r in results)} in {sum(not r['clean_fixed'] for r in results)} bugs")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
