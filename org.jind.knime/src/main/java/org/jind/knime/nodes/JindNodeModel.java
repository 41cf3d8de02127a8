package org.jind.knime.nodes;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.jind.knime.logic.NodeParameters;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * What all JIND node models share: settings are a list of KNIME settings models (so flow variables reach every
 * option), there are no internals to save (results live in the output ports), and warnings from the core are
 * shown as the node's warning.
 */
public abstract class JindNodeModel extends NodeModel {
    private final List<SettingsModel> settings;
    /** Settings added after the node first shipped: workflows saved before lack them and keep their defaults. */
    private final List<SettingsModel> addedLater;

    protected JindNodeModel(PortType[] in, PortType[] out, List<SettingsModel> settings) {
        this(in, out, settings, List.of());
    }

    /**
     * @param addedLater those of {@code settings} a workflow saved by an earlier version may lack (loaded when
     *        present, else left at their defaults)
     */
    protected JindNodeModel(PortType[] in, PortType[] out, List<SettingsModel> settings,
            List<SettingsModel> addedLater) {
        super(in, out);
        this.settings = List.copyOf(settings);
        this.addedLater = List.copyOf(addedLater);
        ModernNodes.adviseBlasOnce();
    }

    @Override
    protected void saveSettingsTo(NodeSettingsWO s) {
        for (SettingsModel m : settings) {
            m.saveSettingsTo(s);
        }
    }

    @Override
    protected void validateSettings(NodeSettingsRO s) throws InvalidSettingsException {
        validateValues(s);
        for (SettingsModel m : settings) {
            if (!addedLater.contains(m)) {
                m.validateSettings(s);
            }
        }
    }

    /**
     * Checks values (e.g. set by flow variables) with the sentences configure gives, before the settings models'
     * own range checks could refuse them in KNIME's words. Nothing by default.
     */
    protected void validateValues(NodeSettingsRO s) throws InvalidSettingsException {
        // no values with a range of their own
    }

    /** Refuses a θ outside its range in the settings with {@link NodeParameters#theta}'s sentence. */
    protected static void validateTheta(NodeSettingsRO s) throws InvalidSettingsException {
        double theta = s.getDouble(CommonSettings.THETA_KEY);
        check(() -> NodeParameters.theta(theta));
    }

    @Override
    protected void loadValidatedSettingsFrom(NodeSettingsRO s) throws InvalidSettingsException {
        for (SettingsModel m : settings) {
            if (!addedLater.contains(m)) {
                m.loadSettingsFrom(s);
                continue;
            }
            try {
                m.loadSettingsFrom(s);
            } catch (InvalidSettingsException absent) { // saved before the setting existed: its default stays
                // nothing to load
            }
        }
    }

    @Override
    protected void loadInternals(File nodeInternDir, ExecutionMonitor exec) throws IOException {
        // nothing beyond the output ports, which KNIME saves and loads itself
    }

    @Override
    protected void saveInternals(File nodeInternDir, ExecutionMonitor exec) throws IOException {
        // nothing beyond the output ports
    }

    @Override
    protected void reset() {
        // no state outside the output ports
    }

    /** Shows the warnings (nulls skipped), if any, as one message. */
    protected void warn(String... warnings) {
        warn(Arrays.asList(warnings));
    }

    /** Shows the warnings (nulls skipped), if any, as one message. */
    protected void warn(List<String> warnings) {
        String shown = ModernNodes.warning(warnings);
        if (shown != null) {
            setWarningMessage(shown);
        }
    }

    /** The spec at an input port, or a sentence when the upstream node has not produced one yet. */
    protected static <T> T input(PortObjectSpec spec, Class<T> type, String what) throws InvalidSettingsException {
        return ModernNodes.input(spec, type, what);
    }

    /** Runs a configure-time check, turning the core's user-facing error into KNIME's configure error. */
    protected static <T> T check(Check<T> check) throws InvalidSettingsException {
        return ModernNodes.check(check::run);
    }

    /** A configure-time computation that may fail with a {@link JindException}. */
    @FunctionalInterface
    protected interface Check<T> {
        T run();
    }
}
