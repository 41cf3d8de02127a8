package org.jind.knime.workflows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * What a JIND node's code says about the node, found by running that code: its input and output port types and
 * the settings models its node model saves (key, KNIME settings-model id, kind, default and bounds).
 *
 * <p>The KNIME API stand-in only throws, so the nodes' classes are loaded in an isolated class loader in which a
 * few stand-in classes are replaced by recording fakes compiled here: the settings models, NodeModel, NodeFactory,
 * PortType(Registry), BufferedDataTable and a silent NodeLogger. Everything else (the nodes, their settings
 * classes, CommonSettings, the other stand-in classes) is the real compiled code. So the factory named in plugin.xml creates its real node
 * model, whose constructor builds its real settings list and port arrays: exactly what KNIME would save and
 * connect.
 */
final class CodeModel {
    /** One settings model as the node model saves it. */
    record Setting(String key, String modelId, String kind, Object defaultValue, Number min, Number max) {
    }

    /**
     * One node: port object classes (by name) and settings, in the order the node model saves them; the keys of
     * {@code addedLater} are settings a workflow saved before they existed lacks (it loads with their defaults).
     */
    record Node(String factory, List<String> in, List<String> out, List<Setting> settings, Set<String> addedLater) {
        Node(String factory, List<String> in, List<String> out, List<Setting> settings) {
            this(factory, in, out, settings, Set.of());
        }

        /** The settings a saved workflow holds ({@code savedKeys}): all but those added after it was saved. */
        List<Setting> savedIn(List<String> savedKeys) {
            return settings.stream().filter(s -> !addedLater.contains(s.key()) || savedKeys.contains(s.key()))
                    .toList();
        }

        /**
         * What the node saves after loading {@code loaded} (a workflow's values): the same values, and the settings
         * added after it was saved at their defaults (KNIME compares against what the node saves, so the dialog's
         * OK is still no change).
         */
        Map<String, Object> savedAfterLoading(Map<String, Object> loaded) {
            Map<String, Object> out = new java.util.HashMap<>(loaded);
            for (Setting s : settings) {
                if (addedLater.contains(s.key()) && !loaded.containsKey(s.key())) {
                    out.put(s.key(), s.defaultValue());
                }
            }
            return out;
        }

        Setting setting(String key) {
            return settings.stream().filter(s -> s.key().equals(key)).findFirst()
                    .orElseThrow(() -> new AssertionError(factory + " has no setting '" + key + "'"));
        }
    }

    static final String TABLE = "org.knime.core.node.BufferedDataTable";
    static final String MODEL = "org.jind.knime.port.JindModelPortObject";

    private static final Map<String, String> FAKES = new LinkedHashMap<>();

