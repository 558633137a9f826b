package dev.ronbun.embed.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where the benchmark's transformers.js references find what they run: node, the scripts of
 * {@code src/test/bench}, the install under {@code ronbun.benchmark.node-modules} (./ronbun bench pipeline installs
 * transformers.js, kafkajs and pg there with ONNXRUNTIME_NODE_INSTALL=skip), and the bundled model's files.
 *
 * @param missing why a reference cannot run, or null when it can
 */
record TransformersJs(Path scripts, Path nodeModules, Path modelDir, String missing) {

    /** {@code modelDir}: the bundled model, already materialised by the benchmark. */
    static TransformersJs find(Path root, Path modelDir) {
        Path modules = Path.of(System.getProperty("ronbun.benchmark.node-modules",
                root.resolve(".ronbun/bench/transformers-js/node_modules").toString()));
        String missing = null;
        if (!Files.isDirectory(modules.resolve("@huggingface/transformers"))) {
            missing = "no @huggingface/transformers in " + modules;
        } else if (!onPath("node")) {
            missing = "no node on the PATH";
        }
        return new TransformersJs(root.resolve("embed-service/src/test/bench"), modules, modelDir, missing);
    }

    boolean available() {
        return missing == null;
    }

    /** Whether the like-for-like pipeline's clients are installed too. */
    String pipelineMissing() {
        if (!available()) {
            return missing;
        }
        return Files.isDirectory(nodeModules.resolve("kafkajs")) && Files.isDirectory(nodeModules.resolve("pg"))
                ? null : "no kafkajs or pg in " + nodeModules;
    }

    /** The value after {@code name} in a line of "name value" pairs, as the references print them. */
    static String field(String line, String name) {
        String[] words = line.split(" ");
        for (int i = 0; i < words.length - 1; i++) {
            if (words[i].equals(name)) {
                return words[i + 1];
            }
        }
        throw new IllegalStateException(name + " not in " + line);
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
