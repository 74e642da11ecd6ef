package org.borrowck4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A shared borrow, as Rust's {@code &T}: a reference that may read the value but must not
 * outlive its owner, must not escape, and must not be used to mutate it.
 *
 * <ul>
 *   <li><b>On a parameter:</b> a shared borrow for the duration of the call; the callee must not
 *       store it in a field, return it, or hand it to code that keeps it.
 *       <pre>{@code
 * int checksum(@Borrowed ByteBuf data);   // this.last = data;  -> borrow escapes
 * }</pre>
 *   <li><b>On a method:</b> the returned reference borrows from the receiver (or, with
 *       {@link #from()}, from the named parameter), so it must not be used after the receiver
 *       (or that parameter) was closed, moved or went out of scope.
 *       <pre>{@code
 * @Borrowed MemorySegment view();          // arena.close(); seg.get(...)  -> outlives owner
 * }</pre>
 *   <li><b>On a local variable or field:</b> an explicit shared-reference variable.
 *       <pre>{@code
 * @Borrowed List<String> names = registry.names();
 * }</pre>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.PARAMETER,
  ElementType.METHOD,
  ElementType.LOCAL_VARIABLE,
  ElementType.FIELD,
  ElementType.TYPE_USE
})
public @interface Borrowed {
  /**
   * On a method: the name of the parameter the returned reference borrows from. Empty (the
   * default) means the receiver.
   *
   * <pre>{@code
   * @Borrowed(from = "buf") ByteBuf window(ByteBuf buf, int from, int to);
   * }</pre>
   */
  String from() default "";
}
