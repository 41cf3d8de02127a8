package org.jind.knime.logic;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.jind.core.Jind;
import org.jind.core.Progress;
import org.jind.core.model.JindModel;
import org.junit.Test;

/** The model port payload round trip and the progress adapter. */
public class PayloadAndProgressTest {

    @Test
    public void payloadRoundTripsThroughAPortZipBitExactly() throws IOException {
        JindModel m = TinyJind.aligned();
        byte[] file = m.toBytes();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("meta.xml")); // KNIME writes its own entry first
            out.write("<meta/>".getBytes());
            out.putNextEntry(new ZipEntry(ModelPayload.ENTRY));
            ModelPayload.write(out, file);
        }
        byte[] back;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            in.getNextEntry();
            assertEquals(ModelPayload.ENTRY, in.getNextEntry().getName());
            back = ModelPayload.read(in, "test");
        }
        assertArrayEquals(file, back);
        JindModel loaded = JindModel.fromBytes(back, "test");
        assertEquals(ModelSummary.of(m), ModelSummary.of(loaded));
        assertArrayEquals(file, loaded.toBytes());
    }

    @Test
    public void damagedPayloadFailsOnLoadWithTheCoreSentence() throws IOException {
        byte[] file = TinyJind.trained().toBytes();
        byte[] damaged = file.clone();
        damaged[damaged.length / 2] ^= 1;
        IOException e = assertThrows(IOException.class, () -> ModelPayload.read(new ByteArrayInputStream(damaged),
                "the saved JIND model"));
        assertTrue(e.getMessage(), e.getMessage().contains("the saved JIND model"));
        assertThrows(IOException.class, () -> ModelPayload.read(new ByteArrayInputStream(Arrays.copyOf(file, 100)),
                "x"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelPayload.write(out, file);
        assertArrayEquals(file, out.toByteArray());
    }

    /** A sink recording everything, cancelling after a number of reports. */
    static final class Recorder implements ProgressSink {
        final List<Double> fractions = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        final int cancelAfter;

        Recorder(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void progress(double fraction, String message) {
            fractions.add(fraction);
            messages.add(message);
        }

        @Override
        public boolean isCancelled() {
            return messages.size() >= cancelAfter;
        }
    }

    @Test
    public void reportsAreMappedIntoTheNodesRange() {
        Recorder r = new Recorder(Integer.MAX_VALUE);
        ProgressAdapter p = new ProgressAdapter(r.range(0.1, 0.5));
        p.report("train", 0, "start");
        p.report("align", 0.5, "epoch 2  G 0.7  D 0.6");
        p.report("selftrain", 2, "beyond");
        p.report("other", -1, "before");
        double[] expected = {0.1, 0.3, 0.5, 0.1};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], r.fractions.get(i), 1e-12);
        }
        assertEquals(List.of("Training: start", "Aligning: epoch 2  G 0.7  D 0.6", "Self-training: beyond",
                "other: before"), r.messages);
        ProgressSink nested = r.range(0.5, 1).range(0, 0.5);
        nested.progress(1, "half");
        assertEquals(0.75, r.fractions.get(4), 1e-12);
    }

    @Test
    public void warningsAreKeptOnceInOrder() {
        ProgressAdapter p = new ProgressAdapter(new Recorder(Integer.MAX_VALUE));
        p.warn("b");
        p.warn("a");
        p.warn("b");
        assertEquals(List.of("b", "a"), p.warnings());
    }

    @Test
    public void cancellingStopsTrainingWithinAnEpoch() {
        Recorder r = new Recorder(1);
        ProgressAdapter p = new ProgressAdapter(r);
        assertThrows(Progress.CancelledException.class, () -> Jind.train(TinyJind.source(), TinyJind.LABEL, null,
                TinyJind.trainSettings(), p));
        // the first report comes before the first epoch, the cancel check at its start
        assertTrue(r.messages.toString(), r.messages.size() <= TinyJind.trainSettings().epochs());
    }

    @Test
    public void anAlignedModelOnAnotherBatchWarns() {
        ProgressAdapter p = new ProgressAdapter(new Recorder(Integer.MAX_VALUE));
        Jind.annotate(TinyJind.aligned(), TinyJind.source(), 0.05, false, p);
        assertEquals(1, p.warnings().size());
        assertTrue(p.warnings().get(0), p.warnings().get(0).contains("aligned to another batch"));
        ProgressAdapter same = new ProgressAdapter(new Recorder(Integer.MAX_VALUE));
        Jind.annotate(TinyJind.aligned(), TinyJind.target(), 0.05, false, same);
        assertEquals(List.of(), same.warnings());
    }
}
