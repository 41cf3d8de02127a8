package org.jind.knime.nodes.scorer;

import org.jind.knime.nodes.JindNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** JIND Scorer. Described in JindScorerNodeFactory.xml beside this class. */
public final class JindScorerNodeFactory extends JindNodeFactory<JindScorerNodeModel> {

    @Override
    public JindScorerNodeModel createNodeModel() {
        return new JindScorerNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new JindScorerNodeDialog();
    }
}
