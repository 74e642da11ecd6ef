/**
 * The borrowck4j ownership annotations: {@link org.borrowck4j.annotations.Owned}, {@link
 * org.borrowck4j.annotations.Borrowed}, {@link org.borrowck4j.annotations.Mut}, {@link
 * org.borrowck4j.annotations.Consumes} and {@link org.borrowck4j.annotations.Retained}.
 *
 * <p>They have no behaviour at run time; they state contracts that the {@code borrowck} analyser
 * checks at build time. All have RUNTIME retention so that contracts survive in jars and are read
 * from the classpath of code that calls annotated libraries.
 */
package org.borrowck4j.annotations;
