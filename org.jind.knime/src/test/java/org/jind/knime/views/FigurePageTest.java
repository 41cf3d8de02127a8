package org.jind.knime.views;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jind.core.Jind;
import org.jind.core.Progress;
import org.jind.core.data.Dataset;
import org.jind.core.data.SparseMatrix;
import org.jind.core.model.EpochRecord;
import org.jind.core.model.JindModel;
import org.jind.core.plot.ConfidencePlot;
import org.jind.core.plot.ConfusionHeatmap;
import org.jind.core.plot.Curves;
import org.jind.core.plot.Figure;
import org.jind.core.plot.LatentMap;
import org.jind.core.plot.ModelFigures;
import org.jind.knime.logic.TinyJind;
import org.junit.BeforeClass;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The web views' HTML: a well-formed document with one tab per figure, each figure's SVG inline, ids unique across
 * the page, and a hover title on every drawn point saying what the point is.
 */
public class FigurePageTest {
    @BeforeClass
    public static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** Types with characters that must be escaped in HTML and XML. */
    private static final String[] TYPES = {"B cell", "CD4+ <naive> & \"co\""};

    @Test
    public void confidencePointsSayTheirTypeAndConfidence() throws Exception {
        int[] type = {0, 0, 1, 1, 1};
        float[] confidence = {0.5f, 0.75f, 0.875f, 0.25f, 1f};
        Figure f = ConfidencePlot.of("confidence", "cells of the batch", TYPES, type, confidence,
                new double[] {0.4, 0.6}, 0.05, 3);
        Document page = parse(FigurePage.of("JIND", List.of(f), "none"));
        Element svg = onlySvg(page, 0);
        assertEquals(List.of("B cell; confidence (highest probability): 0.5000",
                "B cell; confidence (highest probability): 0.7500",
                "CD4+ <naive> & \"co\"; confidence (highest probability): 0.2500",
                "CD4+ <naive> & \"co\"; confidence (highest probability): 0.8750",
                "CD4+ <naive> & \"co\"; confidence (highest probability): 1"), sorted(titles(svg)));
    }

    @Test
    public void latentMapPointsSayTheirTypeInOnePanelAndTheirBatchInTheOther() throws Exception {
        LatentMap.Data d = new LatentMap.Data("latent-before", "Latent map before alignment", "note", TYPES,
                new float[] {0, 0, 1, 1, 2, 0, 3, 1}, new int[] {0, 1, 1, 0}, new boolean[] {false, false, true, true});
        Document page = parse(FigurePage.of("JIND", List.of(LatentMap.of(d)), "none"));
        Map<String, Integer> counts = counts(titles(onlySvg(page, 0)));
        assertEquals(Map.of("B cell", 2, TYPES[1], 2, "source batch", 2, "target batch", 2), counts);
    }

    @Test
    public void heatmapCellsSayPredictionTrueTypeAndFraction() throws Exception {
        ConfusionHeatmap.Data d = new ConfusionHeatmap.Data(TYPES, new String[] {"B cell", TYPES[1], "Unassigned"},
                new double[][] {{0.75, 0.125, 0.125}, {0, 0.5, 0.5}}, 16, 0.6, 0.3, 0.9);
        Document page = parse(FigurePage.of("JIND", List.of(ConfusionHeatmap.of(d)), "none"));
        List<String> t = titles(onlySvg(page, 0));
        assertEquals(6, t.size());
        assertTrue(t.toString(), t.contains("prediction: B cell; true cell type: B cell; fraction of the true type: 0.7500"));
        assertTrue(t.toString(), t.contains("prediction: Unassigned; true cell type: " + TYPES[1]
                + "; fraction of the true type: 0.5000"));
        assertTrue(t.toString(), t.contains("prediction: B cell; true cell type: " + TYPES[1]
                + "; fraction of the true type: 0"));
    }

    @Test
    public void curvePointsSayTheirEpochAndValue() throws Exception {
        List<EpochRecord> h = List.of(new EpochRecord(1, 1.5, 0.625, 1e-3), new EpochRecord(2, 0.75, 0.875, 1e-3));
        Document page = parse(FigurePage.of("JIND", List.of(Curves.training("training", "Training", h, 2)), "none"));
        assertEquals(List.of("training loss; epoch: 1; loss: 1.500", "training loss; epoch: 2; loss: 0.7500",
                "validation accuracy; epoch: 1; validation accuracy: 0.6250",
                "validation accuracy; epoch: 2; validation accuracy: 0.8750"), sorted(titles(onlySvg(page, 0))));
    }

