package dev.ronbun.embed.embedding;

import ai.djl.huggingface.tokenizers.Encoding;

import java.util.Arrays;

/**
 * Token ids of several texts padded to the longest of them, row-major, ready to become the model's input tensors.
 *
 * @param ids           input ids, {@code size * length}
 * @param typeIds       token type ids, {@code size * length}
 * @param attentionMask 1 for real tokens, 0 for padding
 * @param size          number of texts
 * @param length        tokens per row after padding
 */
record TokenBatch(long[] ids, long[] typeIds, long[] attentionMask, int size, int length) {

    /** Packs {@code encodings[order[from..to)]}, padding each row with {@code padId} up to the longest row. */
    static TokenBatch pack(Encoding[] encodings, int[] order, int from, int to, long padId) {
        int size = to - from;
        int length = 0;
        for (int i = from; i < to; i++) {
            length = Math.max(length, encodings[order[i]].getIds().length);
        }
        long[] ids = new long[size * length];
        long[] typeIds = new long[size * length];
        long[] mask = new long[size * length];
        Arrays.fill(ids, padId);
        for (int row = 0; row < size; row++) {
            Encoding encoding = encodings[order[from + row]];
            long[] rowIds = encoding.getIds();
            int offset = row * length;
            System.arraycopy(rowIds, 0, ids, offset, rowIds.length);
            System.arraycopy(encoding.getTypeIds(), 0, typeIds, offset, rowIds.length);
            Arrays.fill(mask, offset, offset + rowIds.length, 1L);
        }
        return new TokenBatch(ids, typeIds, mask, size, length);
    }
}
