// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.node;

import java.util.function.Function;

import org.knime.core.node.NodeFactory.NodeType;
import org.knime.node.DefaultModel.RequireModelParameters;

public final class DefaultNode {
    private DefaultNode() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public static RequireName create() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public DefaultNode nodeType(NodeType nodeType) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public DefaultNode keywords(String... keywords) {
        throw new UnsupportedOperationException("KNIME API stand-in");
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
