package org.borrowck4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Ownership of a value, as Rust's move semantics define it: exactly one variable owns the value,
 * and handing it on ends the previous owner's right to use it.
 *
 * <ul>
 *   <li><b>On a parameter:</b> the callee takes ownership; the argument is <em>moved</em> at the
 *       call and the caller must not use it again.
 *       <pre>{@code
 * void accept(@Owned ByteBuf data);     // sink.accept(buf); buf.flip();  -> use of moved value
 * }</pre>
 *   <li><b>On a method:</b> the returned value is a fresh value owned by the caller.
 *       <pre>{@code
 * @Owned Connection open(String url);   // the caller must close or move what it gets
 * }</pre>
 *   <li><b>On a local variable or field:</b> the variable owns its value; assigning it to another
 *       variable moves it.
 *       <pre>{@code
 * @Owned Buffer b = pool.take();        // Buffer c = b; b.read();  -> use of moved value
 * }</pre>
 *   <li><b>On a type:</b> every value of the class or interface is an owned value.
 *       <pre>{@code
 * @Owned interface Lease { @Consumes void release(); }
 * }</pre>
 * </ul>
 *
 * <p>The receiver-parameter spelling {@code void close(@Owned Foo this)} is accepted as an
 * alternative to {@link Consumes}, which is why this annotation also targets {@code TYPE_USE}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.PARAMETER,
  ElementType.METHOD,
  ElementType.LOCAL_VARIABLE,
  ElementType.FIELD,
  ElementType.TYPE,
  ElementType.TYPE_USE
})
public @interface Owned {}
