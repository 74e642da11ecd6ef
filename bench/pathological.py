"""Generated inputs that stress one dimension each (issue 8): every one must finish quickly, and a
method over the analysis budget must be reported as a tool notification, not hang or crash. They
are correct programs, so any finding on them is a false positive.
Used by bench/run.py; `python3 bench/pathological.py DIR` writes them out for a look."""
import sys
from pathlib import Path

HEADER = "package generated;\n\nimport java.io.*;\nimport java.util.*;\nimport java.util.stream.*;\n\n"


def many_statements(n=10_000):
    """One method, n statements over one list: adds, removals, reads, streams and for-each loops."""
    body = ["    List<String> names = new ArrayList<>();"]
    for i in range(n):
        kind = i % 5
        if kind == 0:
            body.append(f'    names.add("n{i}");')
        elif kind == 1:
            body.append(f"    if (names.size() > {i % 97}) {{ names.remove(0); }}")
        elif kind == 2:
            body.append(f'    String s{i} = names.isEmpty() ? "" : names.get(0);')
        elif kind == 3:
            body.append(f"    total += names.stream().filter(x -> !x.isEmpty()).count() + s{i - 1}.length();")
        else:
            body.append("    for (String x : names) { total += x.length(); }")
    return HEADER + "class Statements {\n  long total;\n\n  void run() {\n" + "\n".join(body) + "\n  }\n}\n"


def many_locals(n=500):
    body = []
    for i in range(n):
        body.append(f'    InputStream in{i} = new FileInputStream("f{i}");')
    for i in range(n):
        body.append(f"    total += in{i}.read();")
    for i in range(n):
        body.append(f"    in{i}.close();")
    return HEADER + "class Locals {\n  long total;\n\n  void run() throws IOException {\n" + "\n".join(body) + "\n  }\n}\n"


def nested_loops(depth=50):
    lines = ["    List<String> names = new ArrayList<>();"]
    for d in range(depth):
        lines.append("  " * d + f"    for (int i{d} = 0; i{d} < 2; i{d}++) {{")
    lines.append("  " * depth + "    names.add(\"x\");")
    lines.append("  " * depth + "    if (names.size() > 3) { break; }")
    for d in reversed(range(depth)):
        lines.append("  " * d + "    }")
    lines.append("    total += names.stream().count();")
    return HEADER + "class Loops {\n  long total;\n\n  void run() {\n" + "\n".join(lines) + "\n  }\n}\n"


def big_file(target_bytes=1_000_000):
    methods = []
    size = 0
    i = 0
    while size < target_bytes:
        m = (f"  long m{i}(List<String> in) throws IOException {{\n"
             f"    List<String> copy = new ArrayList<>(in);\n"
             f"    try (Reader r = new StringReader(\"{i}\")) {{\n"
             f"      copy.add(String.valueOf(r.read()));\n"
             f"    }}\n"
             f"    Stream<String> s = copy.stream();\n"
             f"    return s.filter(x -> x.length() > {i % 7}).count();\n"
             f"  }}\n\n")
        methods.append(m)
        size += len(m)
        i += 1
    return HEADER + "class Big {\n" + "".join(methods) + "}\n"


def big_switch(cases=5_000):
    body = ["    List<String> names = new ArrayList<>();", "    switch (k) {"]
    for i in range(cases):
        body.append(f'      case {i}: names.add("c{i}"); break;')
    body += ["      default: break;", "    }", "    return names.stream().count();"]
    return HEADER + "class Switch {\n  long run(int k) {\n" + "\n".join(body) + "\n  }\n}\n"


def else_if_chain(n=3_000):
    body = ["    List<String> names = new ArrayList<>();", "    "]
    parts = []
    for i in range(n):
        parts.append(f'if (k == {i}) {{ names.add("c{i}"); }}')
    body[1] += " else ".join(parts)
    body.append("    return names.size();")
    return HEADER + "class Chain {\n  int run(int k) {\n" + "\n".join(body) + "\n  }\n}\n"


def nested_ifs(depth=20_000):
    """Ifs nested 20,000 deep, each reading a stream: names looked up and branches joined at depth."""
    return (HEADER + "class NestedIfs {\n  void run(InputStream s) throws IOException {\n    "
            + "if (s.read() > 0) { " * depth + "s.close();" + " }" * depth + "\n  }\n}\n")


def long_expression(n=5_000):
    expr = " + ".join(f"names.get({i % 10}).length()" for i in range(n))
    return (HEADER + "class Expression {\n  long run(List<String> names) {\n    return " + expr + ";\n  }\n}\n")


def inputs():
    return [
        ("10k-statements", many_statements()),
        ("500-locals", many_locals()),
        ("50-nested-loops", nested_loops()),
        ("1mb-file", big_file()),
        ("5000-case-switch", big_switch()),
        ("3000-else-if", else_if_chain()),
        ("20000-nested-ifs", nested_ifs()),
        ("5000-term-expression", long_expression()),
    ]


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "pathological")
    for name, text in inputs():
        (out / name).mkdir(parents=True, exist_ok=True)
        (out / name / "Generated.java").write_text(text)
        print(out / name / "Generated.java", len(text), "bytes")
