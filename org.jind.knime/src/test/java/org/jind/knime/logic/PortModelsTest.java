package org.jind.knime.logic;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.jind.core.JindException;
import org.jind.core.model.AlignedModel;
import org.jind.core.model.BatchModels;
import org.junit.Test;

/** What a model port carries: one model (the layout of ports saved before batches), or one model per batch. */
public class PortModelsTest {

    private static byte[] zip(PortModels m) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("meta.xml")); // KNIME writes its own entry first
            out.write("<meta/>".getBytes());
            m.write(out);
        }
        return bytes.toByteArray();
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static PortModels read(byte[] zip, String column, List<String> batches) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            in.getNextEntry();
            return PortModels.read(in, column, batches);
        }
    }

    @Test
    public void aPortSavedBeforeBatchesLoadsAsOneModel() throws IOException {
        byte[] file = TinyJind.aligned().toBytes();
        // the layout the port wrote before batches existed: KNIME's entry, then model.jind
        ByteArrayOutputStream old = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(old)) {
            out.putNextEntry(new ZipEntry("meta.xml"));
            out.write("<meta/>".getBytes());
            out.putNextEntry(new ZipEntry(ModelPayload.ENTRY));
            out.write(file);
        }
        PortModels back = read(old.toByteArray(), null, null);
        assertFalse(back.hasBatches());
        assertArrayEquals(file, back.single("the port"));
        assertArrayEquals(file, back.any());
        assertEquals(List.of("meta.xml", ModelPayload.ENTRY), entries(zip(back)));
    }

    @Test
    public void oneModelPerBatchRoundTripsAndEachBatchGetsItsOwn() throws IOException {
        AlignedModel a = (AlignedModel) TinyJind.aligned();
        byte[] b1 = BatchModels.named(a, "donor", "d 1").toBytes();
        byte[] b2 = BatchModels.named(a, "donor", "d/2").toBytes();
        PortModels m = PortModels.perBatch("donor", List.of("d 1", "d/2"), List.of(b1, b2));
        byte[] zip = zip(m);
        assertEquals(List.of("meta.xml", "batch-1.jind", "batch-2.jind"), entries(zip));
        PortModels back = read(zip, "donor", List.of("d 1", "d/2"));
        assertTrue(back.hasBatches());
        assertEquals("donor", back.batchColumn());
        assertEquals(List.of("d 1", "d/2"), back.batches());
        assertArrayEquals(b1, back.forBatch("d 1", "the port"));
        assertArrayEquals(b2, back.forBatch("d/2", "the port"));
        JindException none = assertThrows(JindException.class, () -> back.forBatch("d3", "the port"));
        assertEquals("The port has no model aligned to batch 'd3' of column 'donor' (it holds d 1, d/2); align"
                + " that batch too, or filter its rows out.", none.getMessage());
        JindException single = assertThrows(JindException.class, () -> back.single("the port"));
        assertTrue(single.getMessage(), single.getMessage().startsWith("The port holds one model per batch of"
                + " column 'donor' (d 1, d/2)"));
    }

    @Test
    public void aSavedPortWhoseModelRecordsAnotherBatchIsRefused() throws IOException {
        AlignedModel a = (AlignedModel) TinyJind.aligned();
        byte[] zip = zip(PortModels.perBatch("donor", List.of("d1", "d2"), List.of(
                BatchModels.named(a, "donor", "d1").toBytes(), BatchModels.named(a, "donor", "d2").toBytes())));
        IOException swapped = assertThrows(IOException.class, () -> read(zip, "donor", List.of("d2", "d1")));
        assertEquals("The saved JIND model port holds for batch 'd2' a model aligned to batch 'd1'.",
                swapped.getMessage());
        IOException missing = assertThrows(IOException.class, () -> read(zip, "donor", List.of("d1", "d2", "d3")));
        assertEquals("The saved JIND model port lacks the model of batch 'd3' ('batch-3.jind').", missing.getMessage());
    }
}
