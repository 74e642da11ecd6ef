package leaks;

/** An implementation whose pooled session extends the inherited member type by its simple name (support type). */
public class RelayImpl implements Relay {
  public static class Pooled extends Session {}
}
