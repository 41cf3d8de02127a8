package org.jind.core.data;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;

/**
 * What H5adWriter writes, attribute for attribute against the AnnData on-disk specification and against the
 * h5py-written fixture {@code nullable.h5ad} (make-anndata-encodings.py) where jHDF alone cannot write the type.
 * {@code scripts/anndata-crosscheck.sh} has anndata itself read the writer's output.
 */
public class H5adWriterTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path written() throws Exception {
        Map<String, String[]> obs = new LinkedHashMap<>();
        obs.put("cell_type", new String[] {"T cell", null, "B cell"});
        Path f = tmp.getRoot().toPath().resolve("w.h5ad");
        H5adWriter.write(new Dataset(SparseMatrix.fromDense(H5adReaderTest.DENSE), H5adReaderTest.CELLS.clone(),
                H5adReaderTest.GENES.clone(), obs, "t"), f);
        return f;
    }

    private static void encoding(HdfFile h5, String path, String type, String version) {
        Node n = path.equals("/") ? h5 : h5.getByPath(path);
        assertEquals(path + " encoding-type", type, n.getAttribute("encoding-type").getData());
        assertEquals(path + " encoding-version", version, n.getAttribute("encoding-version").getData());
    }

    @Test
    public void everyElementCarriesItsEncodingAsTheSpecificationNamesIt() throws Exception {
        try (HdfFile h5 = new HdfFile(written())) {
            encoding(h5, "/", "anndata", "0.1.0");
            encoding(h5, "X", "csr_matrix", "0.1.0");
            assertArrayEquals(new long[] {3, 4}, (long[]) h5.getByPath("X").getAttribute("shape").getData());
            for (String a : new String[] {"X/data", "X/indices", "X/indptr", "obs/cell_type/codes"}) {
                encoding(h5, a, "array", "0.2.0");
            }
            encoding(h5, "obs", "dataframe", "0.2.0");
            encoding(h5, "var", "dataframe", "0.2.0");
            assertEquals("cell_id", h5.getByPath("obs").getAttribute("_index").getData());
            assertArrayEquals(new String[] {"cell_type"}, (String[]) h5.getByPath("obs").getAttribute("column-order")
                    .getData());
            encoding(h5, "obs/cell_id", "string-array", "0.2.0");
            encoding(h5, "var/gene", "string-array", "0.2.0");
            encoding(h5, "obs/cell_type", "categorical", "0.2.0");
            encoding(h5, "obs/cell_type/categories", "string-array", "0.2.0");
        }
    }

    @Test
    public void orderedIsAnHdf5BooleanLikeH5pyWritesIt() throws Exception {
        Path fixture = tmp.getRoot().toPath().resolve("nullable.h5ad");
        try (InputStream in = getClass().getResourceAsStream("nullable.h5ad")) {
            Files.copy(in, fixture);
        }
        try (HdfFile ours = new HdfFile(written()); HdfFile h5py = new HdfFile(fixture)) {
            Attribute o = ours.getByPath("obs/cell_type").getAttribute("ordered");
            Attribute p = h5py.getByPath("obs/batch").getAttribute("ordered");
            EnumDataType t = (EnumDataType) o.getDataType();
            EnumDataType h = (EnumDataType) p.getDataType();
            assertEquals(Map.of(0, "FALSE", 1, "TRUE"), t.getEnumMapping());
            assertEquals(h.getEnumMapping(), t.getEnumMapping());
            assertEquals(h.getSize(), t.getSize());
            assertEquals(1, t.getBaseType().getSize());
            assertTrue("a signed base, as numpy's bool", ((FixedPoint) t.getBaseType()).isSigned());
            assertEquals(((FixedPoint) h.getBaseType()).isSigned(), ((FixedPoint) t.getBaseType()).isSigned());
            assertEquals("scalar", 0, o.getDimensions().length);
            assertEquals(p.getData(), o.getData());
            assertEquals("FALSE", o.getData());
        }
    }

    @Test
    public void aFrameWithoutColumnsHasAnEmptyColumnOrderAsH5pyWritesAnEmptyList() throws Exception {
        try (HdfFile h5 = new HdfFile(written())) {
            Attribute order = h5.getByPath("var").getAttribute("column-order");
            assertArrayEquals(new int[] {0}, order.getDimensions());
            assertTrue(order.getDataType() instanceof FloatingPoint);
            assertEquals(8, order.getDataType().getSize());
        }
        // the same as the h5py fixture's empty column-order (zero-cells.h5ad's var)
        Path fixture = tmp.getRoot().toPath().resolve("zero-cells.h5ad");
        try (InputStream in = getClass().getResourceAsStream("zero-cells.h5ad")) {
            Files.copy(in, fixture);
        }
        try (HdfFile h5py = new HdfFile(fixture)) {
            Attribute order = h5py.getByPath("var").getAttribute("column-order");
            assertArrayEquals(new int[] {0}, order.getDimensions());
            assertTrue(order.getDataType() instanceof FloatingPoint);
            assertEquals(8, order.getDataType().getSize());
        }
    }
}
