package dev.ronbun.recommend.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * {@link SharedCentres} in the service's database, table {@code vector_centres}: one row per model, replaced only by a
 * mean taken from more papers, so two replicas that take a mean at the same moment both end up with the one stored
 * first.
 */
@ApplicationScoped
public class StoredCentres implements SharedCentres {

    /**
     * A database that hangs must not hold the paper index's lock, under which this is asked, for long (the writer
     * keeps its own mean meanwhile).
     */
    private static final int TIMEOUT_MS = 5_000;
    private static final String TIMEOUT_HINT = "jakarta.persistence.query.timeout";

    private final EntityManager em;

    public StoredCentres(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public VectorCentre offer(VectorCentre centre) {
        if (!centre.isActive()) {
            return centre;
        }
        // A concurrent insert of the same model waits for the other transaction, then compares with its row.
        em.createNativeQuery("""
                        insert into vector_centres (model, basis, centre, taken_at) values (?1, ?2, ?3, now())
                        on conflict (model) do update
                            set basis = excluded.basis, centre = excluded.centre, taken_at = excluded.taken_at
                            where vector_centres.basis < excluded.basis""")
                .setParameter(1, centre.model())
                .setParameter(2, centre.basis())
                .setParameter(3, centre.encoded())
                .setHint(TIMEOUT_HINT, TIMEOUT_MS)
                .executeUpdate();
        return stored(centre.model()).orElse(centre);
    }

    @Override
    @Transactional
    public Optional<VectorCentre> takenFrom(String model, int papers) {
        return stored(model).filter(centre -> centre.basis() >= papers);
    }

    private Optional<VectorCentre> stored(String model) {
        List<?> rows = em.createNativeQuery("select centre from vector_centres where model = ?1")
                .setParameter(1, model)
                .setHint(TIMEOUT_HINT, TIMEOUT_MS)
                .getResultList();
        return rows.stream().findFirst().map(encoded -> VectorCentre.decoded(model, (String) encoded));
    }
}
