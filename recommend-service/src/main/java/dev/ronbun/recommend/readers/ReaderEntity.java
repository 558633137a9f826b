package dev.ronbun.recommend.readers;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A reader: created by their first event, visit or chosen interests. */
@Entity
@Table(name = "readers")
public class ReaderEntity {

    @Id
    @Column(name = "reader_id")
    public String readerId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_visit_at")
    public Instant lastVisitAt;

    @ElementCollection
    @CollectionTable(name = "reader_interests", joinColumns = @JoinColumn(name = "reader_id"))
    @OrderColumn(name = "position")
    @Column(name = "keyword")
    public List<String> interests = new ArrayList<>();
}
