package org.borrowck4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Calling the method consumes (moves) its receiver, as a Rust method taking {@code self}: after
 * {@code close()}, {@code build()}, {@code release()} or a stream's terminal operation the value
 * must not be used again.
 *
 * <pre>{@code
 * @Consumes void release();          // buf.release(); buf.readByte();  -> use of moved value
 * @Consumes(idempotent = true) void close();   // in.close(); in.close();  -> fine
 * }</pre>
 *
 * <p>Only meaningful on instance methods; on a static method it is reported as {@code
 * annotation-misuse}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Consumes {
  /**
   * Whether calling a consuming method of this kind again on an already consumed value is
   * harmless ({@link java.io.Closeable#close()} is; releasing a reference-counted buffer twice is
   * not). A repeated idempotent call is not reported as a use after move.
   */
  boolean idempotent() default false;
}
