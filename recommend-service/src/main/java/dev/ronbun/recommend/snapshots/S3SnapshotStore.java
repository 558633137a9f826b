package dev.ronbun.recommend.snapshots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Snapshots in an S3-compatible bucket (AWS S3, MinIO, Ceph, S3Proxy) through the AWS SDK: {@code <prefix><id>/<file>},
 * the manifest last. Files are streamed from and to disk, never held in memory.
 */
public final class S3SnapshotStore implements SnapshotStore, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(S3SnapshotStore.class);

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final SnapshotJson json;

    /** {@code prefix} is empty or ends with a slash. */
    public S3SnapshotStore(S3Client s3, String bucket, String prefix, SnapshotJson json) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        this.json = json;
    }

    @Override
    public List<SnapshotManifest> list() throws IOException {
        List<SnapshotManifest> manifests = new ArrayList<>();
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).delimiter("/").build();
        for (CommonPrefix folder : s3.listObjectsV2Paginator(request).commonPrefixes()) {
            String key = folder.prefix() + SnapshotManifest.FILE_NAME;
            try {
                ResponseBytes<GetObjectResponse> manifest = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
                manifests.add(json.read(manifest.asByteArray()));
            } catch (NoSuchKeyException e) {
                // files without a manifest: a snapshot still being written, or one whose upload failed
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Skipping the unreadable snapshot manifest s3://%s/%s: %s", bucket, key, e.getMessage());
            }
        }
        manifests.sort(Comparator.comparing(SnapshotManifest::id).reversed());
        return manifests;
    }

    @Override
    public void put(SnapshotManifest manifest, Path folder) throws IOException {
        for (SnapshotManifest.SnapshotFile file : manifest.files()) {
            s3.putObject(b -> b.bucket(bucket).key(key(manifest, file.name())), RequestBody.fromFile(folder.resolve(file.name())));
        }
        s3.putObject(b -> b.bucket(bucket).key(key(manifest, SnapshotManifest.FILE_NAME)).contentType("application/json"),
                RequestBody.fromBytes(json.write(manifest)));
    }

    @Override
    public void get(SnapshotManifest manifest, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (SnapshotManifest.SnapshotFile file : manifest.files()) {
            Path target = folder.resolve(file.name());
            Files.deleteIfExists(target);
            try {
                s3.getObject(b -> b.bucket(bucket).key(key(manifest, file.name())), ResponseTransformer.toFile(target));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    @Override
    public void delete(SnapshotManifest manifest) throws IOException {
        s3.deleteObject(b -> b.bucket(bucket).key(key(manifest, SnapshotManifest.FILE_NAME)));
        String folder = prefix + manifest.id() + "/";
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(folder)).contents()) {
            s3.deleteObject(b -> b.bucket(bucket).key(object.key()));
        }
    }

    @Override
    public String location() {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public void close() {
        s3.close();
    }

    private String key(SnapshotManifest manifest, String file) {
        return prefix + manifest.id() + "/" + file;
    }
}
