package uam;

import org.borrowck4j.annotations.Owned;

/** A record taking ownership of a message together with its precomputed length. */
public record Packet(@Owned Message message, int length) {}