    static {
        String sm = "org.knime.core.node.defaultnodesettings.";
        FAKES.put(sm + "SettingsModel", """
                package org.knime.core.node.defaultnodesettings;
                public abstract class SettingsModel {
                    public final java.util.Map<String, Object> jindFake = new java.util.LinkedHashMap<>();
                    public SettingsModel() {
                    }
                    protected final void jindDescribe(String key, String id, String kind, Object value) {
                        jindFake.put("key", key);
                        jindFake.put("id", id);
                        jindFake.put("kind", kind);
                        jindFake.put("default", value);
                        jindFake.put("value", value);
                    }
                    protected final void jindBounds(Object min, Object max) {
                        jindFake.put("min", min);
                        jindFake.put("max", max);
                    }
                    public final void jindLoad(Object value) {
                        jindFake.put("value", value);
                    }
                    protected final Object jindValue() {
                        return jindFake.get("value");
                    }
                }
                """);
        FAKES.put(sm + "SettingsModelNumber", """
                package org.knime.core.node.defaultnodesettings;
                public abstract class SettingsModelNumber extends SettingsModel {
                    public SettingsModelNumber() {
                    }
                }
                """);
        FAKES.put(sm + "SettingsModelInteger", """
                package org.knime.core.node.defaultnodesettings;
                public class SettingsModelInteger extends SettingsModelNumber {
                    public SettingsModelInteger(String configName, int defaultValue) {
                        jindDescribe(configName, "SMID_integer", "int", defaultValue);
                    }
                    public int getIntValue() {
                        return (Integer) jindValue();
                    }
                }
                """);
        FAKES.put(sm + "SettingsModelIntegerBounded", """
                package org.knime.core.node.defaultnodesettings;
                public class SettingsModelIntegerBounded extends SettingsModelInteger {
                    public SettingsModelIntegerBounded(String configName, int defaultValue, int minValue,
                            int maxValue) {
                        super(configName, defaultValue);
                        jindBounds(minValue, maxValue);
                    }
                }
                """);
        FAKES.put(sm + "SettingsModelDouble", """
                package org.knime.core.node.defaultnodesettings;
                public class SettingsModelDouble extends SettingsModelNumber {
                    public SettingsModelDouble(String configName, double defaultValue) {
                        jindDescribe(configName, "SMID_double", "double", defaultValue);
                    }
                    public double getDoubleValue() {
                        return (Double) jindValue();
                    }
                }
                """);
        FAKES.put(sm + "SettingsModelDoubleBounded", """
                package org.knime.core.node.defaultnodesettings;
                public class SettingsModelDoubleBounded extends SettingsModelDouble {
                    public SettingsModelDoubleBounded(String configName, double defaultValue, double minValue,
                            double maxValue) {
                        super(configName, defaultValue);
                        jindBounds(minValue, maxValue);
                    }
                }
                """);
        FAKES.put(sm + "SettingsModelString", """
                package org.knime.core.node.defaultnodesettings;
                public class SettingsModelString extends SettingsModel {
                    public SettingsModelString(String configName, String defaultValue) {
                        jindDescribe(configName, "SMID_string", "string", defaultValue);
                    }
                    public String getStringValue() {
                        return (String) jindValue();
                    }
                }
                """);
        FAKES.put(sm + "SettingsModelBoolean", """
                package org.knime.core.node.defaultnodesettings;
                public class SettingsModelBoolean extends SettingsModel {
                    public SettingsModelBoolean(String configName, boolean defaultValue) {
                        jindDescribe(configName, "SMID_boolean", "boolean", defaultValue);
                    }
                    public boolean getBooleanValue() {
                        return (Boolean) jindValue();
                    }
                }
                """);
        FAKES.put(sm + "SettingsModelColumnFilter2", """
                package org.knime.core.node.defaultnodesettings;
                public final class SettingsModelColumnFilter2 extends SettingsModel {
                    public SettingsModelColumnFilter2(String configName, Class<?>... allowedTypes) {
                        java.util.List<String> names = new java.util.ArrayList<>();
                        for (Class<?> c : allowedTypes) {
                            names.add(c.getName());
                        }
                        jindDescribe(configName, "SMID_columnfilter", "columnfilter", java.util.List.copyOf(names));
                    }
                }
                """);
        FAKES.put("org.knime.core.node.port.PortType", """
                package org.knime.core.node.port;
                public final class PortType {
                    public final String jindObjectClass;
                    public PortType(String objectClass) {
                        jindObjectClass = objectClass;
                    }
                }
                """);
        FAKES.put("org.knime.core.node.port.PortTypeRegistry", """
                package org.knime.core.node.port;
                public final class PortTypeRegistry {
                    private static final PortTypeRegistry INSTANCE = new PortTypeRegistry();
                    public static PortTypeRegistry getInstance() {
                        return INSTANCE;
                    }
                    public synchronized PortType getPortType(Class<?> portClass) {
                        return new PortType(portClass.getName());
                    }
                    public synchronized PortType getPortType(Class<?> portClass, boolean isOptional) {
                        return new PortType(portClass.getName());
                    }
                }
                """);
        FAKES.put(TABLE, """
                package org.knime.core.node;
                public final class BufferedDataTable {
                    public static final org.knime.core.node.port.PortType TYPE =
                            new org.knime.core.node.port.PortType(BufferedDataTable.class.getName());
                    private BufferedDataTable() {
                    }
                }
                """);
        FAKES.put("org.knime.core.node.NodeModel", """
                package org.knime.core.node;
                import org.knime.core.node.port.PortType;
                public abstract class NodeModel {
                    public final PortType[] jindIn;
                    public final PortType[] jindOut;
                    protected NodeModel(PortType[] inPortTypes, PortType[] outPortTypes) {
                        jindIn = inPortTypes.clone();
                        jindOut = outPortTypes.clone();
                    }
                    protected final void setWarningMessage(String warningMessage) {
                    }
                }
                """);
        FAKES.put("org.knime.core.node.NodeLogger", """
                package org.knime.core.node;
                public class NodeLogger {
                    private NodeLogger() {
                    }
                    public static NodeLogger getLogger(Class<?> c) {
                        return new NodeLogger();
                    }
                    public void warn(Object o) {
                    }
                }
                """);
        // the node API: DefaultNode records its ports and parameters class; NumberInputWidget's bounds answer
        FAKES.put("org.knime.node.DefaultNodeFactory", """
                package org.knime.node;
                public abstract class DefaultNodeFactory {
                    public final DefaultNode jindNode;
                    protected DefaultNodeFactory(DefaultNode node) {
                        jindNode = node;
                    }
                }
                """);
        FAKES.put("org.knime.node.DefaultNode", """
                package org.knime.node;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.function.Function;
                import org.knime.core.node.BufferedDataTable;
                import org.knime.core.node.NodeFactory.NodeType;
                import org.knime.core.node.port.PortType;
                import org.knime.node.DefaultModel.RequireModelParameters;
                public final class DefaultNode implements RequirePorts, RequirePorts.PortsAdder {
                    public final List<PortType> jindIn = new ArrayList<>();
                    public final List<PortType> jindOut = new ArrayList<>();
                    public Class<?> jindParameters;
                    public String jindName;
                    private DefaultNode() {
                    }
                    public static RequireName create() {
                        DefaultNode n = new DefaultNode();
                        return name -> {
                            n.jindName = name;
                            return icon -> shortDescription -> fullDescription -> (major, minor, revision) -> n;
                        };
                    }
                    public RequireModel ports(java.util.function.Consumer<PortsAdder> ports) {
                        ports.accept(this);
                        return model -> {
                            model.apply(c -> {
                                jindParameters = c;
                                return configure -> execute -> null;
                            });
                            return this;
                        };
                    }
                    public PortsAdder addInputPort(String name, String description, PortType portType) {
                        jindIn.add(portType);
                        return this;
                    }
                    public PortsAdder addOutputTable(String name, String description) {
                        jindOut.add(BufferedDataTable.TYPE);
                        return this;
                    }
                    public PortsAdder addInputTable(String name, String description) {
                        jindIn.add(BufferedDataTable.TYPE);
                        return this;
                    }
                    public PortsAdder addOutputPort(String name, String description, PortType portType) {
                        jindOut.add(portType);
                        return this;
                    }
                    public DefaultNode nodeType(NodeType nodeType) {
                        return this;
                    }
                    public DefaultNode keywords(String... keywords) {
                        return this;
                    }
                    public interface RequireName {
                        RequireIcon name(String name);
                    }
                    public interface RequireIcon {
                        RequireShortDescription icon(String icon);
                    }
                    public interface RequireShortDescription {
                        RequireFullDescription shortDescription(String shortDescription);
                    }
                    public interface RequireFullDescription {
                        RequireSinceVersion fullDescription(String fullDescription);
                    }
                    public interface RequireSinceVersion {
                        RequirePorts sinceVersion(int major, int minor, int revision);
                    }
                    public interface RequireModel {
                        DefaultNode model(Function<RequireModelParameters, DefaultModel> model);
                    }
                }
                """);
        FAKES.put("org.knime.node.RequirePorts", """
                package org.knime.node;
                import org.knime.core.node.port.PortType;
                public interface RequirePorts {
                    DefaultNode.RequireModel ports(java.util.function.Consumer<PortsAdder> ports);
                    interface PortsAdder {
                        PortsAdder addInputPort(String name, String description, PortType portType);
                        PortsAdder addOutputTable(String name, String description);
                        PortsAdder addInputTable(String name, String description);
                        PortsAdder addOutputPort(String name, String description, PortType portType);
                    }
                }
                """);
        // the web UI node classes (Annotate & Reject streams, so it is not a DefaultNode): the configuration records
        // its name, ports and parameters class as DefaultNode does
        FAKES.put("org.knime.core.webui.node.impl.WebUINodeFactory", """
                package org.knime.core.webui.node.impl;
                import org.knime.core.node.NodeFactory;
                import org.knime.core.node.NodeModel;
                public abstract class WebUINodeFactory<M extends NodeModel> extends NodeFactory<M> {
                    public final WebUINodeConfiguration jindNode;
                    protected WebUINodeFactory(WebUINodeConfiguration configuration) {
                        jindNode = configuration;
                    }
                    public static org.knime.core.node.NodeDescription createNodeDescription(String name, String icon,
                            PortDescription[] in, PortDescription[] out, String shortDescription,
                            String fullDescription, Class<?> model, Class<?> view, String viewDescription,
                            org.knime.core.node.NodeFactory.NodeType type, String[] keywords) {
                        return new org.knime.core.node.NodeDescription(name);
                    }
                }
                """);
        FAKES.put("org.knime.core.webui.node.impl.WebUINodeConfiguration", """
                package org.knime.core.webui.node.impl;
                import java.util.ArrayList;
                import java.util.List;
                import org.knime.core.node.BufferedDataTable;
                import org.knime.core.node.NodeFactory.NodeType;
                import org.knime.core.node.port.PortType;
                public final class WebUINodeConfiguration {
                    public final List<PortType> jindIn = new ArrayList<>();
                    public final List<PortType> jindOut = new ArrayList<>();
                    public Class<?> jindParameters;
                    public String jindName;
                    private WebUINodeConfiguration() {
                    }
                    public static Builder builder() {
                        return new Builder();
                    }
                    public static final class Builder {
                        public RequireIcon name(String name) {
                            WebUINodeConfiguration c = new WebUINodeConfiguration();
                            c.jindName = name;
                            return icon -> shortDescription -> fullDescription -> parameters -> {
                                c.jindParameters = parameters;
                                return new NodeOptionals(c);
                            };
                        }
                    }
                    public interface RequireIcon {
                        RequireShortDescription icon(String icon);
                    }
                    public interface RequireShortDescription {
                        RequireFullDescription shortDescription(String shortDescription);
                    }
                    public interface RequireFullDescription {
                        RequireModelSettingsClass fullDescription(String fullDescription);
                    }
                    public interface RequireModelSettingsClass {
                        NodeOptionals modelSettingsClass(
                                Class<? extends org.knime.node.parameters.NodeParameters> modelSettingsClass);
                    }
                    public static final class NodeOptionals {
                        private final WebUINodeConfiguration c;
                        NodeOptionals(WebUINodeConfiguration c) {
                            this.c = c;
                        }
                        public NodeOptionals nodeType(NodeType nodeType) {
                            return this;
                        }
                        public NodeOptionals addInputPort(String name, PortType type, String description) {
                            c.jindIn.add(type);
                            return this;
                        }
                        public NodeOptionals addInputTable(String name, String description) {
                            c.jindIn.add(BufferedDataTable.TYPE);
                            return this;
                        }
                        public NodeOptionals addOutputTable(String name, String description) {
                            c.jindOut.add(BufferedDataTable.TYPE);
                            return this;
                        }
                        public NodeOptionals keywords(String... keywords) {
                            return this;
                        }
                        public NodeOptionals addExternalResource(String href, String description) {
                            return this;
                        }
                        public WebUINodeConfiguration build() {
                            return c;
                        }
                    }
                }
                """);
        String validation = "org.knime.node.parameters.widget.number.NumberInputWidgetValidation";
        FAKES.put(validation, """
                package org.knime.node.parameters.widget.number;
                public sealed interface NumberInputWidgetValidation {
                    abstract non-sealed class MinValidation implements NumberInputWidgetValidation {
                        public abstract double jindMin();
                        public static final class IsNonNegativeValidation extends MinValidation {
                            public double jindMin() {
                                return 0;
                            }
                        }
                        public static final class IsPositiveIntegerValidation extends MinValidation {
                            public double jindMin() {
                                return 1;
                            }
                        }
                    }
                    abstract non-sealed class MaxValidation implements NumberInputWidgetValidation {
                        public MaxValidation() {
                        }
                        protected abstract double getMax();
                        public final double jindMax() {
                            return getMax();
                        }
                    }
                }
                """);
        FAKES.put("org.knime.core.node.NodeFactory", """
                package org.knime.core.node;
                public abstract class NodeFactory<T extends NodeModel> {
                    protected NodeFactory() {
                    }
                    public abstract T createNodeModel();
                    public enum NodeType {
                        Source, Learner, Predictor, Other
                    }
                }
                """);
    }

