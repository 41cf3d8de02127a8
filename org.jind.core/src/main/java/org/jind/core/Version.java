package org.jind.core;

/** Versions recorded in every model for provenance. */
public final class Version {
    public static final String JIND = "0.1.0";
    public static final String ND4J = "1.0.0-M2.1";

    private Version() {
    }
}
