package org.borrowck4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every file the README and docs/ link to is in the repository. */
class DocumentationLinksTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  @Test
  void relativeLinksResolve() throws IOException {
    List<Path> documents = new ArrayList<>(List.of(ReportFormatsTest.REPO.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ReportFormatsTest.REPO.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    List<String> broken = new ArrayList<>();
    for (Path doc : documents) {
      // Code spans show link syntax without being links: SARIF's `[text](id)`.
      Matcher m = LINK.matcher(Files.readString(doc).replaceAll("`[^`\\n]*`", ""));
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
          continue; // a web address or an anchor in the same page
        }
        Path file = doc.getParent().resolve(target.replaceAll("#.*", "")).normalize();
        if (!Files.exists(file)) {
          broken.add(ReportFormatsTest.REPO.relativize(doc) + " -> " + target);
        }
      }
    }
    assertEquals(List.of(), broken);
  }
}
