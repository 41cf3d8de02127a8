package org.jind.knime.nodes.align;

import org.jind.knime.nodes.JindNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Align Batch. Described in AlignBatchNodeFactory.xml beside this class. */
public final class AlignBatchNodeFactory extends JindNodeFactory<AlignBatchNodeModel> {

    @Override
    public AlignBatchNodeModel createNodeModel() {
        return new AlignBatchNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AlignBatchNodeDialog();
    }
}
