package org.jind.core.random;

/** The 32-bit Mersenne twister MT19937 (Matsumoto and Nishimura), seeded with its standard 32-bit routine. */
public final class Mt19937 {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER = 0x80000000;
    private static final int LOWER = 0x7fffffff;

    private final int[] state = new int[N];
    private int next = N;

    /** Seeds with the low 32 bits of {@code seed}, as PyTorch and NumPy's legacy generator do. */
    public Mt19937(long seed) {
        state[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            int prev = state[i - 1];
            state[i] = 1812433253 * (prev ^ (prev >>> 30)) + i;
        }
    }

    /** The next 32-bit word, as an unsigned value in a long. */
    public long nextUnsigned() {
        return nextInt() & 0xffffffffL;
    }

    /** The next 32-bit word (the bits of an unsigned value). */
    public int nextInt() {
        if (next >= N) {
            twist();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        return y ^ (y >>> 18);
    }

    /** Advances by {@code words} 32-bit words without using them. */
    public void skip(long words) {
        while (words > 0) {
            if (next >= N) {
                twist();
            }
            int take = (int) Math.min(words, N - next);
            next += take;
            words -= take;
        }
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & UPPER) | (state[(i + 1) % N] & LOWER);
            state[i] = state[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        next = 0;
    }
}
