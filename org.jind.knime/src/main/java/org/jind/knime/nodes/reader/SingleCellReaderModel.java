package org.jind.knime.nodes.reader;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.jind.core.data.DatasetInfo;
import org.jind.knime.logic.ModelSummary;
import org.jind.knime.logic.OutputColumn;
import org.jind.knime.logic.SingleCellRead;
import org.jind.knime.nodes.KnimeProgress;
import org.jind.knime.nodes.KnimeTables;
import org.jind.knime.nodes.ModelInput;
import org.jind.knime.nodes.ModernNodes;
import org.jind.knime.port.JindModelPortObject;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomainCreator;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.KNIMEException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.util.FileUtil;
import org.knime.node.DefaultModel.ConfigureInput;
import org.knime.node.DefaultModel.ConfigureOutput;
import org.knime.node.DefaultModel.ExecuteInput;
import org.knime.node.DefaultModel.ExecuteOutput;

/**
 * Single-Cell Reader's configure and execute: a file in (and optionally a JIND model whose genes to read), a table
 * of cells out. Configure publishes the columns from the file's metadata alone; they are unknown (null spec) only
 * for the most variable genes, which depend on the data, and for a model whose genes are not known yet (not
 * trained).
 */
final class SingleCellReaderModel {
    /**
     * The metadata of the last file configured (by any Reader), so that configuring again does not re-read an
     * unchanged file; keyed by path, modification time and size.
     */
    private static final AtomicReference<CachedInfo> CACHE = new AtomicReference<>();

    private record CachedInfo(String key, DatasetInfo info) {
    }

    private SingleCellReaderModel() {
    }

    static void configure(ConfigureInput in, ConfigureOutput out) throws InvalidSettingsException {
        ModernNodes.adviseBlasOnce();
        SingleCellReaderParameters s = in.getParameters();
        Path file = file(s);
        SingleCellRead.Options options = s.options();
        DatasetInfo info = info(file, options);
        PortObjectSpec modelSpec = in.getInPortSpec(0);
        String[] modelGenes = null;
        if (modelSpec != null) {
            ModelSummary model = ModelInput.summary(modelSpec);
            modelGenes = model.genesKnown() ? model.genes() : null;
        }
        boolean connected = modelSpec != null;
        String[] genes = modelGenes;
        SingleCellRead.Plan plan = ModernNodes.check(() -> SingleCellRead.plan(info, options, connected, genes));
        ModernNodes.warn(out::setWarningMessage, plan.warnings());
        List<OutputColumn> columns = plan.columns();
        out.setOutSpec(0, columns == null ? null : spec(columns, SingleCellRead.annotationValues(info, options)));
    }

    static void execute(ExecuteInput in, ExecuteOutput out) throws CanceledExecutionException, KNIMEException {
        ModernNodes.execute(() -> {
            SingleCellReaderParameters s = in.getParameters();
            ExecutionContext exec = in.getExecutionContext();
            Path file = file(s);
            SingleCellRead.Options options = s.options();
            // afresh: the file may have changed
            DatasetInfo info = ModernNodes.check(() -> SingleCellRead.info(file, options));
            PortObject model = in.getInPortObject(0);
            String[] modelGenes = model == null ? null
                    : ((JindModelPortObject) model).anyModel().plan.selectedGenes();
            SingleCellRead.Plan plan = ModernNodes.check(() -> SingleCellRead.plan(info, options, model != null,
                    modelGenes));
            KnimeProgress progress = new KnimeProgress(exec);
            // the core's cancellation (between chunks of cells) becomes KNIME's
            SingleCellRead.Reading reading = KnimeProgress.run(() -> SingleCellRead.open(file, info, options, plan,
                    progress.range(0, 0.5)));
            BufferedDataContainer table = exec.createDataContainer(spec(reading.columns(),
                    SingleCellRead.annotationValues(info, options)));
            KnimeProgress.run(() -> reading.write((id, annotations, genes) -> {
                DataCell[] cells = new DataCell[annotations.length + genes.length];
                for (int c = 0; c < annotations.length; c++) {
                    cells[c] = KnimeTables.cell(annotations[c]);
                }
                for (int g = 0; g < genes.length; g++) {
                    cells[annotations.length + g] = new DoubleCell(genes[g]);
                }
                table.addRowToTable(new DefaultRow(id, cells));
            }, progress.range(0.5, 1)));
            table.close();
            ModernNodes.warn(out::setWarningMessage, plan.warnings());
            out.setOutData(0, table.getTable());
        });
    }

    /**
     * The table spec; text annotation columns list their possible values (the kept batches' values) in their
     * domain, so the nodes after this one know, e.g., the cell types before anything runs.
     */
    private static DataTableSpec spec(List<OutputColumn> columns, List<List<String>> annotationValues) {
        DataColumnSpec[] specs = KnimeTables.columnSpecs(columns);
        for (int i = 0; i < annotationValues.size(); i++) {
            if (!annotationValues.get(i).isEmpty()) {
                Set<DataCell> values = new LinkedHashSet<>();
                annotationValues.get(i).forEach(v -> values.add(new StringCell(v)));
                DataColumnSpecCreator c = new DataColumnSpecCreator(columns.get(i).name(), StringCell.TYPE);
                c.setDomain(new DataColumnDomainCreator(values).createDomain());
                specs[i] = c.createSpec();
            }
        }
        return new DataTableSpec(specs);
    }

    /** The chosen location as a local path: a path, a file URL or a KNIME URL such as knime://knime.workflow/…. */
    private static Path file(SingleCellReaderParameters s) throws InvalidSettingsException {
        String location = s.file.strip();
        if (location.isEmpty()) {
            throw new InvalidSettingsException("'" + SingleCellRead.FILE + "' is empty; choose an AnnData .h5ad file,"
                    + " a 10x folder (or its matrix.mtx) or a CSV/TSV file.");
        }
        Path p;
        try {
            p = FileUtil.resolveToPath(FileUtil.toURL(location));
        } catch (IOException | URISyntaxException | InvalidPathException e) {
            throw new InvalidSettingsException("'" + SingleCellRead.FILE + "' is '" + location
                    + "', which is not a valid path or URL (" + e.getMessage() + ").");
        }
        if (p == null) {
            throw new InvalidSettingsException("'" + SingleCellRead.FILE + "' is '" + location
                    + "', which is not a local file; copy the file to this machine or the workflow's data folder.");
        }
        return SingleCellRead.dataPath(p);
    }

    private static DatasetInfo info(Path file, SingleCellRead.Options options) throws InvalidSettingsException {
        String key;
        try {
            key = file + "|" + Files.getLastModifiedTime(file) + "|" + Files.size(file) + "|" + options.matrix();
        } catch (IOException e) {
            key = null; // the reader names the problem
        }
        CachedInfo cached = CACHE.get();
        if (key != null && cached != null && key.equals(cached.key())) {
            return cached.info();
        }
        DatasetInfo info = ModernNodes.check(() -> SingleCellRead.info(file, options));
        CACHE.set(new CachedInfo(key, info));
        return info;
    }
}
