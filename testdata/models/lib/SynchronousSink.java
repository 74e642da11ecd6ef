package reactor.core.publisher;

/** A stand-in for Reactor's SynchronousSink (the test data compiles without the library). */
public interface SynchronousSink<T> {
  void next(T t);

  void complete();

  void error(Throwable e);
}
