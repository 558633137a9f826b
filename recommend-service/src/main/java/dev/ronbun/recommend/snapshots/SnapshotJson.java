package dev.ronbun.recommend.snapshots;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/** A manifest as JSON, in the same shape in every store. */
public final class SnapshotJson {

    private final ObjectMapper mapper;

    public SnapshotJson(ObjectMapper mapper) {
        this.mapper = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public SnapshotManifest read(byte[] json) throws IOException {
        return mapper.readValue(json, SnapshotManifest.class);
    }

    public byte[] write(SnapshotManifest manifest) throws IOException {
        return mapper.writeValueAsBytes(manifest);
    }
}
