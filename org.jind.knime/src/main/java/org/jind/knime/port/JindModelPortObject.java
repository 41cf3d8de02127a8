package org.jind.knime.port;

import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.jind.core.model.JindModel;
import org.jind.knime.logic.ModelSummary;
import org.jind.knime.logic.ModelPayload;
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
 * A JIND model on a KNIME port: the core's model file as bytes plus the {@link JindModelPortObjectSpec}.
 * Immutable: every node decodes its own copy with {@link #model()}, so one port can feed several nodes.
 */
public final class JindModelPortObject extends AbstractPortObject {

    /** Registered in plugin.xml; KNIME writes a meta entry, then {@link #save}'s entries. */
    public static final class Serializer extends AbstractPortObjectSerializer<JindModelPortObject> {
    }

    private JindModelPortObjectSpec spec;
    private byte[] modelFile;

    /** For KNIME's serializer, which creates the object empty and then calls {@link #load}. */
    public JindModelPortObject() {
    }

    /** Takes ownership of {@code modelFile} (not copied: models can be tens of megabytes). */
    public JindModelPortObject(JindModelPortObjectSpec spec, byte[] modelFile) {
        this.spec = spec;
        this.modelFile = modelFile;
    }

    /** A port holding {@code model} (encoded now, so later changes to the object do not reach the port). */
    public static JindModelPortObject of(JindModel model) {
        return new JindModelPortObject(new JindModelPortObjectSpec(ModelSummary.of(model)), model.toBytes());
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

    /** A fresh copy of the model (decoding checks the file again). */
    public JindModel model() {
        return JindModel.fromBytes(modelFile, "the JIND model at the input port");
    }

    @Override
    public String getSummary() {
        return spec.summary().describe();
    }

    @Override
    public JindModelPortObjectSpec getSpec() {
        return spec;
    }

    /** The model: a summary with its cell types, then its curves and validation confidence (see {@link Views}). */
    @Override
    public JComponent[] getViews() {
        return Views.model(model());
    }

    @Override
    protected void save(PortObjectZipOutputStream out, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException {
        out.putNextEntry(new ZipEntry(ModelPayload.ENTRY));
        ModelPayload.write(out, modelFile);
    }

    @Override
    protected void load(PortObjectZipInputStream in, PortObjectSpec portSpec, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException {
        ZipEntry entry = in.getNextEntry();
        if (entry == null || !ModelPayload.ENTRY.equals(entry.getName())) {
            throw new IOException("The saved JIND model port holds no model file ('" + ModelPayload.ENTRY + "').");
        }
        modelFile = ModelPayload.read(in, "the saved JIND model");
        spec = (JindModelPortObjectSpec) portSpec;
    }
}
