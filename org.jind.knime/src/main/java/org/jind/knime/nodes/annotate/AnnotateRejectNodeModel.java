package org.jind.knime.nodes.annotate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.jind.core.model.JindModel;
import org.jind.core.util.Plural;
import org.jind.knime.logic.AnnotateOutput;
import org.jind.knime.logic.BatchedAnnotator;
import org.jind.knime.logic.ColumnInfo;
import org.jind.knime.logic.GeneColumns;
import org.jind.knime.logic.MissingValuePolicy;
import org.jind.knime.logic.ModelChecks;
import org.jind.knime.logic.ModelSummary;
import org.jind.knime.logic.OutputColumn;
import org.jind.knime.logic.StreamingAnnotator;
import org.jind.knime.nodes.KnimeProgress;
import org.jind.knime.nodes.KnimeTables;
import org.jind.knime.nodes.ModelInput;
import org.jind.knime.nodes.ModernNodes;
import org.jind.knime.port.JindModelPortObject;
import org.jind.knime.port.JindModelPortObjectSpec;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.streamable.InputPortRole;
import org.knime.core.node.streamable.OutputPortRole;
import org.knime.core.node.streamable.PartitionInfo;
import org.knime.core.node.streamable.PortInput;
import org.knime.core.node.streamable.PortObjectInput;
import org.knime.core.node.streamable.PortOutput;
import org.knime.core.node.streamable.RowInput;
import org.knime.core.node.streamable.RowOutput;
import org.knime.core.node.streamable.StreamableOperator;
import org.knime.core.webui.node.impl.WebUINodeConfiguration;
import org.knime.core.webui.node.impl.WebUINodeModel;

/**
 * Annotate &amp; Reject: a model of any stage and a table in; the same table (every row and column, in order)
 * with the annotation columns appended out. Warns when an aligned model meets another batch. Streamable: the
 * table is read, annotated and written {@link StreamingAnnotator#CHUNK_ROWS} rows at a time, by execute and by
 * KNIME's streaming executor alike (the same code, so the same rows).
 */
@SuppressWarnings("deprecation") // WebUINodeModel: deprecated for DefaultNode since 5.6, which cannot stream
final class AnnotateRejectNodeModel extends WebUINodeModel<AnnotateRejectParameters> {

    AnnotateRejectNodeModel(WebUINodeConfiguration configuration) {
        super(configuration, AnnotateRejectParameters.class);
        ModernNodes.adviseBlasOnce();
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs, AnnotateRejectParameters s)
            throws InvalidSettingsException {
        ModelSummary model = ModelInput.summary(inSpecs[0]);
        DataTableSpec table = ModernNodes.input(inSpecs[1], DataTableSpec.class, "table");
        s.theta();
        List<ColumnInfo> columns = KnimeTables.columns(table);
        JindModelPortObjectSpec port = (JindModelPortObjectSpec) inSpecs[0];
        String batchColumn = batchColumn(port, s);
        if (batchColumn != null) {
            // a batch of the table's column domain the port has no model for is refused now, by name
            port.requireModelsFor(ModelInput.checkBatchColumn(batchColumn, columns, model));
        }
        ModernNodes.warn(this::setWarningMessage, ModelInput.checkGenes(model, columns, s.fillAbsentGenes),
                ignoredBatchColumn(port.hasBatches(), s));
        // unknown cell types (the label column had no domain) mean unknown probability columns: "not yet"
        return new PortObjectSpec[] {outputSpec(table, model, s)};
    }

    /**
     * The table column naming each cell's batch when the port holds one model per batch: the option's, or when it
     * is blank the column the models were aligned by (its name at Align Batch); null for a port with one model.
     */
    private static String batchColumn(JindModelPortObjectSpec port, AnnotateRejectParameters s) {
        if (!port.hasBatches()) {
            return null;
        }
        return s.batchColumn.isBlank() ? port.batchColumn() : s.batchColumn.strip();
    }

    /** The warning that a batch column is set for a port with one model (all cells get that model), or null. */
    private static String ignoredBatchColumn(boolean portHasBatches, AnnotateRejectParameters s) {
        return portHasBatches || s.batchColumn.isBlank() ? null : "'" + AnnotateRejectParameters.BATCH_COLUMN
                + "' is '" + s.batchColumn.strip() + "', but the JIND model at the input port is one model for all"
                + " cells, so every cell is annotated with it.";
    }

    /** The input table's columns and the appended ones, or null while the appended ones are not known. */
    private static DataTableSpec outputSpec(DataTableSpec table, ModelSummary model, AnnotateRejectParameters s)
            throws InvalidSettingsException {
        List<String> existing = KnimeTables.names(KnimeTables.columns(table));
        AnnotateOutput.Names names = s.names();
        List<OutputColumn> columns = ModernNodes.check(() -> AnnotateOutput.columns(existing, model, names,
                s.appendProbabilities, s.appendLatent));
        return columns == null ? null : new DataTableSpec(table, KnimeTables.spec(columns));
    }

    @Override
    protected PortObject[] execute(PortObject[] in, ExecutionContext exec, AnnotateRejectParameters s)
            throws Exception {
        JindModelPortObject port = (JindModelPortObject) in[0];
        BufferedDataTable table = (BufferedDataTable) in[1];
        DataTableSpec spec = table.getDataTableSpec();
        BufferedDataContainer out = exec.createDataContainer(outputSpec(spec, ModelSummary.of(port.anyModel()), s));
        try (CloseableRowIterator rows = table.iterator()) {
            annotate(s, port, spec, () -> rows.hasNext() ? rows.next() : null, out::addRowToTable, table.size(),
                    true, exec);
        } finally {
            out.close();
        }
        return new PortObject[] {out.getTable()};
    }

