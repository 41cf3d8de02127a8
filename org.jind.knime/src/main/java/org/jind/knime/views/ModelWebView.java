package org.jind.knime.views;

import java.util.List;
import java.util.Optional;

import org.jind.knime.port.JindModelPortObject;
import org.knime.core.webui.data.InitialDataService;
import org.knime.core.webui.data.RpcDataService;
import org.knime.core.webui.node.port.PortView;
import org.knime.core.webui.node.port.PortViewFactory;
import org.knime.core.webui.node.port.PortViewManager;
import org.knime.core.webui.page.Page;

/**
 * The model port's web view (KNIME's modern UI): {@link FigurePage#ofModel}, what the Swing port views show.
 * KNIME has no extension point for the web views of a custom port type; they are registered in code with
 * {@link PortViewManager}, which {@link #register()} does (called when the port type is first looked up).
 */
public final class ModelWebView implements PortView {
    private static boolean registered;

    /** What {@link PortViewManager} calls, with the port's object, when the UI opens the view. */
    static final class Factory implements PortViewFactory<JindModelPortObject> {
        @Override
        public PortView createPortView(JindModelPortObject portObject) {
            return new ModelWebView(portObject);
        }
    }

    private final JindModelPortObject port;

    private ModelWebView(JindModelPortObject port) {
        this.port = port;
    }

    /** Registers the view for executed model ports (once; later calls do nothing). */
    public static synchronized void register() {
        if (!registered) {
            PortViewManager.registerPortViews(JindModelPortObject.class,
                    List.of(new PortViewManager.PortViewDescriptor("JIND model", new Factory())), List.of(), List.of(0));
            registered = true;
        }
    }

    @Override
    public Page getPage() {
        return FigureWebView.page(() -> FigurePage.ofModel(port.anyModel()));
    }

    @Override
    public <D> Optional<InitialDataService<D>> createInitialDataService() {
        return Optional.empty();
    }

    @Override
    public Optional<RpcDataService> createRpcDataService() {
        return Optional.empty();
    }
}
