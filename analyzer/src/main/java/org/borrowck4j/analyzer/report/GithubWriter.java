package org.borrowck4j.analyzer.report;

import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.Label;
import org.borrowck4j.analyzer.diagnostics.Note;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.engine.Notification;

/**
 * GitHub Actions workflow commands ({@code ::error file=…,line=…,col=…::message}): each finding
 * becomes an annotation on the pull request, its secondary spans and notes in the message.
 */
public final class GithubWriter {

  public String write(Report report) {
    StringBuilder out = new StringBuilder();
    for (Report.Result r : report.visible()) {
      Finding f = r.finding();
      out.append("::")
          .append(command(f.severity()))
          .append(" file=")
          .append(property(f.file()))
          .append(",line=")
          .append(f.primary().beginLine())
          .append(",col=")
          .append(f.primary().beginColumn())
          .append(",endLine=")
          .append(f.primary().endLine())
          .append(",endColumn=")
          .append(f.primary().endColumn())
          .append(",title=")
          .append(property(f.rule().code() + " " + f.rule().id()))
          .append("::")
          .append(data(body(f)))
          .append('\n');
    }
    for (Notification n : report.notifications()) {
      out.append("::").append(n.level() == Notification.Level.ERROR ? "error" : "warning");
      if (n.file() != null) {
        out.append(" file=").append(property(n.file()));
        if (n.line() > 0) {
          out.append(",line=").append(n.line());
        }
      }
      out.append("::").append(data("borrowck: " + n.message())).append('\n');
    }
    return out.toString();
  }

  private static String body(Finding f) {
    StringBuilder sb = new StringBuilder(f.message()).append('\n');
    sb.append(f.primary().beginLine()).append(':').append(f.primary().beginColumn()).append(": ").append(f.primaryLabel());
    for (Label l : f.labels()) {
      sb.append('\n').append(l.span().beginLine()).append(':').append(l.span().beginColumn()).append(": ").append(l.text());
    }
    for (Note n : f.notes()) {
      sb.append('\n').append(n.kind().word()).append(": ").append(n.text());
    }
    return sb.toString();
  }

  private static String command(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case NOTE -> "notice";
    };
  }

  /** Escapes a message as the runner expects (toolkit's escapeData). */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value (toolkit's escapeProperty). */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
