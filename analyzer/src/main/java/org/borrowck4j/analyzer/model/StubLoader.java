package org.borrowck4j.analyzer.model;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads model files in the Checker Framework's stub format ({@code .astub}): Java declarations
 * without bodies, carrying annotations. A file may hold several {@code package} sections; imports
 * before the first one apply to all of them.
 */
public final class StubLoader {
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+[\\w.]+\\s*;");
  private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;");
  /**
   * A constructor declared without a body on one line ({@code public ZipFile(File f);}): a name
   * after nothing but modifiers and annotations. Java requires a body, stubs do not.
   */
  private static final Pattern BODYLESS_CONSTRUCTOR =
      Pattern.compile(
          "(?m)^(\\s*(?:(?:public|protected|private)\\s+|@[\\w.]+(?:\\([^)]*\\))?\\s+)*[A-Z]\\w*\\s*\\([^;{]*\\)\\s*(?:throws\\s+[\\w.,\\s]+)?);\\s*$");

  private StubLoader() {}

  /** A stub file that is not valid stub syntax. */
  public static final class StubException extends Exception {
    private final String file;
    private final int line;
    private final int column;

    public StubException(String file, int line, int column, String message) {
      super(file + ":" + line + ":" + column + ": " + message);
      this.file = file;
      this.line = line;
      this.column = column;
    }

    public String file() {
      return file;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }
  }

  public static List<Declared.FileDeclarations> load(
      String name, String stubText, Declared.Origin.Kind origin) throws StubException {
    String text = BODYLESS_CONSTRUCTOR.matcher(stubText).replaceAll("$1 {}");
    List<Declared.FileDeclarations> out = new ArrayList<>();
    Matcher pkg = PACKAGE.matcher(text);
    List<Integer> starts = new ArrayList<>();
    while (pkg.find()) {
      if (depthAt(text, pkg.start()) == 0) {
        starts.add(pkg.start());
      }
    }
    if (starts.isEmpty()) {
      out.add(DeclarationReader.read(parse(name, text), name, origin));
      return out;
    }
    String header = text.substring(0, starts.get(0));
    StringBuilder sharedImports = new StringBuilder();
    Matcher imp = IMPORT.matcher(header);
    while (imp.find()) {
      sharedImports.append(' ').append(imp.group().strip());
    }
    for (int i = 0; i < starts.size(); i++) {
      int start = starts.get(i);
      int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
      String section = text.substring(start, end);
      int semicolon = section.indexOf(';');
      // Keep line numbers: blank lines for what came before, shared imports on the package line.
      String padding = "\n".repeat(countLines(text, start));
      String source =
          padding
              + section.substring(0, semicolon + 1)
              + sharedImports
              + section.substring(semicolon + 1);
      out.add(DeclarationReader.read(parse(name, source), name, origin));
    }
    return out;
  }

  private static CompilationUnit parse(String name, String source) throws StubException {
    ParserConfiguration config =
        new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
            .setAttributeComments(false);
    ParseResult<CompilationUnit> result = new JavaParser(config).parse(source);
    if (!result.isSuccessful() || result.getResult().isEmpty()) {
      Problem p = result.getProblems().get(0);
      int line = p.getLocation().flatMap(r -> r.toRange()).map(r -> r.begin.line).orElse(1);
      int column = p.getLocation().flatMap(r -> r.toRange()).map(r -> r.begin.column).orElse(1);
      String message = p.getMessage().strip();
      int nl = message.indexOf('\n');
      throw new StubException(name, line, column, nl < 0 ? message : message.substring(0, nl));
    }
    return result.getResult().get();
  }

  private static int countLines(String text, int upTo) {
    int n = 0;
    for (int i = 0; i < upTo; i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  /** Brace depth at a position, ignoring comments and string literals well enough for stubs. */
  private static int depthAt(String text, int pos) {
    int depth = 0;
    for (int i = 0; i < pos; i++) {
      char c = text.charAt(i);
      if (c == '/' && i + 1 < pos && text.charAt(i + 1) == '/') {
        while (i < pos && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < pos && text.charAt(i + 1) == '*') {
        int close = text.indexOf("*/", i + 2);
        i = close < 0 ? pos : close + 1;
      } else if (c == '"') {
        for (i++; i < pos && text.charAt(i) != '"'; i++) {
          if (text.charAt(i) == '\\') {
            i++;
          }
        }
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      }
    }
    return depth;
  }
}
