package org.jind.knime.nodes.reader;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jind.core.data.DatasetInfo;
import org.jind.knime.logic.ModelSummary;
import org.jind.knime.logic.OutputColumn;
import org.jind.knime.logic.SingleCellRead;
import org.jind.knime.nodes.JindNodeModel;
import org.jind.knime.nodes.KnimeProgress;
import org.jind.knime.nodes.KnimeTables;
import org.jind.knime.nodes.ModelInput;
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
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.knime.core.util.FileUtil;

/**
 * Single-Cell Reader: a file in (and optionally a JIND model whose genes to read), a table of cells out. Configure
 * publishes the columns from the file's metadata alone; they are unknown (null spec) only for the most variable
 * genes, which depend on the data, and for a model whose genes are not known yet (not trained).
 */
final class SingleCellReaderNodeModel extends JindNodeModel {
    private final SingleCellReaderSettings s;
    /** The metadata of the last file configured, so dialogs and configure do not re-read an unchanged file. */
    private DatasetInfo cachedInfo;
    private String cachedKey;

    SingleCellReaderNodeModel() {
        this(new SingleCellReaderSettings());
    }

    private SingleCellReaderNodeModel(SingleCellReaderSettings s) {
        super(new PortType[] {PortTypeRegistry.getInstance().getPortType(JindModelPortObject.class, true)},
                new PortType[] {BufferedDataTable.TYPE}, s.all(), List.of(s.matrix));
        this.s = s;
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        Path file = file();
        SingleCellRead.Options options = check(s::options);
        DatasetInfo info = info(file, options);
        String[] modelGenes = null;
        if (inSpecs[0] != null) {
            ModelSummary model = ModelInput.summary(inSpecs[0]);
            modelGenes = model.genesKnown() ? model.genes() : null;
        }
        boolean connected = inSpecs[0] != null;
        String[] genes = modelGenes;
        SingleCellRead.Plan plan = check(() -> SingleCellRead.plan(info, options, connected, genes));
        warn(plan.warnings());
        List<OutputColumn> columns = plan.columns();
        return new PortObjectSpec[] {columns == null ? null
                : spec(columns, SingleCellRead.annotationValues(info, options))};
    }

    @Override
    protected PortObject[] execute(PortObject[] in, ExecutionContext exec) throws Exception {
        Path file = file();
        SingleCellRead.Options options = check(s::options);
        DatasetInfo info = check(() -> SingleCellRead.info(file, options)); // afresh: the file may have changed
        String[] modelGenes = in[0] == null ? null : ((JindModelPortObject) in[0]).model().plan.selectedGenes();
        SingleCellRead.Plan plan = check(() -> SingleCellRead.plan(info, options, in[0] != null, modelGenes));
        KnimeProgress progress = new KnimeProgress(exec);
        // the core's cancellation (between chunks of cells) becomes KNIME's
        SingleCellRead.Reading reading = KnimeProgress.run(() -> SingleCellRead.open(file, info, options, plan,
                progress.range(0, 0.5)));
        BufferedDataContainer out = exec.createDataContainer(spec(reading.columns(),
                SingleCellRead.annotationValues(info, options)));
        KnimeProgress.run(() -> reading.write((id, annotations, genes) -> {
            DataCell[] cells = new DataCell[annotations.length + genes.length];
            for (int c = 0; c < annotations.length; c++) {
                cells[c] = KnimeTables.cell(annotations[c]);
            }
            for (int g = 0; g < genes.length; g++) {
                cells[annotations.length + g] = new DoubleCell(genes[g]);
            }
            out.addRowToTable(new DefaultRow(id, cells));
        }, progress.range(0.5, 1)));
        out.close();
        warn(plan.warnings());
        return new PortObject[] {out.getTable()};
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
    private Path file() throws InvalidSettingsException {
        String location = s.file.getStringValue().strip();
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

    private DatasetInfo info(Path file, SingleCellRead.Options options) throws InvalidSettingsException {
        String key;
        try {
            key = file + "|" + Files.getLastModifiedTime(file) + "|" + Files.size(file) + "|" + options.matrix();
        } catch (IOException e) {
            key = null; // the reader names the problem
        }
        if (key != null && key.equals(cachedKey)) {
            return cachedInfo;
        }
        DatasetInfo info = check(() -> SingleCellRead.info(file, options));
        cachedInfo = info;
        cachedKey = key;
        return info;
    }
}
