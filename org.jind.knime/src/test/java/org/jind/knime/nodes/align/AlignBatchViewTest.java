package org.jind.knime.nodes.align;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jind.core.align.Aligner;
import org.jind.core.plot.Curves;
import org.jind.core.plot.FigureStore;
import org.jind.core.plot.LatentMap;
import org.jind.knime.views.FigurePage;
import org.junit.BeforeClass;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Align Batch's view with a batch column: the web page (what {@code FigureWebView} serves) has each batch's latent
 * maps and alignment curves as tabs titled by the batch, from the view data the node keeps in its internals, also
 * after those were saved and read back (a reloaded workflow).
 */
public class AlignBatchViewTest {
    private static final String[] TYPES = {"B cell", "T cell"};

    @BeforeClass
    public static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** A latent map of {@code cells} cells: half source, half target, types alternating. */
    private static LatentMap.Data map(String name, String title, int cells) {
        float[] xy = new float[2 * cells];
        int[] type = new int[cells];
        boolean[] target = new boolean[cells];
        for (int i = 0; i < cells; i++) {
            xy[2 * i] = i;
            xy[2 * i + 1] = i % 3;
            type[i] = i % 2;
            target[i] = i >= cells / 2;
        }
        return new LatentMap.Data(name, title, "note", TYPES, xy, type, target);
    }

    private static AlignBatchNodeModel.BatchView batch(String batch, int cells, int best) {
        List<Aligner.EpochRecord> history = List.of(new Aligner.EpochRecord(1, 0.7, 0.69, true, 0.2, 0),
                new Aligner.EpochRecord(2, 0.6, 0.7, true, 0.1, 0), new Aligner.EpochRecord(3, 0.9, 0.3, false,
                        Double.NaN, 0));
        return new AlignBatchNodeModel.BatchView(batch, List.of(map("latent-before", "Latent map before alignment",
                cells), map("latent-after", "Latent map after alignment", cells)),
                new Curves.AlignmentData(history, best, 0.3, 0.25));
    }

    @Test
    public void eachBatchGetsItsLatentMapsAndCurvesAsTabsAlsoAfterReloading() throws Exception {
        AlignBatchNodeModel.ViewData view = new AlignBatchNodeModel.ViewData(List.of(), null,
                List.of(batch("donor A", 6, 2), batch("donor B", 10, 1)));
        Path file = Files.createTempFile("align-view", ".json");
        try {
            FigureStore.write(file, view);
            AlignBatchNodeModel.ViewData reloaded = FigureStore.read(file, AlignBatchNodeModel.ViewData.class);
            for (AlignBatchNodeModel.ViewData v : List.of(view, reloaded)) {
                Document page = parse(FigurePage.of("JIND", v.figures(), "none"));
                assertEquals(List.of("Batch 'donor A': Latent map before alignment",
                        "Batch 'donor A': Latent map after alignment", "Batch 'donor A': Alignment",
                        "Batch 'donor B': Latent map before alignment", "Batch 'donor B': Latent map after alignment",
                        "Batch 'donor B': Alignment"), labels(page));
                // every cell of a batch's map drawn (with its hover title) in both panels (by type, by batch)
                assertEquals(2 * 6, titles(page, 0));
                assertEquals(2 * 6, titles(page, 1));
                assertEquals(2 * 10, titles(page, 3));
                assertEquals(2 * 10, titles(page, 4));
                assertTrue(titles(page, 2) > 0);
            }
        } finally {
            Files.delete(file);
        }
    }

    @Test
    public void withoutABatchColumnTheTabsAreTheMapsAndTheCurvesUntitledByBatch() throws Exception {
        AlignBatchNodeModel.BatchView one = batch("unused", 8, 1);
        Document page = parse(FigurePage.of("JIND", new AlignBatchNodeModel.ViewData(one.maps(), one.curves(), null)
                .figures(), "none"));
        assertEquals(List.of("Latent map before alignment", "Latent map after alignment", "Alignment"),
                labels(page));
        assertEquals(2 * 8, titles(page, 0));
    }

    private static Document parse(String html) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> labels(Document page) {
        List<String> out = new ArrayList<>();
        NodeList l = page.getElementsByTagName("label");
        for (int i = 0; i < l.getLength(); i++) {
            out.add(l.item(i).getTextContent());
        }
        return out;
    }

    /** The number of hover titles in the SVG of tab {@code section}. */
    private static int titles(Document page, int section) {
        Element s = (Element) page.getElementsByTagName("section").item(section);
        NodeList svgs = s.getElementsByTagName("svg");
        assertEquals(1, svgs.getLength());
        return ((Element) svgs.item(0)).getElementsByTagName("title").getLength();
    }
}
