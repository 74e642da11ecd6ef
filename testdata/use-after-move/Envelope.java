package uam;

import org.borrowck4j.annotations.Owned;

/** A record whose canonical constructor takes ownership of the payload (D12). */
public record Envelope(@Owned Message payload, String route) {}
