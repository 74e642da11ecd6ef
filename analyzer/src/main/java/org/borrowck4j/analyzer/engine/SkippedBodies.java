package org.borrowck4j.analyzer.engine;

import com.github.javaparser.Position;
import com.github.javaparser.Range;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.parse.AstNodes;
import org.borrowck4j.analyzer.parse.ParsedFile;

/**
 * The bodies of a file that are not analysed because they declare something the parser could not
 * read (a local enum, blanked out before parsing: {@link ParsedFile#unread()}). DESIGN.md
 * "Robustness": the construct's method is skipped with a warning, the rest of the file is analysed
 * as if the construct were not there. The method is the innermost method, constructor or
 * initializer around it (a lambda in a field's initializer when there is none); everything inside
 * it — its lambdas, the members of its local and anonymous classes — is skipped with it.
 */
final class SkippedBodies {
  private final Set<Body> skipped = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<Notification> notifications = new ArrayList<>();

  private SkippedBodies() {}

  static SkippedBodies of(List<Body> bodies, List<ParsedFile.Unread> unread, String file) {
    SkippedBodies out = new SkippedBodies();
    Map<Body, List<ParsedFile.Unread>> byOwner = new LinkedHashMap<>();
    for (ParsedFile.Unread u : unread) {
      Body owner = owner(bodies, new Position(u.line(), u.column()));
      if (owner == null) {
        out.notifications.add(
            new Notification(Notification.Level.WARNING, file, u.line(), u.column(), "local enum `" + u.name() + "`" + NOT_READ));
      } else {
        byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(u);
      }
    }
    for (var entry : byOwner.entrySet()) {
      Body owner = entry.getKey();
      for (Body b : bodies) {
        if (AstNodes.isWithin(b.declaration(), owner.declaration())) {
          out.skipped.add(b);
        }
      }
      Position at = owner.declaration().getBegin().orElse(new Position(0, 0));
      out.notifications.add(
          new Notification(
              Notification.Level.WARNING, file, at.line, at.column, "skipped " + owner.displayName() + ": it declares " + named(entry.getValue()) + NOT_READ));
    }
    return out;
  }

  private static final String NOT_READ =
      ", which the parser cannot read yet (JavaParser 3.28 rejects local enums); the rest of the file was analysed";

  private static String named(List<ParsedFile.Unread> enums) {
    List<String> names = enums.stream().map(u -> "`" + u.name() + "` (line " + u.line() + ")").toList();
    return (names.size() == 1 ? "a local enum " : "local enums ") + String.join(", ", names);
  }

  /**
   * The body that declares what is at {@code at}: the innermost method, constructor or
   * initializer around it, else the outermost lambda around it; null when no body is around it.
   */
  private static Body owner(List<Body> bodies, Position at) {
    Body callable = null;
    Body lambda = null;
    for (Body b : bodies) {
      Range r = b.declaration().getRange().orElse(null);
      if (r == null || !r.contains(at)) {
        continue;
      }
      if (b.kind() != Body.Kind.LAMBDA) {
        if (callable == null || AstNodes.isWithin(b.declaration(), callable.declaration())) {
          callable = b;
        }
      } else if (lambda == null || AstNodes.isWithin(lambda.declaration(), b.declaration())) {
        lambda = b;
      }
    }
    return callable != null ? callable : lambda;
  }

  boolean skips(Body body) {
    return skipped.contains(body);
  }

  List<Notification> notifications() {
    return notifications;
  }
}
