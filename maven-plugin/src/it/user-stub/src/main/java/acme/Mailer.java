package acme;

/** Stands for a library without annotations: it frees the message after sending it. */
public class Mailer {
  public void send(Object message) {}
}
