package dev.ronbun.recommend.readers;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A paper in a reader's library: their note and tags (in the order the reader gave them). */
@Entity
@Table(name = "library_entries")
public class LibraryEntryEntity {

    @EmbeddedId
    public ReaderPaperEntity.Id id;

    @Column(name = "note")
    public String note;

    @Column(name = "saved_at", nullable = false)
    public Instant savedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "library_tags", joinColumns = {
            @JoinColumn(name = "reader_id", referencedColumnName = "reader_id"),
            @JoinColumn(name = "paper_id", referencedColumnName = "paper_id")})
    @OrderColumn(name = "position")
    @Column(name = "tag")
    public List<String> tags = new ArrayList<>();
}