    @Override
    public InputPortRole[] getInputPortRoles() {
        // the model is needed whole before the first row; the rows can come in a stream and in partitions
        return new InputPortRole[] {InputPortRole.NONDISTRIBUTED_NONSTREAMABLE, InputPortRole.DISTRIBUTED_STREAMABLE};
    }

    @Override
    public OutputPortRole[] getOutputPortRoles() {
        return new OutputPortRole[] {OutputPortRole.DISTRIBUTED};
    }

    @Override
    protected StreamableOperator createStreamableOperator(PartitionInfo partitionInfo, PortObjectSpec[] inSpecs,
            AnnotateRejectParameters s) throws InvalidSettingsException {
        DataTableSpec spec = ModernNodes.input(inSpecs[1], DataTableSpec.class, "table");
        // a partition holds part of the cells: it cannot tell whether they are the batch a model was aligned to
        boolean wholeTable = partitionInfo.getPartitionCount() <= 1;
        // the streamed rows must have the columns configure announced, which came from the model's spec
        ModelSummary announced = ModelInput.summary(inSpecs[0]);
        return new StreamableOperator() {
            @Override
            public void runFinal(PortInput[] inputs, PortOutput[] outputs, ExecutionContext exec) throws Exception {
                JindModelPortObject port = (JindModelPortObject) ((PortObjectInput) inputs[0]).getPortObject();
                if (s.appendProbabilities) {
                    ModernNodes.check(() -> {
                        ModelChecks.requireAnnouncedCellTypes(announced, ModelSummary.of(port.anyModel()));
                        return null;
                    });
                }
                RowInput rows = (RowInput) inputs[1];
                RowOutput out = (RowOutput) outputs[0];
                annotate(s, port, spec, rows::poll, out::push, -1, wholeTable, exec);
                rows.close();
                out.close();
            }
        };
    }

    /** Where rows come from: the next row, or null after the last. */
    @FunctionalInterface
    private interface Rows {
        DataRow next() throws InterruptedException;
    }

    /** Where the output rows go. */
    @FunctionalInterface
    private interface Output {
        void push(DataRow row) throws InterruptedException;
    }

    /**
     * Reads, annotates and writes the rows chunk by chunk; {@code rowCount} is -1 when unknown (streaming),
     * {@code wholeTable} false in one partition of a distributed run. Execute and the streaming operator both run
     * this.
     */
    private void annotate(AnnotateRejectParameters s, JindModelPortObject port, DataTableSpec spec, Rows in,
            Output out, long rowCount, boolean wholeTable, ExecutionContext exec) throws Exception {
        double theta = s.theta();
        MissingValuePolicy policy = s.missingValuePolicy();
        boolean fill = s.fillAbsentGenes;
        List<ColumnInfo> columns = KnimeTables.columns(spec);
        // the batches' models share genes and cell types: one gene match for all
        JindModel shared = port.anyModel();
        List<String> warnings = new ArrayList<>();
        warnings.add(ModelInput.checkGenes(ModelSummary.of(shared), columns, fill));
        warnings.add(ignoredBatchColumn(port.hasBatches(), s));
        GeneColumns.ForModel genes = GeneColumns.readForModel(columns, shared);
        String batchColumn = batchColumn(port.getSpec(), s);
        int batchIndex = -1;
        if (batchColumn != null) {
            ModelInput.checkBatchColumn(batchColumn, columns, ModelSummary.of(shared));
            batchIndex = KnimeTables.names(columns).indexOf(batchColumn);
        }
        BatchedAnnotator annotator = new BatchedAnnotator(batch -> new StreamingAnnotator(
                batch == null ? shared : port.modelFor(batch), genes.names(), theta, policy, s.appendProbabilities,
                s.appendLatent, StreamingAnnotator.CHUNK_ROWS, wholeTable), batchColumn, StreamingAnnotator.CHUNK_ROWS);
        KnimeProgress progress = new KnimeProgress(exec);
        Deque<DataRow> pending = new ArrayDeque<>();
        double[] values = new double[genes.names().length]; // absent genes stay 0
        for (DataRow row = in.next(); row != null; row = in.next()) {
            KnimeTables.geneValues(row, genes.columns(), values);
            pending.add(row);
            String id = row.getKey().getString();
            String batch = batchIndex < 0 ? null : batchOf(row.getCell(batchIndex));
            if (ModernNodes.check(() -> annotator.add(id, batch, values))) {
                KnimeProgress.checkCanceled(progress);
                write(ModernNodes.check(annotator::annotateChunk), pending, out);
                progress.progress(rowCount > 0 ? (double) annotator.cells() / rowCount : 0,
                        "Annotated " + Plural.of(annotator.cells(), "cell"));
            }
        }
        write(ModernNodes.check(annotator::annotateChunk), pending, out);
        warnings.addAll(annotator.warnings());
        ModernNodes.warn(this::setWarningMessage, warnings);
    }

    private static String batchOf(DataCell cell) {
        return cell.isMissing() ? null : ((StringValue) cell).getStringValue();
    }

    /** Writes each pending input row with its appended values. */
    private static void write(Object[][] appended, Deque<DataRow> pending, Output out) throws InterruptedException {
        for (Object[] values : appended) {
            DataRow row = pending.removeFirst();
            DataCell[] cells = new DataCell[row.getNumCells() + values.length];
            for (int c = 0; c < row.getNumCells(); c++) {
                cells[c] = row.getCell(c);
            }
            DataCell[] added = KnimeTables.cells(values);
            System.arraycopy(added, 0, cells, row.getNumCells(), added.length);
            out.push(new DefaultRow(row.getKey(), cells));
        }
    }
}
