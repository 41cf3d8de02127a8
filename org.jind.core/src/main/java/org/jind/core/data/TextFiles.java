package org.jind.core.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jind.core.JindException;
import org.jind.core.util.Errors;

/** Opens text files that may be gzipped (recognised by their content, not their name). */
final class TextFiles {
    private TextFiles() {
    }

    static BufferedReader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * The CSV dialect of the wide tables: RFC 4180 quoting with the given delimiter, Unix line ends when
     * writing; empty lines are skipped when reading.
     */
    static CSVFormat csv(char delimiter) {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator('\n').setIgnoreEmptyLines(true)
                .build();
    }

    /**
     * Reads the records of a delimited file. Commons CSV decides every quoted field; a line without any quote
     * character has nothing to unquote and is one whole record (a record spans lines only inside quotes), so it
     * is split directly: the common case of a numeric table, read about 40 % faster than through the CSV parser.
     */
    static final class Records {
        private final BufferedReader in;
        private final String delimiterText;
        private final CSVFormat format;
        private final String src;
        private long line;

        /** Reads on from {@code in}, which has given {@code linesRead} lines already (e.g. the header). */
        Records(BufferedReader in, char delimiter, String src, long linesRead) {
            this.in = in;
            this.delimiterText = String.valueOf(delimiter);
            this.format = csv(delimiter);
            this.src = src;
            this.line = linesRead;
        }

        /** The fields of one complete line (e.g. the header). */
        static String[] fields(String line, char delimiter, String src) {
            return new Records(null, delimiter, src, 1).split(line, null);
        }

        /** The next record, or null at the end; empty lines are skipped. */
        String[] next() throws IOException {
            String l;
            do {
                l = in.readLine();
                if (l == null) {
                    return null;
                }
                line++;
            } while (l.isEmpty());
            return split(l, in);
        }

        /** Passes over the next record without splitting it (when only counting); false at the end. */
        boolean skip() throws IOException {
            String l;
            do {
                l = in.readLine();
                if (l == null) {
                    return false;
                }
                line++;
            } while (l.isEmpty());
            if (l.indexOf('"') >= 0) {
                split(l, in);
            }
            return true;
        }

        private String[] split(String l, BufferedReader more) {
            if (l.indexOf('"') < 0) {
                return l.split(delimiterText, -1);
            }
            // quoted fields: the record goes on while a quote is open (an odd number of quote characters so far)
            StringBuilder record = new StringBuilder(l);
            long quotes = count(l);
            while (quotes % 2 != 0) {
                String next = null;
                try {
                    next = more == null ? null : more.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (next == null) {
                    throw new JindException(src + ", line " + line + ": a quote opened here is never closed"
                            + " (truncated or malformed file?).");
                }
                line++;
                record.append('\n').append(next);
                quotes += count(next);
            }
            try (CSVParser p = CSVParser.parse(record.toString(), format)) {
                List<CSVRecord> r = p.getRecords();
                return r.isEmpty() ? new String[] {""} : r.get(0).values();
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                throw new JindException(src + ", line " + line + ": " + Errors.describe(e) + " (malformed quoting?).");
            }
        }

        /** The line number of the last line of the last record read. */
        long line() {
            return line;
        }

        private static long count(String s) {
            long n = 0;
            for (int i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) {
                n++;
            }
            return n;
        }
    }

    static char guessDelimiter(Path file, String header) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".tsv") || name.endsWith(".tsv.gz") || name.endsWith(".txt") || name.endsWith(".txt.gz")) {
            return '\t';
        }
        return header.indexOf('\t') >= 0 && header.indexOf(',') < 0 ? '\t' : ',';
    }
}
