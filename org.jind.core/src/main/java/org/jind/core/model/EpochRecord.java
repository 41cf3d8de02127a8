package org.jind.core.model;

/** One epoch of classifier training, for the history kept in the model and shown to users. */
public record EpochRecord(int epoch, double trainLoss, double validationAccuracy, double learningRate) {
}
