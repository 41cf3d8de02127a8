package org.jind.core.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.jind.core.JindException;
import org.jind.core.Progress;

/** {@code jind <command> [options]}: the command-line program over the JIND core. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns the exit code: 0 success, 2 bad input or usage, 1 internal error, 130 cancelled. */
    public static int run(String[] args) {
        System.setOut(new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8));
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            System.out.print(usage());
            return args.length == 0 ? JindException.BAD_INPUT : 0;
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            Commands.dispatch(args[0], rest);
            return 0;
        } catch (JindException e) {
            System.err.println("error: " + e.getMessage());
            return e.exitCode();
        } catch (Progress.CancelledException e) {
            System.err.println("cancelled; nothing was written");
            return 130;
        } catch (RuntimeException e) {
            // a bug, not a user mistake: one line, the details only when asked for
            System.err.println("error: internal error (" + org.jind.core.util.Errors.describe(e) + "); please report it."
                    + " Set JIND_DEBUG=1 for the stack trace.");
            if (System.getenv("JIND_DEBUG") != null) {
                e.printStackTrace();
            }
            return 1;
        } catch (OutOfMemoryError e) {
            System.err.println("error: out of memory; give Java more heap (JAVA_OPTS=-Xmx16g ./jind …) or use fewer genes (--genes).");
            return 1;
        }
    }

    static String usage() {
        return """
                JIND: automated cell-type annotation for single-cell RNA-seq, with batch alignment and rejection.

                Usage: ./jind <command> [options]      (./jind <command> --help for its options)

                Commands:
                  train      train a model on an annotated source batch
                  align      align a target batch onto the model's latent space (adversarial generator)
                  selftrain  JIND+: refine an aligned model on its confident target predictions
                  annotate   predict cell types of a batch, rejecting unsure cells as Unassigned
                  evaluate   score a model on a labelled batch (accuracy, rejection, F1, confusion)
                  run        the whole pipeline (train, align, selftrain) on a source and a target
                  simulate   write simulated single-cell counts (.h5ad) with cell types and batches
                  demo       simulate two batches, train on one, annotate and evaluate the other
                  benchmark  measure training and annotation throughput and peak heap

                Inputs: AnnData .h5ad, a 10x directory (matrix.mtx, features.tsv, barcodes.tsv) or a wide CSV/TSV
                (optionally .gz; first column cell id, one column per gene, a label column).
                """;
    }
}