    @Test
    public void aBatchsFiguresEachGetATabWithTheirSvgAndIdsStayUnique() throws Exception {
        JindModel m = TinyJind.aligned();
        Dataset target = TinyJind.target();
        SparseMatrix x = Jind.prepare(m, target, false, Progress.NONE).matrixFor(m.plan);
        List<Figure> figures = ModelFigures.ofBatch(m, x, target.obs(TinyJind.LABEL), 0.05, 0);
        Document page = parse(FigurePage.of("JIND", figures, "none"));
        assertEquals(figures.stream().map(Figure::title).toList(), labels(page));
        assertEquals(List.of("confusion", "confidence", "latent-before", "latent-after"),
                figures.stream().map(Figure::name).toList());
        for (int i = 0; i < figures.size(); i++) {
            assertTrue("tab " + i + " holds a drawing", onlySvg(page, i).getElementsByTagName("path").getLength()
                    + onlySvg(page, i).getElementsByTagName("rect").getLength() > 10);
        }
        // both latent maps: every target cell and every stored source cell once per panel
        int cells = m.sourceCodeLabels.length + target.cellIds().length;
        assertEquals(2 * cells, titles(onlySvg(page, 2)).size());
        assertEquals(2 * cells, titles(onlySvg(page, 3)).size());
        assertUniqueIdsAndResolvedReferences(page);
    }

    @Test
    public void modelPageShowsSummaryTableCurvesAndConfidence() throws Exception {
        JindModel m = TinyJind.aligned();
        Document page = parse(FigurePage.ofModel(m));
        assertEquals(List.of("JIND model", "Training", "Alignment", "Confidence per cell type"), labels(page));
        Element summary = section(page, 0);
        assertEquals(m.classes.length + 1, summary.getElementsByTagName("tr").getLength());
        assertEquals("Rejection threshold", ((Element) summary.getElementsByTagName("th").item(3)).getTextContent());
        assertTrue(summary.getTextContent(), summary.getTextContent().contains("cell types: " + m.classes.length));
        // one hover title per validation cell (fewer than 1500 per type, so none is sampled away)
        assertEquals(m.validation.cells(), titles(onlySvg(page, 3)).size());
        assertUniqueIdsAndResolvedReferences(page);
    }

    @Test
    public void noFiguresGiveTheMessageAlone() throws Exception {
        Document page = parse(FigurePage.of("JIND", List.of(), "Execute the node to see its figures."));
        assertEquals(0, page.getElementsByTagName("section").getLength());
        assertEquals("Execute the node to see its figures.",
                page.getElementsByTagName("p").item(0).getTextContent());
    }

    private static Document parse(String html) throws Exception {
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue("self-contained: no script", !html.contains("<script"));
        Matcher links = Pattern.compile("(href|src)=\"([^\"#][^\"]*)\"").matcher(html);
        if (links.find()) {
            throw new AssertionError("self-contained, yet the page links " + links.group());
        }
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> labels(Document page) {
        List<String> out = new ArrayList<>();
        NodeList l = page.getElementsByTagName("label");
        for (int i = 0; i < l.getLength(); i++) {
            out.add(l.item(i).getTextContent());
        }
        return out;
    }

    private static Element section(Document page, int i) {
        return (Element) page.getElementsByTagName("section").item(i);
    }

    private static Element onlySvg(Document page, int section) {
        NodeList svgs = section(page, section).getElementsByTagName("svg");
        assertEquals(1, svgs.getLength());
        return (Element) svgs.item(0);
    }

    private static List<String> titles(Element svg) {
        List<String> out = new ArrayList<>();
        NodeList l = svg.getElementsByTagName("title");
        for (int i = 0; i < l.getLength(); i++) {
            out.add(l.item(i).getTextContent());
        }
        return out;
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }

    private static Map<String, Integer> counts(List<String> l) {
        Map<String, Integer> m = new TreeMap<>();
        l.forEach(s -> m.merge(s, 1, Integer::sum));
        return m;
    }

    /** Inline SVGs share the page's ids: each must be defined once, and each url(#…) must name one of them. */
    private static void assertUniqueIdsAndResolvedReferences(Document page) {
        Set<String> ids = new HashSet<>();
        List<String> dup = new ArrayList<>();
        NodeList all = page.getElementsByTagName("*");
        StringBuilder refs = new StringBuilder();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("id") && !ids.add(e.getAttribute("id"))) {
                dup.add(e.getAttribute("id"));
            }
            for (String a : new String[] {"clip-path", "style", "fill"}) {
                refs.append(e.getAttribute(a)).append(' ');
            }
        }
        assertEquals(List.of(), dup);
        Matcher m = Pattern.compile("url\\(#([^)]+)\\)").matcher(refs);
        int n = 0;
        while (m.find()) {
            assertTrue("defined: " + m.group(1), ids.contains(m.group(1)));
            n++;
        }
        assertTrue("the figures clip to their plot areas", n > 0);
    }
}