    static {
        // a column filter records its default (all columns of the accepted types) and the legacy persistor its key;
        // the column choices providers record the value types they accept
        FAKES.put("org.knime.node.parameters.widget.choices.filter.ColumnFilter", """
                package org.knime.node.parameters.widget.choices.filter;
                public final class ColumnFilter {
                    public boolean jindIncludeUnknown;
                    public ColumnFilter() {
                    }
                    public ColumnFilter withIncludeUnknownColumns() {
                        jindIncludeUnknown = true;
                        return this;
                    }
                }
                """);
        FAKES.put("org.knime.node.parameters.persistence.legacy.LegacyColumnFilterPersistor", """
                package org.knime.node.parameters.persistence.legacy;
                public abstract class LegacyColumnFilterPersistor {
                    private final String key;
                    protected LegacyColumnFilterPersistor(String configKey) {
                        key = configKey;
                    }
                    public String[][] getConfigPaths() {
                        return new String[][] {{key, "filter-type"}};
                    }
                }
                """);
        FAKES.put("org.knime.node.parameters.widget.choices.util.CompatibleColumnsProvider", """
                package org.knime.node.parameters.widget.choices.util;
                public class CompatibleColumnsProvider {
                    public final java.util.List<String> jindTypes;
                    CompatibleColumnsProvider(Class<?> type) {
                        jindTypes = java.util.List.of(type.getName());
                    }
                    public static class StringColumnsProvider extends CompatibleColumnsProvider {
                        protected StringColumnsProvider() {
                            super(org.knime.core.data.StringValue.class);
                        }
                    }
                    public static class DoubleColumnsProvider extends CompatibleColumnsProvider {
                        protected DoubleColumnsProvider() {
                            super(org.knime.core.data.DoubleValue.class);
                        }
                    }
                }
                """);
        // a classic factory with the modern dialog: its WebUINodeModel records the parameters class, the
        // description builder the node's name
        FAKES.put("org.knime.core.webui.node.impl.WebUINodeModel", """
                package org.knime.core.webui.node.impl;
                import org.knime.core.node.port.PortType;
                public abstract class WebUINodeModel<S> extends org.knime.core.node.NodeModel {
                    public final Class<S> jindParameters;
                    protected WebUINodeModel(PortType[] in, PortType[] out, Class<S> parameters) {
                        super(in, out);
                        jindParameters = parameters;
                    }
                    protected WebUINodeModel(WebUINodeConfiguration configuration, Class<S> parameters) {
                        super(new PortType[0], new PortType[0]);
                        jindParameters = parameters;
                    }
                }
                """);
        // JindModelPortObject.type() registers the model port's web view: nothing to record
        FAKES.put("org.knime.core.webui.node.port.PortViewManager", """
                package org.knime.core.webui.node.port;
                public final class PortViewManager {
                    public static void registerPortViews(Class<?> portObjectClass,
                            java.util.List<PortViewDescriptor> viewDescriptors,
                            java.util.List<Integer> configuredIndices, java.util.List<Integer> executedIndices) {
                    }
                    public static final class PortViewDescriptor {
                        public PortViewDescriptor(String label, Object viewFactory) {
                        }
                    }
                }
                """);
        FAKES.put("org.knime.core.webui.node.impl.PortDescription", """
                package org.knime.core.webui.node.impl;
                public final class PortDescription {
                    public PortDescription(String name, org.knime.core.node.port.PortType type, String description) {
                    }
                }
                """);
        FAKES.put("org.knime.core.node.NodeDescription", """
                package org.knime.core.node;
                public class NodeDescription {
                    public final String jindName;
                    public NodeDescription(String name) {
                        jindName = name;
                    }
                }
                """);
    }

