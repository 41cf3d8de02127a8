package org.jind.core.data;

/** Chunks made from other chunks ({@link CellChunks#filtered}, {@link CellChunks#peeking}): same genes, same file. */
abstract class DerivedChunks implements CellChunks {
    final CellChunks in;

    DerivedChunks(CellChunks in) {
        this.in = in;
    }

    @Override
    public String[] genes() {
        return in.genes();
    }

    @Override
    public String[] geneAliases() {
        return in.geneAliases();
    }

    @Override
    public void close() {
        in.close();
    }
}
