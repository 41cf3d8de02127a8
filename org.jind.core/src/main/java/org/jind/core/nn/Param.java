package org.jind.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A learnable tensor with its gradient (accumulated by backward passes, cleared by {@link #zeroGrad}). */
public final class Param {
    public final String name;
    public final INDArray value;
    public final INDArray grad;

    public Param(String name, INDArray value) {
        this.name = name;
        this.value = value;
        this.grad = value.ulike();
        this.grad.assign(0);
    }

    public void zeroGrad() {
        grad.assign(0);
    }

    private int version;

    /**
     * Call after changing {@link #value} (optimiser steps, restores, re-initialisation): layers that keep a Java
     * copy of their weights for sparse products ({@link Linear}) take a fresh one when the version moved.
     */
    public void changed() {
        version++;
    }

    public int version() {
        return version;
    }
}
