package org.jind.knime.nodes.train;

import org.jind.knime.nodes.JindNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Train JIND. Described in TrainJindNodeFactory.xml beside this class. */
public final class TrainJindNodeFactory extends JindNodeFactory<TrainJindNodeModel> {

    @Override
    public TrainJindNodeModel createNodeModel() {
        return new TrainJindNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new TrainJindNodeDialog();
    }
}
