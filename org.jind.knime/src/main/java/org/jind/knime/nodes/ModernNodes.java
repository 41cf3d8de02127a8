package org.jind.knime.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jind.core.JindException;
import org.jind.core.nn.Backend;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.KNIMEException;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.node.parameters.NodeParametersInput;
import org.knime.node.parameters.widget.choices.ColumnChoicesProvider;
import org.knime.node.parameters.widget.choices.util.ColumnSelectionUtil;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MaxValidation;

/**
 * What the JIND nodes written with KNIME's node API ({@code DefaultNodeFactory}, {@code NodeParameters}) share:
 * the core's user-facing errors as KNIME's, warnings as one message, the BLAS advice once per session.
 */
public final class ModernNodes {
    /** The closing paragraph of every JIND node's description. */
    public static final String CITATION = "<p>Part of the JIND extension. Method: Goyal M, Serrano G, Argemi J,"
            + " Shomorony I, Hernaez M, Ochoa I. <i>JIND: joint integration and discrimination for automated"
            + " single-cell annotation.</i> Bioinformatics 38(9):2488–2495, 2022.</p>";

    private static final AtomicBoolean BLAS_ADVICE_GIVEN = new AtomicBoolean();

    private ModernNodes() {
    }

    /** Logs the core's advice about a slow BLAS once per KNIME session (in its log, not on every node). */
    public static void adviseBlasOnce() {
        if (!BLAS_ADVICE_GIVEN.getAndSet(true)) {
            String advice = Backend.blasAdvice();
            if (advice != null) {
                NodeLogger.getLogger(ModernNodes.class).warn(advice);
            }
        }
    }

    /** Runs a configure-time check, turning the core's user-facing error into KNIME's configure error. */
    public static <T> T check(Check<T> check) throws InvalidSettingsException {
        try {
            return check.run();
        } catch (JindException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
    }

    /** The spec at an input port, or a sentence when the upstream node has not produced one yet. */
    public static <T> T input(PortObjectSpec spec, Class<T> type, String what) throws InvalidSettingsException {
        if (spec == null) {
            throw new InvalidSettingsException("No " + what + " at the input yet; configure or execute the node before"
                    + " this one.");
        }
        return type.cast(spec);
    }

    /** The warnings (nulls and repeats skipped) as one message, or null when there are none. */
    public static String warning(List<String> warnings) {
        List<String> shown = new ArrayList<>();
        for (String w : warnings) {
            if (w != null && !shown.contains(w)) {
                shown.add(w);
            }
        }
        return shown.isEmpty() ? null : String.join("\n", shown);
    }

    /** Shows the {@link #warning} of {@code warnings} on the node ({@code sink}: its setWarningMessage), if any. */
    public static void warn(Consumer<String> sink, List<String> warnings) {
        String shown = warning(warnings);
        if (shown != null) {
            sink.accept(shown);
        }
    }

    /** {@link #warn(Consumer, List)} of the given warnings, nulls among them skipped. */
    public static void warn(Consumer<String> sink, String... warnings) {
        warn(sink, java.util.Arrays.asList(warnings));
    }

    /**
     * Runs an execute step: a settings problem found only now, or a file that cannot be read, stops the node with
     * its sentence (KNIME's execute consumers may throw only cancellation and {@link KNIMEException}).
     */
    public static void execute(Step step) throws CanceledExecutionException, KNIMEException {
        try {
            step.run();
        } catch (CanceledExecutionException | KNIMEException e) {
            throw e;
        } catch (InvalidSettingsException | JindException e) {
            throw new KNIMEException(e.getMessage(), e);
        } catch (Exception e) {
            throw new KNIMEException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /** The option text of <i>Missing values in gene columns</i> where a model's genes are read from a table. */
    public static final String MODEL_MISSING_VALUES_TEXT = "What to do with a missing cell (or NaN) in one of the"
            + " model's gene columns: <i>Fail</i> (default) or <i>Treat as 0</i>.";

    /** The option text of <i>Treat genes absent from the table as 0</i>. */
    public static final String FILL_ABSENT_GENES_TEXT = "Without it, the node fails before running when"
            + " a gene of the model has no numeric column in the table; with it, absent genes count as not detected"
            + " and the node warns once how many are absent (listing the first ones in the model's order). Even with"
            + " it, the node refuses a table in which fewer than half of the model's genes are numeric columns (for"
            + " instance Ensembl ids against a model that knows its genes only by symbol): predictions would mean"
            + " nothing. A gene column may be named by the gene's name in the model or, when the model records both"
            + " identifiers (trained on a 10x file or on an .h5ad with a gene symbol column), by its other identifier"
            + " (symbol or Ensembl id); the node then says so in a warning.";

    /** A column option as the nodes use it: blank (none; a classic "none" was saved as null) is null. */
    public static String chosenColumn(String column) {
        return column == null || column.isBlank() ? null : column.strip();
    }

    /** A configure-time computation that may fail with a {@link JindException}. */
    @FunctionalInterface
    public interface Check<T> {
        T run();
    }

    /** An execute step. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    /** The upper bound of counts that keeps typos from starting hour-long runs. */
    public static final class AtMostMillion extends MaxValidation {
        @Override
        protected double getMax() {
            return 1_000_000;
        }
    }

    /** Epochs: a typo should not start a days-long run. */
    public static final class AtMostTenThousand extends MaxValidation {
        @Override
        protected double getMax() {
            return 10_000;
        }
    }

    /** The upper bound of how many batches run side by side. */
    public static final class AtMost1024 extends MaxValidation {
        @Override
        protected double getMax() {
            return 1024;
        }
    }

    /** The upper bound of learning rates and weight decays. */
    public static final class AtMostTen extends MaxValidation {
        @Override
        protected double getMax() {
            return 10;
        }
    }

    /** A fraction's upper bound. */
    public static final class AtMostOne extends MaxValidation {
        @Override
        protected double getMax() {
            return 1;
        }
    }

    /**
     * The string columns of the table at input port 1 (the cells beside the model at port 0), for a batch column.
     */
    public static final class CellStringColumns implements ColumnChoicesProvider {
        @Override
        public List<DataColumnSpec> columnChoices(NodeParametersInput context) {
            return ColumnSelectionUtil.getStringColumns(context, 1);
        }
    }

    /** The exclusive upper bound 1 of fractions such as θ (every value below 1 is allowed, 1 itself is not). */
    public static final class BelowOne extends MaxValidation {
        @Override
        protected double getMax() {
            return 1;
        }

        @Override
        public boolean isExclusive() {
            return true;
        }
    }
}
