"""Real sources for the benchmarks: -sources.jar artifacts from Maven Central, unpacked safely.

Shared by bench/run.py (speed), bench/realcode/run.py (precision on real code) and
bench/realbugs/run.py (real bugs found), so that all three fetch and count the same way.
"""
import os
import shutil
import subprocess
import sys
import zipfile

DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy"
COPY_DEPENDENCIES = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies"


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


# The scopes a project's dependencies are fetched in: compile and runtime. A POM publishes as
# runtime what its own build compiled against (Micronaut's reactor-core), so compile alone left
# types of the analysed code unresolved that the project's build, and the Maven plugin run there,
# would have (HELDOUT.md, the plugin's view, cause K4).
DEPENDENCY_SCOPE = "runtime"


def dependency_jars(coordinates_list, folder):
    """The jars the artifacts depend on at compile and run time, as the project's own build gets
    them (the artifacts themselves left out), copied into folder once with mvn; their paths,
    sorted. A folder fetched in another scope is fetched again."""
    done = folder / ".complete"
    if not done.exists() or f"scope: {DEPENDENCY_SCOPE}" not in done.read_text():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        deps = "".join(
            f"<dependency><groupId>{g}</groupId><artifactId>{a}</artifactId><version>{v}</version></dependency>"
            for g, a, v in (c.split(":") for c in coordinates_list))
        (folder / "pom.xml").write_text(
            '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
            "<groupId>borrowck.bench</groupId><artifactId>deps</artifactId><version>1</version>"
            f"<dependencies>{deps}</dependencies></project>\n")
        print(f"  fetching the dependencies of {', '.join(coordinates_list)} from Maven Central", file=sys.stderr)
        # A dependency tree that names a repository other than Central may not resolve here: then
        # the direct dependencies alone, and if even those fail, none (said in .complete).
        resolved = "transitive"
        for extra in ([], ["-DexcludeTransitive=true"]):
            shutil.rmtree(folder / "jars", ignore_errors=True)
            run = subprocess.run(
                ["mvn", "-B", "-q", COPY_DEPENDENCIES, f"-DincludeScope={DEPENDENCY_SCOPE}", "-DoutputDirectory=jars"] + extra,
                cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if run.returncode == 0:
                break
            resolved = "direct" if not extra else "none"
        if resolved == "none":
            shutil.rmtree(folder / "jars", ignore_errors=True)
            print(f"  the dependencies of {', '.join(coordinates_list)} did not resolve: none given", file=sys.stderr)
        own = {f"{a}-{v}.jar" for g, a, v in (c.split(":") for c in coordinates_list)}
        for jar in (folder / "jars").glob("*.jar"):
            if jar.name in own:
                jar.unlink()
        done.write_text(f"dependencies resolved: {resolved}\nscope: {DEPENDENCY_SCOPE}\n" + "\n".join(coordinates_list) + "\n")
    return sorted((folder / "jars").glob("*.jar")) if (folder / "jars").exists() else []


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
