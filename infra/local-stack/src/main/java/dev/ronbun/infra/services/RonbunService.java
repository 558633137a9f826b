package dev.ronbun.infra.services;

import java.nio.file.Path;

/** The three services of the pipeline, in the order a document flows through them. */
public enum RonbunService {

    /** Receives documents and publishes the papers found in them. */
    INGEST("ingest-service", 8081, "ronbun_ingest"),
    /** Embeds papers, stores them, publishes them. */
    EMBED("embed-service", 8082, "ronbun_embed"),
    /** Indexes papers, serves related papers and the web UI. */
    RECOMMEND("recommend-service", 8080, "ronbun_recommend");

    private final String moduleName;
    private final int defaultPort;
    private final String database;

    RonbunService(String moduleName, int defaultPort, String database) {
        this.moduleName = moduleName;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    /** The Maven module's directory name, which is also the process's name in logs and pid files. */
    public String moduleName() {
        return moduleName;
    }

    /** The HTTP port of the local stack; recommend-service has 8080 because it serves the web UI. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The service's own database; services never share one. */
    public String database() {
        return database;
    }

    /** The packaged service that {@code mvn package} leaves in the module. */
    public Path runnableJar(Path repositoryRoot) {
        return repositoryRoot.resolve(moduleName).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
