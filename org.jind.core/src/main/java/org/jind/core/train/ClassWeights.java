package org.jind.core.train;

/** The spec's class weights {@code w_c = 2 / (0.01 + f_c) / K}, with f_c the fraction of cells in class c. */
public final class ClassWeights {
    private ClassWeights() {
    }

    public static double[] of(int[] labels, int classes) {
        double[] counts = new double[classes];
        for (int y : labels) {
            counts[y]++;
        }
        double[] w = new double[classes];
        for (int c = 0; c < classes; c++) {
            double f = labels.length == 0 ? 0 : counts[c] / labels.length;
            w[c] = 2.0 / (0.01 + f) / classes;
        }
        return w;
    }
}
