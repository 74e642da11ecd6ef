package org.borrowck4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The callee keeps the reference after it returns: a collection insertion, a listener
 * registration, a task handed to an executor. The caller keeps its access too (nothing is
 * moved), but a borrowed reference passed here escapes its owner.
 *
 * <pre>{@code
 * void execute(@Retained Runnable task);   // execute(() -> borrowedBuf.readByte())  -> borrow escapes
 * boolean add(@Retained E element);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.TYPE_USE})
public @interface Retained {}
