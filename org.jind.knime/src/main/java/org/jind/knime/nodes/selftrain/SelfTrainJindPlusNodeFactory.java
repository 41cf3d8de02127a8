package org.jind.knime.nodes.selftrain;

import org.jind.knime.nodes.JindNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Self-train JIND+. Described in SelfTrainJindPlusNodeFactory.xml beside this class. */
public final class SelfTrainJindPlusNodeFactory extends JindNodeFactory<SelfTrainJindPlusNodeModel> {

    @Override
    public SelfTrainJindPlusNodeModel createNodeModel() {
        return new SelfTrainJindPlusNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new SelfTrainJindPlusNodeDialog();
    }
}
