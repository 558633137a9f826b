package dev.ronbun.embed.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * The default model, bge-small-zh-v1.5 quantised to int8, shipped inside the langchain4j model jar on the classpath.
 * ONNX Runtime and the tokenizer need real files, so it is copied once into a cache folder and opened from there
 * like any user-supplied model folder.
 */
public final class BundledModel {

    /** Folder name under the cache root, and the model id in its descriptor. */
    public static final String ID = "bge-small-zh-v15-q";

    private static final String ONNX_RESOURCE = "/bge-small-zh-v1.5-q.onnx";
    private static final String TOKENIZER_RESOURCE = "/bge-small-zh-v1.5-q-tokenizer.json";
    private static final String DESCRIPTOR_RESOURCE = "/models/" + ID + "/" + ModelDescriptor.FILE_NAME;

    private BundledModel() {
    }

    /** {@code ${java.io.tmpdir}/ronbun-models}, used when no cache folder is configured. */
    public static Path defaultCacheRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"), "ronbun-models");
    }

    /** Copies the bundled files into {@code cacheRoot/}{@value #ID} unless they are already there, and opens it. */
    public static ModelFolder materialise(Path cacheRoot) throws IOException {
        Path folder = cacheRoot.resolve(ID);
        Files.createDirectories(folder);
        copyIfChanged(ONNX_RESOURCE, folder.resolve(ModelDescriptor.DEFAULT_MODEL_FILE));
        copyIfChanged(TOKENIZER_RESOURCE, folder.resolve(ModelDescriptor.DEFAULT_TOKENIZER_FILE));
        copyIfChanged(DESCRIPTOR_RESOURCE, folder.resolve(ModelDescriptor.FILE_NAME));
        return ModelFolder.open(folder);
    }

    /**
     * Skips the 24 MB copy when a file of the same size is already there; writes through a temporary file and an
     * atomic move so that two services starting together never see a half-written model.
     */
    private static void copyIfChanged(String resource, Path target) throws IOException {
        URL url = BundledModel.class.getResource(resource);
        if (url == null) {
            throw new IOException("bundled model resource " + resource + " is not on the classpath");
        }
        URLConnection connection = url.openConnection();
        long size = connection.getContentLengthLong();
        if (Files.isRegularFile(target) && Files.size(target) == size && (size > 64 * 1024 || sameBytes(url, target))) {
            return;
        }
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static boolean sameBytes(URL url, Path target) {
        try (InputStream in = url.openStream()) {
            return Arrays.equals(in.readAllBytes(), Files.readAllBytes(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
