package demo;

import acme.Mailer;
import org.borrowck4j.annotations.Owned;

public class Newsletter {
  int publish(Mailer mailer, @Owned StringBuilder text) {
    mailer.send(text);
    return text.length();
  }
}
