package dev.ronbun.embed.embedding;

import dev.ronbun.text.ModelTextNormalizer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code modelVersion} stored with every vector: vectors are only comparable when the model file, the tokenizer,
 * the descriptor and (where used) the text normaliser are all the same. Hashing size plus the first and last MiB
 * rather than whole files keeps start-up fast for 500 MB models while still telling any two real exports apart.
 */
final class ModelFingerprint {

    private static final int EDGE_BYTES = 1 << 20;

    private ModelFingerprint() {
    }

    static String of(Path modelFile, Path tokenizerFile, ModelDescriptor descriptor) throws IOException {
        MessageDigest sha = sha256();
        digestEdges(sha, modelFile);
        digestEdges(sha, tokenizerFile);
        sha.update(descriptor.toJson());
        if (descriptor.japaneseNormalization()) {
            sha.update(("normalizer:" + ModelTextNormalizer.version()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }

    private static void digestEdges(MessageDigest sha, Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(size).flip());
            digestRange(sha, channel, 0, Math.min(size, EDGE_BYTES));
            long tailStart = Math.max(EDGE_BYTES, size - EDGE_BYTES);
            digestRange(sha, channel, tailStart, size - tailStart);
        }
    }

    private static void digestRange(MessageDigest sha, FileChannel channel, long start, long length) throws IOException {
        if (length <= 0) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        long position = start;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position);
            if (read < 0) {
                break;
            }
            position += read;
        }
        sha.update(buffer.flip());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
