// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.webui.node.impl;

import org.knime.core.node.NodeFactory.NodeType;
import org.knime.core.node.port.PortType;
import org.knime.node.parameters.NodeParameters;

public final class WebUINodeConfiguration {
    private WebUINodeConfiguration() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public static Builder builder() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public static final class Builder {
        private Builder() {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }

        public RequireIcon name(String name) {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }
    }

    @FunctionalInterface
    public interface RequireIcon {
        RequireShortDescription icon(String icon);
    }

    @FunctionalInterface
    public interface RequireShortDescription {
        RequireFullDescription shortDescription(String shortDescription);
    }

    @FunctionalInterface
    public interface RequireFullDescription {
        RequireModelSettingsClass fullDescription(String fullDescription);
    }

    @FunctionalInterface
    public interface RequireModelSettingsClass {
        NodeOptionals modelSettingsClass(Class<? extends NodeParameters> modelSettingsClass);
    }

    public static final class NodeOptionals {
        private NodeOptionals() {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }

        public NodeOptionals nodeType(NodeType nodeType) {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }

        public NodeOptionals addInputPort(String name, PortType type, String description) {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }

        public NodeOptionals addInputTable(String name, String description) {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }

        public NodeOptionals addOutputTable(String name, String description) {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }

        public NodeOptionals keywords(String... keywords) {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }

        public NodeOptionals addExternalResource(String href, String description) {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }

        public WebUINodeConfiguration build() {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }
    }
}
