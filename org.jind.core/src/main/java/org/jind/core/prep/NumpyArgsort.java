package org.jind.core.prep;

/**
 * NumPy's default {@code argsort} (kind "quicksort", NumPy 1.x on float32): an introsort with median-of-three
 * partitions, insertion sort up to 16 elements and heapsort past a depth limit. It is not stable, so among equal
 * values it leaves an order of its own. The reference ranks genes with it, and many genes tie in float32 variance
 * (316 of the 1,767 PBMC source genes share theirs with another), so the reference's gene order needs this exact
 * algorithm.
 */
final class NumpyArgsort {
    private static final int SMALL = 15;

    private NumpyArgsort() {
    }

    /** The indices that sort {@code v} ascending, as {@code np.argsort(v)} gives them. */
    static int[] argsort(float[] v) {
        int n = v.length;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        if (n < 2) {
            return a;
        }
        int[] stack = new int[128];
        int[] depths = new int[64];
        int sp = 0;
        int dp = 0;
        int pl = 0;
        int pr = n - 1;
        int depth = 2 * (31 - Integer.numberOfLeadingZeros(n));
        while (true) {
            if (depth < 0) {
                heapsort(v, a, pl, pr - pl + 1);
            } else {
                while (pr - pl > SMALL) {
                    int pm = pl + ((pr - pl) >> 1);
                    if (less(v[a[pm]], v[a[pl]])) {
                        swap(a, pm, pl);
                    }
                    if (less(v[a[pr]], v[a[pm]])) {
                        swap(a, pr, pm);
                    }
                    if (less(v[a[pm]], v[a[pl]])) {
                        swap(a, pm, pl);
                    }
                    float pivot = v[a[pm]];
                    int pi = pl;
                    int pj = pr - 1;
                    swap(a, pm, pj);
                    while (true) {
                        do {
                            pi++;
                        } while (less(v[a[pi]], pivot));
                        do {
                            pj--;
                        } while (less(pivot, v[a[pj]]));
                        if (pi >= pj) {
                            break;
                        }
                        swap(a, pi, pj);
                    }
                    swap(a, pi, pr - 1);
                    if (pi - pl < pr - pi) { // keep the smaller part, push the larger one
                        stack[sp++] = pi + 1;
                        stack[sp++] = pr;
                        pr = pi - 1;
                    } else {
                        stack[sp++] = pl;
                        stack[sp++] = pi - 1;
                        pl = pi + 1;
                    }
                    depths[dp++] = --depth;
                }
                for (int i = pl + 1; i <= pr; i++) {
                    int vi = a[i];
                    float vp = v[vi];
                    int j = i;
                    while (j > pl && less(vp, v[a[j - 1]])) {
                        a[j] = a[j - 1];
                        j--;
                    }
                    a[j] = vi;
                }
            }
            if (sp == 0) {
                return a;
            }
            pr = stack[--sp];
            pl = stack[--sp];
            depth = depths[--dp];
        }
    }

    /** NumPy's heapsort of {@code a[from .. from+n)} by value (1-based heap indexing). */
    private static void heapsort(float[] v, int[] a, int from, int n) {
        int base = from - 1;
        for (int l = n >> 1; l > 0; l--) {
            sift(v, a, base, l, n, a[base + l]);
        }
        for (int m = n; m > 1;) {
            int tmp = a[base + m];
            a[base + m] = a[base + 1];
            m--;
            sift(v, a, base, 1, m, tmp);
        }
    }

    private static void sift(float[] v, int[] a, int base, int i, int n, int tmp) {
        for (int j = i << 1; j <= n;) {
            if (j < n && less(v[a[base + j]], v[a[base + j + 1]])) {
                j++;
            }
            if (less(v[tmp], v[a[base + j]])) {
                a[base + i] = a[base + j];
                i = j;
                j += j;
            } else {
                break;
            }
        }
        a[base + i] = tmp;
    }

    /** NumPy's float order: NaN sorts last. */
    private static boolean less(float a, float b) {
        return a < b || (b != b && a == a);
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
