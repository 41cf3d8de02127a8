package org.jind.knime.nodes.annotate;

import org.jind.knime.nodes.JindNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Annotate &amp; Reject. Described in AnnotateRejectNodeFactory.xml beside this class. */
public final class AnnotateRejectNodeFactory extends JindNodeFactory<AnnotateRejectNodeModel> {

    @Override
    public AnnotateRejectNodeModel createNodeModel() {
        return new AnnotateRejectNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AnnotateRejectNodeDialog();
    }
}
