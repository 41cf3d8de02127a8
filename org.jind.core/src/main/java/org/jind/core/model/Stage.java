package org.jind.core.model;

/** How far a model has come through the pipeline. */
public enum Stage {
    /** Encoder and classifier trained on the source. */
    TRAINED,
    /** A generator maps one target batch into the source latent space. */
    ALIGNED,
    /** JIND+: the aligned model refined on its confident target predictions. */
    SELFTRAINED
}