    private static ClassLoader loader;

    private CodeModel() {
    }

    /** The name a node of KNIME's node API gives itself, or null for a classic node (its name is in its XML). */
    static String nodeName(String factoryClass) {
        Parameters p = Parameters.of(factoryClass);
        return p == null ? null : p.name;
    }

    /** The node the factory creates, as its code defines it. */
    static Node of(String factoryClass) {
        Parameters p = Parameters.of(factoryClass);
        return p != null ? p.describe() : new Instance(factoryClass).describe();
    }

    /**
     * Loads the given model settings values into the node's settings models and calls every conversion method of
     * its settings class (e.g. {@code toCore()}, {@code missingValuePolicy()}, {@code names()}): the checks the
     * node model runs in configure and execute. Returns the failures (exception messages), empty when all pass.
     */
    static List<String> check(String factoryClass, Map<String, Object> values) {
        Parameters p = Parameters.of(factoryClass);
        if (p != null) {
            return p.check(values);
        }
        Instance i = new Instance(factoryClass);
        for (Object m : i.settingsModels()) {
            Map<String, Object> fake = fake(m);
            String key = (String) fake.get("key");
            if (values.containsKey(key)) {
                try {
                    m.getClass().getMethod("jindLoad", Object.class).invoke(m, values.get(key));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return callChecks(i.settingsHolder());
    }

    /**
     * For a node whose settings are a parameters class: the settings it saves after loading the given ones (column
     * filters left out; KNIME's persistor saves them, checked in the real core). Null for a classic node.
     */
    static Map<String, Object> resave(String factoryClass, Map<String, Object> values) {
        Parameters p = Parameters.of(factoryClass);
        return p == null ? null : p.resave(values);
    }

    /** Calls every no-argument value-returning method of the settings (or parameters) object: the node's checks. */
    private static List<String> callChecks(Object holder) {
        List<String> failures = new ArrayList<>();
        for (Method m : holder.getClass().getDeclaredMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getName().equals("all")
                    || m.isSynthetic() || (m.getReturnType() == void.class && !m.getName().equals("validate"))) {
                continue;
            }
            try {
                m.setAccessible(true);
                m.invoke(holder);
            } catch (InvocationTargetException e) {
                failures.add(holder.getClass().getSimpleName() + "." + m.getName() + "(): " + e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return failures;
    }

    /**
     * A node of KNIME's node API: its DefaultNode or WebUINodeConfiguration (recorded by the fakes) and its
     * parameters class, whose fields
     * are the settings: the key of {@code @Persist(configKey)} or of the field's {@code @Persistor}, the field's
     * initial value as default (a persistor's saved value), the bounds of {@code @NumberInputWidget}.
     */
    private static final class Parameters {
        final String factory;
        final List<String> in;
        final List<String> out;
        final Class<?> type;
        final String name;

        private Parameters(String factory, List<String> in, List<String> out, Class<?> type, String name) {
            this.factory = factory;
            this.name = name;
            this.in = in;
            this.out = out;
            this.type = type;
        }

        /**
         * The node's parameters, or null when the factory is a classic NodeFactory with a classic dialog. A classic
         * factory with the modern dialog ({@code NodeDialogFactory}) has them in its WebUINodeModel.
         */
        static Parameters of(String factoryClass) {
            try {
                Class<?> f = Class.forName(factoryClass, true, loader());
                if (Class.forName("org.knime.core.webui.node.dialog.NodeDialogFactory", false, loader())
                        .isAssignableFrom(f)) {
                    Object factory = f.getDeclaredConstructor().newInstance();
                    Object model = f.getMethod("createNodeModel").invoke(factory);
                    Method description = f.getDeclaredMethod("createNodeDescription");
                    description.setAccessible(true);
                    return new Parameters(factoryClass, ports(model, "org.knime.core.node.NodeModel", "jindIn"),
                            ports(model, "org.knime.core.node.NodeModel", "jindOut"),
                            (Class<?>) field(model, "org.knime.core.webui.node.impl.WebUINodeModel", "jindParameters"),
                            (String) field(description.invoke(factory), "org.knime.core.node.NodeDescription",
                                    "jindName"));
                }
                String base = f.getSuperclass().getName();
                String recorder;
                if (base.equals("org.knime.node.DefaultNodeFactory")) {
                    recorder = "org.knime.node.DefaultNode";
                } else if (base.equals("org.knime.core.webui.node.impl.WebUINodeFactory")) {
                    recorder = "org.knime.core.webui.node.impl.WebUINodeConfiguration";
                } else {
                    return null;
                }
                Object node = field(f.getDeclaredConstructor().newInstance(), base, "jindNode");
                return new Parameters(factoryClass, ports(node, recorder, "jindIn"), ports(node, recorder, "jindOut"),
                        (Class<?>) field(node, recorder, "jindParameters"), (String) field(node, recorder, "jindName"));
            } catch (InvocationTargetException e) {
                throw new AssertionError(factoryClass + " could not be created: " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(factoryClass + " could not be created: " + e, e);
            }
        }

        private static List<String> ports(Object node, String recorder, String name) {
            List<String> out = new ArrayList<>();
            Object recorded = field(node, recorder, name);
            List<?> types = recorded instanceof Object[] ? List.of((Object[]) recorded) : (List<?>) recorded;
            for (Object t : types) {
                out.add((String) field(t, "org.knime.core.node.port.PortType", "jindObjectClass"));
            }
            return List.copyOf(out);
        }

        Object create() {
            try {
                var c = type.getDeclaredConstructor();
                c.setAccessible(true);
                return c.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }

        List<Field> fields() {
            List<Field> fields = new ArrayList<>();
            for (Field f : type.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    f.setAccessible(true);
                    fields.add(f);
                }
            }
            return fields;
        }

        Node describe() {
            Object p = create();
            List<Setting> settings = new ArrayList<>();
            for (Field f : fields()) {
                Object persistor = persistor(f);
                try {
                    if (f.getType().getSimpleName().equals("ColumnFilter")) {
                        // saved by KNIME's legacy persistor in the classic filter's format; default: every column
                        // of the accepted types, as the classic filter's
                        String key = ((String[][]) invoke(persistor, "getConfigPaths"))[0][0];
                        if (!(Boolean) field(f.get(p), f.getType().getName(), "jindIncludeUnknown")) {
                            throw new AssertionError(f + ": a new node should include every accepted column");
                        }
                        settings.add(new Setting(key, null, "columnfilter", columnTypes(f), null, null));
                    } else if (persistor != null) {
                        Map<String, Object> saved = new LinkedHashMap<>();
                        invoke(persistor, "save", f.get(p), settings(saved));
                        Map.Entry<String, Object> e = saved.entrySet().iterator().next();
                        settings.add(new Setting(e.getKey(), null, kind(e.getValue().getClass()), e.getValue(),
                                null, null));
                    } else {
                        Number[] bounds = bounds(f);
                        settings.add(new Setting(key(f), null, kind(f.getType()), f.get(p), bounds[0], bounds[1]));
                    }
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return new Node(factory, in, out, List.copyOf(settings), addedLater());
        }

        /** The keys of {@code @Migrate(loadDefaultIfAbsent = true)} fields: workflows saved before lack them. */
        private java.util.Set<String> addedLater() {
            java.util.Set<String> later = new java.util.HashSet<>();
            for (Field f : fields()) {
                Object migrate = annotation(f, "org.knime.node.parameters.migration.Migrate");
                try {
                    if (migrate != null && (Boolean) invoke(migrate, "loadDefaultIfAbsent")) {
                        later.add(key(f));
                    }
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return java.util.Set.copyOf(later);
        }

        List<String> check(Map<String, Object> values) {
            Object p = create();
            List<String> failures = load(p, values);
            return failures.isEmpty() ? callChecks(p) : failures;
        }

        /**
         * The settings the parameters save after loading the given ones (a column filter, saved by KNIME's own
         * persistor, left out): what a node saves, and its dialog shows, for settings read from a workflow.
         */
        Map<String, Object> resave(Map<String, Object> values) {
            Object p = create();
            List<String> failures = load(p, values);
            if (!failures.isEmpty()) {
                throw new AssertionError(factory + " cannot load " + values + ": " + failures);
            }
            Map<String, Object> saved = new LinkedHashMap<>();
            for (Field f : fields()) {
                Object persistor = persistor(f);
                try {
                    if (f.getType().getSimpleName().equals("ColumnFilter")) {
                        continue;
                    }
                    if (persistor != null) {
                        invoke(persistor, "save", f.get(p), settings(saved));
                    } else {
                        saved.put(key(f), f.get(p));
                    }
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return saved;
        }

        /** Loads the values into the parameters object as KNIME would; the failures, empty when all load. */
        private List<String> load(Object p, Map<String, Object> values) {
            for (Field f : fields()) {
                Object persistor = persistor(f);
                try {
                    if (persistor != null) {
                        String[][] paths = (String[][]) invoke(persistor, "getConfigPaths");
                        if (values.containsKey(paths[0][0])) {
                            try {
                                f.set(p, invoke(persistor, "load", settings(values)));
                            } catch (InvocationTargetException e) {
                                return List.of(f.getName() + ": " + e.getCause());
                            }
                        }
                    } else if (values.containsKey(key(f))) {
                        f.set(p, values.get(key(f)));
                    }
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return List.of();
        }

        /** The value types of the column filter's choices provider (e.g. DoubleValue's name). */
        private static Object columnTypes(Field f) throws ReflectiveOperationException {
            Object w = annotation(f, "org.knime.node.parameters.widget.choices.filter.ColumnFilterWidget");
            Object provider = newInstance((Class<?>) invoke(w, "choicesProvider"));
            return field(provider, "org.knime.node.parameters.widget.choices.util.CompatibleColumnsProvider",
                    "jindTypes");
        }

        private static String kind(Class<?> c) {
            return c == String.class ? "string" : c == int.class || c == Integer.class ? "int"
                    : c == double.class || c == Double.class ? "double"
                    : c == boolean.class || c == Boolean.class ? "boolean" : "unknown " + c.getName();
        }

        private static Object annotation(Field f, String name) {
            for (var a : f.getAnnotations()) {
                if (a.annotationType().getName().equals(name)) {
                    return a;
                }
            }
            return null;
        }

        private static String key(Field f) throws ReflectiveOperationException {
            Object persist = annotation(f, "org.knime.node.parameters.persistence.Persist");
            if (persist == null) {
                throw new AssertionError(f + " has no @Persist(configKey): its key would follow the field's name");
            }
            return (String) invoke(persist, "configKey");
        }

        private static Object persistor(Field f) {
            Object a = annotation(f, "org.knime.node.parameters.persistence.Persistor");
            if (a == null) {
                return null;
            }
            try {
                var c = ((Class<?>) invoke(a, "value")).getDeclaredConstructor();
                c.setAccessible(true);
                return c.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }

        /** min and max of a number field (null, null without a NumberInputWidget); unbounded: the type's range. */
        private static Number[] bounds(Field f) throws ReflectiveOperationException {
            Object w = annotation(f, "org.knime.node.parameters.widget.number.NumberInputWidget");
            if (w == null) {
                return new Number[2];
            }
            boolean isInt = f.getType() == int.class;
            Class<?> min = (Class<?>) invoke(w, "minValidation");
            Class<?> max = (Class<?>) invoke(w, "maxValidation");
            Number lo = Modifier.isAbstract(min.getModifiers()) ? (isInt ? Integer.MIN_VALUE : -Double.MAX_VALUE)
                    : (Number) invoke(newInstance(min), "jindMin");
            Number hi = Modifier.isAbstract(max.getModifiers()) ? (isInt ? Integer.MAX_VALUE : Double.MAX_VALUE)
                    : (Number) invoke(newInstance(max), "jindMax");
            return new Number[] {lo, hi};
        }

        private static Object newInstance(Class<?> c) throws ReflectiveOperationException {
            var k = c.getDeclaredConstructor();
            k.setAccessible(true);
            return k.newInstance();
        }

        /** NodeSettingsRO and NodeSettingsWO (as the loader has them) over a map of values. */
        private static Object settings(Map<String, Object> values) throws ClassNotFoundException {
            ClassLoader l = loader();
            return java.lang.reflect.Proxy.newProxyInstance(l, new Class<?>[] {
                Class.forName("org.knime.core.node.NodeSettingsRO", false, l),
                Class.forName("org.knime.core.node.NodeSettingsWO", false, l)}, (proxy, m, args) -> {
                    if (m.getName().startsWith("add")) {
                        values.put((String) args[0], args[1]);
                        return null;
                    }
                    if (m.getName().startsWith("get")) {
                        return values.get(args[0]);
                    }
                    throw new UnsupportedOperationException(m.toString());
                });
        }

        private static Object invoke(Object o, String name, Object... args) throws ReflectiveOperationException {
            for (Method m : o.getClass().getMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                    m.setAccessible(true);
                    return m.invoke(o, args);
                }
            }
            for (Method m : o.getClass().getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                    m.setAccessible(true);
                    return m.invoke(o, args);
                }
            }
            throw new NoSuchMethodException(o.getClass() + "." + name);
        }
    }

    /** A node model created by its factory in the isolated loader. */
    private static final class Instance {
        final String factory;
        final Object model;

        Instance(String factoryClass) {
            factory = factoryClass;
            try {
                Class<?> f = Class.forName(factoryClass, true, loader());
                Object instance = f.getDeclaredConstructor().newInstance();
                model = f.getMethod("createNodeModel").invoke(instance);
            } catch (InvocationTargetException e) {
                throw new AssertionError(factoryClass + " could not create its node model: " + e.getCause(),
                        e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(factoryClass + " could not create its node model: " + e, e);
            }
        }

        List<?> settingsModels() {
            return (List<?>) field(model, "org.jind.knime.nodes.JindNodeModel", "settings");
        }

        /** The node model's settings class instance (the field typed *Settings). */
        Object settingsHolder() {
            for (Field f : model.getClass().getDeclaredFields()) {
                if (f.getType().getSimpleName().endsWith("Settings") && !Modifier.isStatic(f.getModifiers())) {
                    try {
                        f.setAccessible(true);
                        return f.get(model);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                }
            }
            throw new AssertionError(model.getClass().getName() + " has no *Settings field");
        }

        Node describe() {
            List<Setting> settings = new ArrayList<>();
            for (Object m : settingsModels()) {
                Map<String, Object> d = fake(m);
                settings.add(new Setting((String) d.get("key"), (String) d.get("id"), (String) d.get("kind"),
                        d.get("default"), (Number) d.get("min"), (Number) d.get("max")));
            }
            Set<String> later = new java.util.HashSet<>();
            for (Object m : (List<?>) field(model, "org.jind.knime.nodes.JindNodeModel", "addedLater")) {
                later.add((String) fake(m).get("key"));
            }
            return new Node(factory, ports("jindIn"), ports("jindOut"), List.copyOf(settings), Set.copyOf(later));
        }

        private List<String> ports(String fieldName) {
            Object[] types = (Object[]) field(model, "org.knime.core.node.NodeModel", fieldName);
            List<String> out = new ArrayList<>();
            for (Object t : types) {
                out.add((String) field(t, "org.knime.core.node.port.PortType", "jindObjectClass"));
            }
            return List.copyOf(out);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fake(Object settingsModel) {
        return (Map<String, Object>) field(settingsModel, "org.knime.core.node.defaultnodesettings.SettingsModel",
                "jindFake");
    }

    private static Object field(Object o, String declaringClass, String name) {
        try {
            Class<?> c = Class.forName(declaringClass, false, o.getClass().getClassLoader());
            Field f = c.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(o);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static synchronized ClassLoader loader() {
        if (loader == null) {
            loader = new Isolating(CodeModel.class.getClassLoader(), compileFakes());
        }
        return loader;
    }

    private static Map<String, byte[]> compileFakes() {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new AssertionError("these tests need a JDK (javax.tools compiler) to build the KNIME fakes");
        }
        try {
            Path dir = Files.createTempDirectory("jind-knime-fakes");
            Path src = dir.resolve("src");
            Path out = dir.resolve("classes");
            Files.createDirectories(out);
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-nowarn", "-proc:none"));
            for (Map.Entry<String, String> e : FAKES.entrySet()) {
                Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
                args.add(file.toString());
            }
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            int rc = javac.run(null, log, log, args.toArray(String[]::new));
            if (rc != 0) {
                throw new AssertionError("compiling the KNIME fakes failed:\n" + log.toString(StandardCharsets.UTF_8));
            }
            Map<String, byte[]> classes = new HashMap<>();
            try (Stream<Path> files = Files.walk(out)) {
                for (Path p : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String rel = out.relativize(p).toString().replace(java.io.File.separatorChar, '/');
                    classes.put(rel.substring(0, rel.length() - ".class".length()).replace('/', '.'),
                            Files.readAllBytes(p));
                }
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            return classes;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Child-first for KNIME's API (fakes first, then the stand-in's bytes) and for the JIND nodes, so that every
     * class the nodes link against comes from this one loader; everything else (JDK, org.jind.core) from the parent.
     */
    private static final class Isolating extends ClassLoader {
        private final Map<String, byte[]> fakes;

        Isolating(ClassLoader parent, Map<String, byte[]> fakes) {
            super(parent);
            this.fakes = fakes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.knime.")
                    && !(name.startsWith("org.jind.knime.") && !name.startsWith("org.jind.knime.workflows."))) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    byte[] bytes = fakes.get(name);
                    if (bytes == null) {
                        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                            if (in == null) {
                                throw new ClassNotFoundException(name);
                            }
                            bytes = in.readAllBytes();
                        } catch (IOException e) {
                            throw new ClassNotFoundException(name, e);
                        }
                    }
                    c = defineClass(name, bytes, 0, bytes.length);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
