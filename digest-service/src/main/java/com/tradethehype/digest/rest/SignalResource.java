package com.tradethehype.digest.rest;

import com.tradethehype.digest.repository.DigestRepository;
import com.tradethehype.web.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Optional;

/** The signals of a digest day (default: the latest computed one). */
@Path("/signals")
@Produces(MediaType.APPLICATION_JSON)
public class SignalResource {

    private final DigestRepository digests;

    public SignalResource(DigestRepository digests) {
        this.digests = digests;
    }

    @GET
    public Uni<SignalsResponse> signals(@QueryParam("date") String date, @QueryParam("kind") String kind,
                                        @QueryParam("limit") @DefaultValue("50") String limit) {
        Optional<LocalDate> day = Params.date("date", date);
        var type = Params.kind(kind);
        int max = QueryParams.intInRange("limit", limit, 1, 500);
        Uni<LocalDate> which = day.map(d -> Uni.createFrom().item(d)).orElseGet(() -> digests.latestDate()
                .map(latest -> latest.orElseThrow(() -> new NotFoundProblem("no digest day has been computed yet"))));
        return which.chain(d -> digests.findSummary(digests.pool(), d).chain(found -> {
            var stored = found.orElseThrow(() -> new NotFoundProblem("no digest for " + d));
            var r = stored.result();
            return digests.signals(digests.pool(), d, type, max).map(list -> new SignalsResponse(d, stored.status(),
                    r.window().start(), r.window().end(), r.model(), r.articles(), r.sources(),
                    list.stream().map(SignalResponse::from).toList()));
        }));
    }
}
