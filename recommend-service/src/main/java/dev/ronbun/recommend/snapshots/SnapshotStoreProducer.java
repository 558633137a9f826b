package dev.ronbun.recommend.snapshots;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ronbun.recommend.config.RecommendConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The snapshot store {@code ronbun.recommend.snapshots.store} names: a folder, {@code s3://bucket/prefix}, or none. */
@ApplicationScoped
public class SnapshotStoreProducer {

    @Produces
    @Singleton
    Optional<SnapshotStore> store(RecommendConfig config, ObjectMapper mapper) {
        RecommendConfig.Snapshots settings = config.snapshots();
        SnapshotJson json = new SnapshotJson(mapper);
        return settings.store().filter(s -> !s.isBlank())
                .map(location -> of(location, settings.s3Endpoint(), settings.s3Region(), json));
    }

    void close(@Disposes Optional<SnapshotStore> store) {
        store.ifPresent(s -> {
            if (s instanceof S3SnapshotStore s3) {
                s3.close();
            }
        });
    }

    static SnapshotStore of(String location, Optional<URI> s3Endpoint, String s3Region, SnapshotJson json) {
        if (!location.startsWith("s3://")) {
            return new FolderSnapshotStore(Path.of(location), json);
        }
        URI uri = URI.create(location);
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("ronbun.recommend.snapshots.store names no bucket: " + location);
        }
        String prefix = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new S3SnapshotStore(s3Client(s3Endpoint, s3Region, DefaultCredentialsProvider.builder().build()),
                uri.getHost(), prefix, json);
    }

    /**
     * An S3 client on the SDK's own HTTP client. Checksums only where the API requires them: the SDK's default
     * trailing checksums are refused by many S3-compatible services (S3Proxy, older MinIO and Ceph).
     */
    static S3Client s3Client(Optional<URI> endpoint, String region, AwsCredentialsProvider credentials) {
        S3ClientBuilder client = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(region)).credentialsProvider(credentials)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        endpoint.ifPresent(uri -> client.endpointOverride(uri).forcePathStyle(true));
        return client.build();
    }
}
