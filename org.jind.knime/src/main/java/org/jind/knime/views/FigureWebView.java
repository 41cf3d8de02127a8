package org.jind.knime.views;

import java.util.Optional;
import java.util.function.Supplier;

import org.knime.core.node.NodeSettingsRO;
import org.knime.core.webui.data.ApplyDataService;
import org.knime.core.webui.data.InitialDataService;
import org.knime.core.webui.data.RpcDataService;
import org.knime.core.webui.node.view.NodeView;
import org.knime.core.webui.page.Page;

/**
 * A node's web view (KNIME's modern UI): its model's figures as a {@link FigurePage}. The page is a plain HTML
 * document built when the UI loads it, from the figure data the model kept, so it needs no data service and no
 * script. A node factory attaches it by implementing {@code NodeViewFactory<ItsModel>} with
 * {@code createNodeView(model) { return FigureWebView.of(model); }}.
 */
public final class FigureWebView implements NodeView {
    private final Supplier<String> html;

    private FigureWebView(Supplier<String> html) {
        this.html = html;
    }

    /** The view of a node whose model is {@code source}: its figures, or its {@link FigureSource#noFigures()}. */
    public static NodeView of(FigureSource source) {
        return new FigureWebView(() -> FigurePage.of("JIND", source.figures(), source.noFigures()));
    }

    @Override
    public Page getPage() {
        return page(html);
    }

    /** A page whose one document is {@code html}, asked for each time the UI loads the page. */
    static Page page(Supplier<String> html) {
        Page.StringSupplier content = html::get;
        return Page.create().fromString(content).relativePath("index.html");
    }

    @Override
    public <D> Optional<InitialDataService<D>> createInitialDataService() {
        return Optional.empty();
    }

    @Override
    public Optional<RpcDataService> createRpcDataService() {
        return Optional.empty();
    }

    @Override
    public <D> Optional<ApplyDataService<D>> createApplyDataService() {
        return Optional.empty();
    }

    @Override
    public void validateSettings(NodeSettingsRO settings) {
        // the view has no settings of its own
    }

    @Override
    public void loadValidatedSettingsFrom(NodeSettingsRO settings) {
        // the view has no settings of its own
    }
}
