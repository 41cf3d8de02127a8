package org.jind.knime.nodes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jind.core.data.Dataset;
import org.jind.knime.logic.ColumnInfo;
import org.jind.knime.logic.DatasetBuilder;
import org.jind.knime.logic.MissingValuePolicy;
import org.jind.knime.logic.OutputColumn;
import org.jind.knime.logic.ProgressSink;
import org.jind.knime.logic.ResultTable;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomain;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;

/** The only place where KNIME tables meet the logic's plain Java values, in both directions. */
public final class KnimeTables {
    private static final int CANCEL_CHECK_ROWS = 256;

    private KnimeTables() {
    }

    /**
     * Name and kind of every column, and for string columns the possible values their domain lists; numbers
     * first, since int and long columns are DoubleValues too.
     */
    public static List<ColumnInfo> columns(DataTableSpec spec) {
        List<ColumnInfo> out = new ArrayList<>();
        for (int i = 0; i < spec.getNumColumns(); i++) {
            DataColumnSpec c = spec.getColumnSpec(i);
            DataType t = c.getType();
            ColumnInfo.Kind kind = t.isCompatible(DoubleValue.class) ? ColumnInfo.Kind.NUMERIC
                    : t.isCompatible(StringValue.class) ? ColumnInfo.Kind.STRING : ColumnInfo.Kind.OTHER;
            out.add(new ColumnInfo(c.getName(), kind, kind == ColumnInfo.Kind.STRING ? possibleValues(c) : null));
        }
        return out;
    }

    /** The string values the column's domain lists, or null when it lists none. */
    private static List<String> possibleValues(DataColumnSpec c) {
        DataColumnDomain domain = c.getDomain();
        if (domain == null || !domain.hasValues()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (DataCell v : domain.getValues()) {
            if (!v.isMissing() && v instanceof StringValue s) {
                values.add(s.getStringValue());
            }
        }
        return values;
    }

    public static List<String> names(List<ColumnInfo> columns) {
        return columns.stream().map(ColumnInfo::name).toList();
    }

    public static DataColumnSpec[] columnSpecs(List<OutputColumn> columns) {
        DataColumnSpec[] specs = new DataColumnSpec[columns.size()];
        for (int i = 0; i < specs.length; i++) {
            specs[i] = new DataColumnSpecCreator(columns.get(i).name(), type(columns.get(i).kind())).createSpec();
        }
        return specs;
    }

    public static DataTableSpec spec(List<OutputColumn> columns) {
        return new DataTableSpec(columnSpecs(columns));
    }

    static DataType type(OutputColumn.Kind kind) {
        return switch (kind) {
            case STRING -> StringCell.TYPE;
            case DOUBLE -> DoubleCell.TYPE;
            case INT -> IntCell.TYPE;
            case BOOLEAN -> BooleanCell.TYPE;
        };
    }

    /** A cell for a logic value: null and NaN become missing cells. */
    public static DataCell cell(Object value) {
        if (value == null || (value instanceof Double d && d.isNaN())) {
            return DataType.getMissingCell();
        }
        if (value instanceof String s) {
            return new StringCell(s);
        }
        if (value instanceof Double d) {
            return new DoubleCell(d);
        }
        if (value instanceof Integer i) {
            return new IntCell(i);
        }
        if (value instanceof Boolean b) {
            return BooleanCell.get(b);
        }
        throw new IllegalArgumentException("no KNIME cell for " + value.getClass());
    }

    public static DataCell[] cells(Object[] values) {
        return Arrays.stream(values).map(KnimeTables::cell).toArray(DataCell[]::new);
    }

    public static BufferedDataTable write(ResultTable table, ExecutionContext exec) {
        BufferedDataContainer out = exec.createDataContainer(spec(table.columns()));
        for (ResultTable.Row r : table.rows()) {
            out.addRowToTable(new DefaultRow(r.id(), cells(r.values())));
        }
        out.close();
        return out.getTable();
    }

    /**
     * Reads a table into the core's Dataset: RowIDs become cell ids, the given numeric columns genes, and the
     * given string columns annotations. Missing gene cells follow {@code policy}. {@code genes} names the gene
     * columns and may go on with genes absent from the table, which are read as 0 in every cell.
     */
    public static DatasetBuilder read(BufferedDataTable table, int[] geneColumns, String[] genes, int[] obsColumns,
            String[] obsKeys, MissingValuePolicy policy, ProgressSink progress) throws CanceledExecutionException {
        DatasetBuilder b = new DatasetBuilder(genes, obsKeys, policy, "the input table");
        long rows = Math.max(1, table.size());
        double[] values = new double[genes.length]; // beyond geneColumns.length: absent genes, always 0
        String[] obs = new String[obsColumns.length];
        long i = 0;
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                DataRow row = it.next();
                geneValues(row, geneColumns, values);
                for (int k = 0; k < obsColumns.length; k++) {
                    DataCell c = row.getCell(obsColumns[k]);
                    obs[k] = c.isMissing() ? null : ((StringValue) c).getStringValue();
                }
                b.addRow(row.getKey().getString(), values, obs);
                if (++i % CANCEL_CHECK_ROWS == 0) {
                    KnimeProgress.checkCanceled(progress);
                    progress.progress((double) i / rows, "Reading row " + i + " of " + rows);
                }
            }
        }
        return b;
    }

    /** The row's values in {@code geneColumns} into the start of {@code values}; NaN for missing cells. */
    public static void geneValues(DataRow row, int[] geneColumns, double[] values) {
        for (int j = 0; j < geneColumns.length; j++) {
            DataCell c = row.getCell(geneColumns[j]);
            values[j] = c.isMissing() ? Double.NaN : ((DoubleValue) c).getDoubleValue();
        }
    }

    /** Convenience for nodes that need the Dataset only (and a warning if missing values became 0). */
    public static Dataset readDataset(BufferedDataTable table, int[] geneColumns, String[] genes, int[] obsColumns,
            String[] obsKeys, MissingValuePolicy policy, ProgressSink progress, List<String> warnings)
            throws CanceledExecutionException {
        DatasetBuilder b = read(table, geneColumns, genes, obsColumns, obsKeys, policy, progress);
        warnings.add(b.missingValueWarning());
        return b.build();
    }

    /** The given string columns of every row (null for missing cells), column by column. */
    public static String[][] readStrings(BufferedDataTable table, int[] columns, ProgressSink progress)
            throws CanceledExecutionException {
        int n = Math.toIntExact(table.size());
        String[][] out = new String[columns.length][n];
        int i = 0;
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                DataRow row = it.next();
                for (int k = 0; k < columns.length; k++) {
                    DataCell c = row.getCell(columns[k]);
                    out[k][i] = c.isMissing() ? null : ((StringValue) c).getStringValue();
                }
                if (++i % CANCEL_CHECK_ROWS == 0) {
                    KnimeProgress.checkCanceled(progress);
                    progress.progress((double) i / n, "Reading row " + i + " of " + n);
                }
            }
        }
        return out;
    }
}
