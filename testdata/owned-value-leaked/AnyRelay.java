package leaks;

/**
 * Names the inherited member type `Session` in a subclass of `RelayImpl.Pooled`: finding it looks
 * up this class's supertypes, and with them `Pooled`'s, whose `extends Session` must resolve as it
 * does anywhere else (decision 218). The file sorts first, so its lookup comes first.
 */
public class AnyRelay extends RelayImpl.Pooled implements Relay {
  int idOf(Session session) {
    return session.id();
  }
}
