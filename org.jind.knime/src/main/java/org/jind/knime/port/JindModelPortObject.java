package org.jind.knime.port;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JComponent;

import org.jind.core.model.JindModel;
import org.jind.knime.logic.ModelSummary;
import org.jind.knime.logic.PortModels;
import org.jind.knime.views.ModelWebView;
import org.jind.knime.views.Views;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * A JIND model on a KNIME port: the core's model file as bytes plus the {@link JindModelPortObjectSpec}; or, after
 * Align Batch or Self-train JIND+ with a <i>Batch column</i>, one model file per batch of that column
 * ({@link #modelFor}), the batches listed in the spec. Immutable: every node decodes its own copy, so one port can
 * feed several nodes.
 */
public final class JindModelPortObject extends AbstractPortObject {
    private static final String AT_PORT = "the JIND model at the input port";

    /** Registered in plugin.xml; KNIME writes a meta entry, then {@link #save}'s entries. */
    public static final class Serializer extends AbstractPortObjectSerializer<JindModelPortObject> {
    }

    private JindModelPortObjectSpec spec;
    private PortModels models;

    /** For KNIME's serializer, which creates the object empty and then calls {@link #load}. */
    public JindModelPortObject() {
    }

    /** Takes ownership of {@code modelFile} (not copied: models can be tens of megabytes). */
    public JindModelPortObject(JindModelPortObjectSpec spec, byte[] modelFile) {
        this.spec = spec;
        this.models = PortModels.single(modelFile);
    }

    private JindModelPortObject(JindModelPortObjectSpec spec, PortModels models) {
        this.spec = spec;
        this.models = models;
    }

    /** A port holding {@code model} (encoded now, so later changes to the object do not reach the port). */
    public static JindModelPortObject of(JindModel model) {
        return new JindModelPortObject(new JindModelPortObjectSpec(ModelSummary.of(model)), model.toBytes());
    }

    /**
     * A port holding one model per batch of {@code batchColumn}, in the batches' order; each model must record its
     * batch ({@code BatchModels.named}). They share genes and cell types, so the spec's summary is the first one's.
     */
    public static JindModelPortObject ofBatches(String batchColumn, List<String> batches, List<JindModel> models) {
        List<byte[]> files = new ArrayList<>();
        models.forEach(m -> files.add(m.toBytes()));
        return new JindModelPortObject(new JindModelPortObjectSpec(ModelSummary.of(models.get(0)), batchColumn,
                batches), PortModels.perBatch(batchColumn, batches, files));
    }

    /**
     * The port type, looked up when a node model is created: KNIME's registry reads plugin.xml, which exists
     * only inside KNIME, so this must not run in a static initialiser. Registers the port's web view with it.
     */
    public static PortType type() {
        ModelWebView.register();
        return PortTypeRegistry.getInstance().getPortType(JindModelPortObject.class);
    }

    /** The type of an optional input port for a JIND model. */
    public static PortType optionalType() {
        return PortTypeRegistry.getInstance().getPortType(JindModelPortObject.class, true);
    }

    /** Whether the port holds one model per batch of {@link JindModelPortObjectSpec#batchColumn()}. */
    public boolean hasBatches() {
        return models.hasBatches();
    }

    /**
     * A fresh copy of the port's one model (decoding checks the file again). A port with one model per batch
     * refuses with a sentence: use {@link #modelFor} per batch, or {@link #anyModel} for what they share.
     */
    public JindModel model() {
        return JindModel.fromBytes(models.single(AT_PORT), AT_PORT);
    }

    /**
     * A fresh copy of the model for the cells of {@code batch}: that batch's model on a port with batches (a
     * batch without one is refused by name, never given another batch's), the one model otherwise.
     */
    public JindModel modelFor(String batch) {
        if (!models.hasBatches()) {
            return model();
        }
        return JindModel.fromBytes(models.forBatch(batch, AT_PORT), AT_PORT + " for batch '" + batch + "'");
    }

    /** Refuses a batch this port has no model for, with {@link #modelFor}'s sentence, without decoding any model. */
    public void requireModelFor(String batch) {
        if (models.hasBatches()) {
            models.forBatch(batch, AT_PORT);
        }
    }

    /** The one model, or the first batch's: for what all batches' models share (genes, cell types, training). */
    public JindModel anyModel() {
        return JindModel.fromBytes(models.any(), AT_PORT);
    }

    @Override
    public String getSummary() {
        return spec.summary().describe() + spec.describeBatches();
    }

    @Override
    public JindModelPortObjectSpec getSpec() {
        return spec;
    }

    /**
     * The model: a summary with its cell types, then its curves and validation confidence (see {@link Views}); for
     * a port with batches those of the first batch's model (the training parts all share).
     */
    @Override
    public JComponent[] getViews() {
        return Views.model(anyModel());
    }

    @Override
    protected void save(PortObjectZipOutputStream out, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException {
        models.write(out);
    }

    @Override
    protected void load(PortObjectZipInputStream in, PortObjectSpec portSpec, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException {
        spec = (JindModelPortObjectSpec) portSpec;
        models = PortModels.read(in, spec.batchColumn(), spec.batches());
    }
}
