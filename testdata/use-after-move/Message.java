package uam;

import org.borrowck4j.annotations.Owned;

/**
 * An owned type (support type): every local of static type Message is an owner, so assigning it
 * or passing it to an {@code @Owned} parameter moves it. It has no consuming method, so it never
 * has to be released (no leak findings).
 */
@Owned
public final class Message {
  private final String topic;
  private final String body;

  public Message(String topic, String body) {
    this.topic = topic;
    this.body = body;
  }

  public static Message of(String body) {
    return new Message("default", body);
  }

  public String topic() {
    return topic;
  }

  public String body() {
    return body;
  }

  public int length() {
    return body.length();
  }

  @Override
  public String toString() {
    return topic + ": " + body;
  }
}
