package org.jind.knime.nodes.reader;

import org.jind.knime.nodes.JindNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Single-Cell Reader. Described in SingleCellReaderNodeFactory.xml beside this class. */
public final class SingleCellReaderNodeFactory extends JindNodeFactory<SingleCellReaderNodeModel> {

    @Override
    public SingleCellReaderNodeModel createNodeModel() {
        return new SingleCellReaderNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new SingleCellReaderNodeDialog();
    }
}
