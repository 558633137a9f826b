package dev.ronbun.tools.embedding;

import dev.ronbun.embed.embedding.BundledModel;
import dev.ronbun.embed.embedding.EmbedderSettings;
import dev.ronbun.embed.embedding.ModelFolder;
import dev.ronbun.embed.embedding.ModelSource;
import dev.ronbun.embed.embedding.TextEmbedder;
import dev.ronbun.tools.bench.LoadAverage;
import dev.ronbun.tools.bench.OwnProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Throughput harness (not a test): passages per second for synthetic Japanese-like passages of exactly N tokens,
 * per batch size, through the same {@link TextEmbedder} the service uses, and the process's peak resident memory.
 *
 * <pre>
 * java ... dev.ronbun.tools.embedding.EmbeddingBenchmark [--model-dir DIR] [--tokens 128,512] [--batch-sizes 1,8,16,32]
 *                                                       [--seconds 5] [--threads N]
 * </pre>
 * Each configuration is warmed up with two batches, then timed over whole calls of {@code 4 x batch} passages until
 * {@code --seconds} have passed; the line printed per configuration is the median of those calls. Because the
 * machine may be shared, it also prints passages per CPU-second of this process (all threads, from /proc/self/stat):
 * multiplied by the threads it is what an otherwise idle machine would reach, as long as threads scale.
 */
@Command(name = "ronbun bench embed", mixinStandardHelpOptions = true,
        description = "Passages per second of the embedding model, per passage length and batch size.")
public final class EmbeddingBenchmark implements Callable<Integer> {

    private static final String HIRAGANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん";
    private static final String KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
    private static final String KANJI = "学習法型予測評価実験結果提案手法性能精度生成言語画像音声推論計算効率分布確率最適化損失関数層注意機構表現特徴";

    @Option(names = "--model-dir", paramLabel = "DIR", description = "a model folder (default: the bundled model)")
    Path modelDirOption;

    @Option(names = "--tokens", split = ",", paramLabel = "N,N", description = "passage lengths in tokens "
            + "(default: 128,512)")
    int[] tokenLengths = {128, 512};

    @Option(names = "--batch-sizes", split = ",", paramLabel = "N,N", description = "default: 1,8,16,32")
    int[] batchSizes = {1, 8, 16, 32};

    @Option(names = "--seconds", paramLabel = "S", description = "per measurement (default: ${DEFAULT-VALUE})")
    double seconds = 5;

    @Option(names = "--threads", paramLabel = "N", description = "default: the number of CPUs")
    int threads = Runtime.getRuntime().availableProcessors();

    public static void main(String[] args) {
        System.exit(new CommandLine(new EmbeddingBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        Optional<Path> modelDir = Optional.ofNullable(modelDirOption);
        ModelFolder folder = new ModelSource(modelDir, BundledModel.defaultCacheRoot()).open();
        System.out.printf("model %s version %s threads %d cpus %d loadavg %s%n", folder.descriptor().id(),
                folder.modelVersion(), threads, Runtime.getRuntime().availableProcessors(), LoadAverage.now());
        for (int tokens : tokenLengths) {
            for (int batch : batchSizes) {
                EmbedderSettings settings = new EmbedderSettings(threads, batch, batch * tokens);
                try (TextEmbedder embedder = new TextEmbedder(folder, settings)) {
                    List<String> passages = passagesOf(embedder, tokens, 4 * batch);
                    embedder.embedPassages(passages.subList(0, Math.min(passages.size(), 2 * batch)));
                    double cpuBefore = cpuSeconds();
                    double[] run = medianPassagesPerSecond(embedder, passages, seconds);
                    double perCpuSecond = run[1] / (cpuSeconds() - cpuBefore);
                    System.out.printf("tokens %d batch %d (runs %d) passages/s %.1f passages/cpu-s %.1f rss_mib %d "
                                    + "peak_rss_mib %d%n", tokens, batch, embedder.maxBatchSize(), run[0], perCpuSecond,
                            OwnProcess.statusMib("VmRSS"), OwnProcess.statusMib("VmHWM"));
                }
            }
        }
        System.out.printf("loadavg %s%n", LoadAverage.now());
        return 0;
    }

    /** The median wall-clock rate over repeated calls, and the number of passages embedded in all. */
    private static double[] medianPassagesPerSecond(TextEmbedder embedder, List<String> passages, double seconds) {
        List<Double> rates = new ArrayList<>();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (rates.size() < 3 || System.nanoTime() < deadline) {
            long start = System.nanoTime();
            embedder.embedPassages(passages);
            rates.add(passages.size() / ((System.nanoTime() - start) / 1e9));
        }
        rates.sort(Double::compare);
        return new double[] {rates.get(rates.size() / 2), (double) rates.size() * passages.size()};
    }

    /** User plus system CPU time of the whole process, native ONNX Runtime threads included. */
    private static double cpuSeconds() {
        try {
            return OwnProcess.cpuSeconds();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Distinct passages of exactly {@code tokens} tokens (special tokens included) for this model's tokenizer. */
    static List<String> passagesOf(TextEmbedder embedder, int tokens, int count) {
        Random random = new Random(42);
        List<String> passages = new ArrayList<>(count);
        while (passages.size() < count) {
            String text = japaneseLike(random, tokens * 3);
            int low = 1;
            int high = text.length();
            while (low < high) {
                int middle = (low + high + 1) / 2;
                if (embedder.passageTokenCount(text.substring(0, middle)) <= tokens) {
                    low = middle;
                } else {
                    high = middle - 1;
                }
            }
            String passage = text.substring(0, low);
            if (embedder.passageTokenCount(passage) == tokens) {
                passages.add(passage);
            }
        }
        return passages;
    }

    private static String japaneseLike(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int word = 1 + random.nextInt(4);
            String pool = switch (random.nextInt(3)) {
                case 0 -> HIRAGANA;
                case 1 -> KATAKANA;
                default -> KANJI;
            };
            for (int i = 0; i < word; i++) {
                text.append(pool.charAt(random.nextInt(pool.length())));
            }
            if (random.nextInt(12) == 0) {
                text.append('。');
            }
        }
        return text.toString();
    }

}
