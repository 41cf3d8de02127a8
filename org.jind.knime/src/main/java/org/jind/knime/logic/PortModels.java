package org.jind.knime.logic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.jind.core.JindException;
import org.jind.core.model.BatchModels;
import org.jind.core.model.JindModel;

/**
 * What one model port carries: one model, or one model per batch of a batch column (Align Batch with a
 * <i>Batch column</i>). Each is an ordinary model file (as the command line writes them, see {@link BatchModels}),
 * kept as bytes. In the port's zip the single model is the entry {@value ModelPayload#ENTRY}, as ports saved before
 * batches existed hold it; the models of batches are the entries {@code batch-1.jind}, {@code batch-2.jind}, … in
 * the batches' order, whose names travel in the port spec (batch names may hold any character, entry names not).
 */
public final class PortModels {
    private static final String BATCH_ENTRY = "batch-%d.jind";

    private final String batchColumn;
    private final Map<String, byte[]> byBatch;
    private final byte[] single;

    private PortModels(String batchColumn, Map<String, byte[]> byBatch, byte[] single) {
        this.batchColumn = batchColumn;
        this.byBatch = byBatch;
        this.single = single;
    }

    /** One model for every cell (takes ownership of the bytes: models can be tens of megabytes). */
    public static PortModels single(byte[] modelFile) {
        return new PortModels(null, Map.of(), Objects.requireNonNull(modelFile));
    }

    /** One model per batch of {@code batchColumn}, in the order given (at least one batch). */
    public static PortModels perBatch(String batchColumn, List<String> batches, List<byte[]> modelFiles) {
        if (batches.isEmpty() || batches.size() != modelFiles.size()) {
            throw new IllegalArgumentException(batches.size() + " batches, " + modelFiles.size() + " models");
        }
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < batches.size(); i++) {
            if (m.put(batches.get(i), Objects.requireNonNull(modelFiles.get(i))) != null) {
                throw new IllegalArgumentException("batch " + batches.get(i) + " twice");
            }
        }
        return new PortModels(Objects.requireNonNull(batchColumn), m, null);
    }

    public boolean hasBatches() {
        return batchColumn != null;
    }

    /** The column whose values name the batches, or null for a single model. */
    public String batchColumn() {
        return batchColumn;
    }

    /** The batches in their order; empty for a single model. */
    public List<String> batches() {
        return List.copyOf(byBatch.keySet());
    }

    /** The single model's file; refuses a port with one model per batch (it has no model for all cells). */
    public byte[] single(String what) {
        if (single == null) {
            throw new JindException(capitalised(what) + " holds one model per batch of column '" + batchColumn + "' ("
                    + String.join(", ", byBatch.keySet()) + "), not one model for all cells; pick a batch's model.");
        }
        return single;
    }

    /** The model file of {@code batch}; refuses a batch without one by name (never another batch's model). */
    public byte[] forBatch(String batch, String what) {
        byte[] f = byBatch.get(batch);
        if (f == null) {
            throw new JindException(noModelFor(what, batch, batchColumn, byBatch.keySet()));
        }
        return f;
    }

    /** The sentence refusing {@code batch}, which {@code what} (holding {@code held}) has no model for. */
    public static String noModelFor(String what, String batch, String batchColumn, Collection<String> held) {
        return capitalised(what) + " has no model aligned to batch '" + batch + "' of column '" + batchColumn
                + "' (it holds " + String.join(", ", held) + "); align that batch too, or filter its rows out.";
    }

    /** The single model's file or the first batch's: what all of them share (genes, cell types, training). */
    public byte[] any() {
        return single != null ? single : byBatch.values().iterator().next();
    }

    /** Writes the zip entries; the stream stays open (KNIME owns it). */
    public void write(ZipOutputStream out) throws IOException {
        if (single != null) {
            out.putNextEntry(new ZipEntry(ModelPayload.ENTRY));
            ModelPayload.write(out, single);
            return;
        }
        int i = 0;
        for (byte[] f : byBatch.values()) {
            out.putNextEntry(new ZipEntry(String.format(BATCH_ENTRY, ++i)));
            ModelPayload.write(out, f);
        }
    }

    /**
     * Reads what {@link #write} wrote, given what the port spec says: no batch column (a single model; also every
     * port saved before batches existed), or the batch column and its batches. Each batch's file must record that
     * batch, so a damaged or hand-edited workflow cannot hand a batch another one's model.
     */
    public static PortModels read(ZipInputStream in, String batchColumn, List<String> batches) throws IOException {
        if (batchColumn == null) {
            ZipEntry e = in.getNextEntry();
            if (e == null || !ModelPayload.ENTRY.equals(e.getName())) {
                throw new IOException("The saved JIND model port holds no model file ('" + ModelPayload.ENTRY
                        + "').");
            }
            return single(ModelPayload.read(in, "the saved JIND model"));
        }
        if (batches == null || batches.isEmpty()) {
            throw new IOException("The saved JIND model port names batch column '" + batchColumn + "' but no batches.");
        }
        List<byte[]> files = new ArrayList<>();
        for (int i = 1; i <= batches.size(); i++) {
            String name = String.format(BATCH_ENTRY, i);
            String batch = batches.get(i - 1);
            ZipEntry e = in.getNextEntry();
            if (e == null || !name.equals(e.getName())) {
                throw new IOException("The saved JIND model port lacks the model of batch '" + batch + "' ('" + name
                        + "').");
            }
            byte[] f = ModelPayload.read(in, "the saved JIND model of batch '" + batch + "'");
            String recorded = BatchModels.batchOf(JindModel.fromBytes(f, "the saved JIND model of batch '" + batch
                    + "'"));
            if (!batch.equals(recorded)) {
                throw new IOException("The saved JIND model port holds for batch '" + batch + "' a model aligned to "
                        + (recorded == null ? "no named batch" : "batch '" + recorded + "'") + ".");
            }
            files.add(f);
        }
        return perBatch(batchColumn, batches, files);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
