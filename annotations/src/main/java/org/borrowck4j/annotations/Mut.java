package org.borrowck4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An exclusive (mutable) borrow, as Rust's {@code &mut T}: while it is live, nothing else may
 * read or mutate the value.
 *
 * <ul>
 *   <li><b>On a parameter:</b> an exclusive borrow for the duration of the call; it must not
 *       escape. Passing one value to two parameters of which one is {@code @Mut} is a conflict.
 *       <pre>{@code
 * void copyInto(@Borrowed Buf from, @Mut Buf to);   // copyInto(a, a)  -> conflicting borrow
 * }</pre>
 *   <li><b>On a method:</b> the method mutates its receiver, so calling it is a mutable borrow of
 *       the receiver (a structural modification of a collection, for instance).
 *       <pre>{@code
 * @Mut void add(E element);                          // inside for (x : list): list.add(y) -> conflict
 * }</pre>
 *   <li><b>On a local variable or field:</b> an explicit mutable-reference variable.
 *       <pre>{@code
 * @Mut Buf cursor = buffers.current();
 * }</pre>
 * </ul>
 *
 * <p>Meaningless on primitives, which are copied: that is reported as {@code annotation-misuse}.
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
public @interface Mut {}
