"""Real sources for the benchmarks: -sources.jar artifacts from Maven Central, unpacked safely.

Shared by bench/run.py (speed), bench/realcode/run.py (precision on real code) and
bench/realbugs/run.py (real bugs found), so that all three fetch and count the same way.
"""
import os
import subprocess
import sys
import zipfile

DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy"


def sources_jar(coordinates, jars):
    """The -sources.jar of group:artifact:version in folder `jars`, fetched with mvn if missing."""
    group, artifact, version = coordinates.split(":")
    jar = jars / f"{artifact}-{version}-sources.jar"
    if not jar.exists():
        jars.mkdir(parents=True, exist_ok=True)
        print(f"  fetching {coordinates}:sources from Maven Central", file=sys.stderr)
        subprocess.run(
            ["mvn", "-B", "-q", DEPENDENCY_PLUGIN,
             f"-Dartifact={group}:{artifact}:{version}:jar:sources", f"-DoutputDirectory={jars}"],
            check=True, cwd=jars, stdout=subprocess.DEVNULL)
    return jar


def unpack_java(archive, target, keep=lambda member: True):
    """Copies the .java entries of a zip archive for which keep(name) holds into target, refusing
    entries that would land outside it."""
    root = str(target.resolve()) + os.sep
    with zipfile.ZipFile(archive) as z:
        for member in z.namelist():
            if not member.endswith(".java") or not keep(member):
                continue
            out = (target / member).resolve()
            if not str(out).startswith(root):
                raise SystemExit(f"{archive}: refusing entry outside the target folder: {member}")
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(z.read(member))


def count_lines(folder):
    """(files, non-blank lines) of the .java files under folder."""
    files = lines = 0
    for path in sorted(folder.rglob("*.java")):
        files += 1
        with open(path, "rb") as f:
            lines += sum(1 for line in f if line.strip())
    return files, lines
