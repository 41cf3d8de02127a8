package org.jind.core.data;

import java.util.Locale;
import java.util.Set;

/**
 * The values of a CSV/TSV table as the tools of its users write them (pandas' {@code to_csv}, R's
 * {@code write.csv}, spreadsheets): decimal numbers with an optional sign, fraction and exponent ({@code 3},
 * {@code -0.25}, {@code .5}, {@code 5.}, {@code 1e-07}, {@code 1E+05}), infinities ({@code inf}, {@code -Infinity}
 * in any letter case) and the missing-value spellings that pandas' {@code read_csv} reads as NaN ({@code ''},
 * {@code NaN}, {@code NA}, {@code null}, ...). Java's own spellings ({@code 2f}, {@code 1.5d}, {@code 0x1p1}) are text
 * here, as they are to pandas.
 */
final class CsvValues {
    /** What a field is. */
    enum Kind { NUMBER, INFINITE, MISSING, TEXT }

    /** pandas' default NaN spellings (read_csv's {@code na_values}). */
    private static final Set<String> MISSING = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN",
            "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null");

    private CsvValues() {
    }

    static Kind kind(String field) {
        String s = field.strip();
        if (isDecimal(s)) {
            return Kind.NUMBER;
        }
        if (MISSING.contains(s)) {
            return Kind.MISSING;
        }
        String unsigned = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        String lower = unsigned.toLowerCase(Locale.ROOT);
        return lower.equals("inf") || lower.equals("infinity") ? Kind.INFINITE : Kind.TEXT;
    }

    /** {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}, nothing else. */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
