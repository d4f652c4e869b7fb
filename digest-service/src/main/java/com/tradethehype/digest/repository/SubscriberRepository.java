package com.tradethehype.digest.repository;

import com.tradethehype.digest.Subscriber;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Subscribers; e-mail addresses are unique regardless of case. */
@ApplicationScoped
public class SubscriberRepository {

    /** The address is already subscribed. */
    public static class DuplicateEmailException extends RuntimeException {
        public DuplicateEmailException(String email) {
            super("a subscriber with email " + email + " already exists");
        }
    }

    private static final String COLUMNS = "id, email, active, watchlist, created_at";

    private final Pool pool;

    public SubscriberRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Subscriber> create(String email, boolean active, List<String> watchlist) {
        return pool.preparedQuery("INSERT INTO digest.subscriber (email, active, watchlist) VALUES ($1, $2, $3) "
                        + "RETURNING " + COLUMNS)
                .execute(Tuple.of(email, active, watchlist.toArray(String[]::new)))
                .map(SubscriberRepository::first).map(Optional::orElseThrow)
                .onFailure(SubscriberRepository::isUniqueViolation).transform(e -> new DuplicateEmailException(email));
    }

    public Uni<Optional<Subscriber>> find(long id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM digest.subscriber WHERE id = $1").execute(Tuple.of(id))
                .map(SubscriberRepository::first);
    }

    public Uni<Optional<Subscriber>> findByEmail(String email) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM digest.subscriber WHERE lower(email) = lower($1)")
                .execute(Tuple.of(email)).map(SubscriberRepository::first);
    }

    /** Changes what is given (null = keep); empty when there is no such subscriber. */
    public Uni<Optional<Subscriber>> update(long id, Boolean active, List<String> watchlist) {
        return pool.preparedQuery("""
                        UPDATE digest.subscriber SET active = coalesce($2, active),
                               watchlist = coalesce($3, watchlist), updated_at = now()
                        WHERE id = $1 RETURNING\s""" + COLUMNS)
                .execute(Tuple.from(Arrays.asList(id, active, watchlist == null ? null : watchlist.toArray(String[]::new))))
                .map(SubscriberRepository::first);
    }

    /** True when a subscriber was deleted (with their delivery records). */
    public Uni<Boolean> delete(long id) {
        return pool.preparedQuery("DELETE FROM digest.subscriber WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Long> countActive() {
        return pool.query("SELECT count(*) FROM digest.subscriber WHERE active").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static Optional<Subscriber> first(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        return Optional.of(map(rows.iterator().next()));
    }

    static Subscriber map(Row r) {
        return new Subscriber(r.getLong("id"), r.getString("email"), r.getBoolean("active"),
                List.of(r.getArrayOfStrings("watchlist")), r.getOffsetDateTime("created_at").toInstant());
    }

    private static boolean isUniqueViolation(Throwable e) {
        return e instanceof PgException pg && "23505".equals(pg.getSqlState());
    }
}
