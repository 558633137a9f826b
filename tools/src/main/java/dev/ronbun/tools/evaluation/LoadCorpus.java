package dev.ronbun.tools.evaluation;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.cli.RonbunVersion;
import dev.ronbun.contracts.events.ReadingEvent;
import dev.ronbun.contracts.events.ReadingType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Seeds a running stack for the load test (not a test): publishes N synthetic papers (see {@link SyntheticPapers})
 * to {@code ronbun.papers.v1} and the reading histories of R readers to {@code ronbun.reading-events.v1}, exactly as
 * embed-service and the readers' endpoint would, then writes the paper ids and reader ids it used to two files so
 * that the load generator can address them. Readers are published straight to Kafka because the HTTP endpoint is
 * rate-limited per caller, which is the point of it, not something to load-test around.
 *
 * <pre>
 * LoadCorpus --bootstrap 127.0.0.1:9092 --papers 10000 --readers 1000 --out DIR [--events-per-reader 20]
 *     [--dimension 512] [--seed 42]
 * </pre>
 * Each reader has three interests (three clusters of papers) and 20 events: mostly reads, some opened, saved or
 * liked, and one dismissed paper, spread over the last few weeks.
 */
public final class LoadCorpus {

    private LoadCorpus() {
    }

    /** The synthetic corpus the load benchmark seeds: its seed and vector dimension. */
    public static final long SEED = 42;
    public static final int DIMENSION = 512;

    /** How many topics a corpus of that many synthetic papers is drawn from. */
    public static int clustersFor(int papers) {
        return Math.max(10, papers / 500);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(CommandLine.getCommandMethods(LoadCorpus.class, "run").getFirst())
                .execute(args));
    }

    @Command(name = "LoadCorpus", mixinStandardHelpOptions = true, versionProvider = RonbunVersion.class,
            description = "Writes synthetic papers and reading events to a broker, and their ids to a folder, "
                    + "for the load benchmark.")
    public static int run(
            @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT",
                    description = "the broker") String bootstrap,
            @Option(names = "--papers", defaultValue = "10000", paramLabel = "N",
                    description = "default: ${DEFAULT-VALUE}") int papers,
            @Option(names = "--readers", defaultValue = "1000", paramLabel = "N",
                    description = "default: ${DEFAULT-VALUE}") int readers,
            @Option(names = "--events-per-reader", defaultValue = "20", paramLabel = "N",
                    description = "default: ${DEFAULT-VALUE}") int eventsPerReader,
            @Option(names = "--dimension", defaultValue = "" + DIMENSION, paramLabel = "N",
                    description = "default: ${DEFAULT-VALUE}") int dimension,
            @Option(names = "--seed", defaultValue = "" + SEED, paramLabel = "N",
                    description = "default: ${DEFAULT-VALUE}") long seed,
            @Option(names = "--out", required = true, paramLabel = "DIR",
                    description = "where the ids go") Path out) throws Exception {
        int clusters = clustersFor(papers);
        SyntheticPapers synthetic = new SyntheticPapers(seed, dimension, clusters);
        Files.createDirectories(out);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            List<String> paperIds = new ArrayList<>(papers);
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < papers; i++) {
                String id = SyntheticPapers.idOf(i);
                paperIds.add(id);
                sent.add(producer.send(new ProducerRecord<>(Topics.PAPERS.name(), id,
                        EventJson.write(synthetic.paper(i)))));
            }
            awaitAll(sent);
            System.out.printf("published %d papers to %s%n", papers, Topics.PAPERS.name());

            List<String> readerIds = new ArrayList<>(readers);
            SplittableRandom random = new SplittableRandom(seed + 3);
            for (int r = 0; r < readers; r++) {
                String reader = "load-reader-" + r;
                readerIds.add(reader);
                for (ReadingEvent event : history(reader, random, papers, clusters, eventsPerReader)) {
                    sent.add(producer.send(new ProducerRecord<>(Topics.READING_EVENTS.name(), reader,
                            EventJson.write(event))));
                }
            }
            awaitAll(sent);
            System.out.printf("published %d reading events of %d readers to %s%n", readers * eventsPerReader,
                    readers, Topics.READING_EVENTS.name());
            Files.write(out.resolve("papers.txt"), paperIds);
            Files.write(out.resolve("readers.txt"), readerIds);
        }
        return 0;
    }

    /** Three interests of 50 %, 30 % and 20 % of the events; the last event dismisses a paper of the first. */
    private static List<ReadingEvent> history(String reader, SplittableRandom random, int papers, int clusters,
                                              int events) {
        Instant now = Instant.now();
        int[] interests = {random.nextInt(clusters), random.nextInt(clusters), random.nextInt(clusters)};
        int perCluster = Math.max(1, papers / clusters);
        List<ReadingEvent> history = new ArrayList<>(events);
        for (int e = 0; e < events; e++) {
            double share = e / (double) events;
            int cluster = share < 0.5 ? interests[0] : share < 0.8 ? interests[1] : interests[2];
            int paper = Math.min(papers - 1, cluster + clusters * random.nextInt(perCluster));
            ReadingType type = e == events - 1 ? ReadingType.DISMISSED : switch (random.nextInt(10)) {
                case 0, 1 -> ReadingType.OPENED;
                case 2 -> ReadingType.SAVED;
                case 3 -> ReadingType.LIKED;
                default -> ReadingType.READ;
            };
            Integer dwell = type == ReadingType.READ ? 60 + random.nextInt(900) : null;
            history.add(new ReadingEvent(ReadingEvent.SCHEMA_VERSION, reader + "-" + e, reader,
                    SyntheticPapers.idOf(paper), type, dwell, now.minusSeconds(3600L * (events - e) * 12)));
        }
        return history;
    }

    private static void awaitAll(List<Future<RecordMetadata>> sent) throws InterruptedException, ExecutionException {
        for (Future<RecordMetadata> future : sent) {
            future.get();
        }
        sent.clear();
    }
}
