package com.tradethehype.digest.rest;

import com.tradethehype.digest.mail.DigestMailRenderer;
import com.tradethehype.digest.repository.DigestRepository;
import com.tradethehype.digest.repository.DigestRepository.StoredDay;
import com.tradethehype.digest.service.DigestSender;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** Digest days as sent: status, numbers, signals, the rendered mail (HTML and text) and the deliveries. */
@Path("/digests")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DigestResource {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final DigestRepository digests;
    private final DigestMailRenderer renderer;
    private final DigestSender sender;

    public DigestResource(DigestRepository digests, DigestMailRenderer renderer, DigestSender sender) {
        this.digests = digests;
        this.renderer = renderer;
        this.sender = sender;
    }

    @GET
    @Path("/latest")
    public DigestResponse latest() {
        LocalDate date = digests.latestDate().await().atMost(DEADLINE)
                .orElseThrow(() -> new NotFoundProblem("no digest day has been computed yet"));
        return day(date);
    }

    @GET
    @Path("/{date}")
    public DigestResponse byDate(@PathParam("date") String date) {
        LocalDate day = Params.date("date", date).orElseThrow(() -> new NotFoundProblem("no digest for ''"));
        return day(day);
    }

    private DigestResponse day(LocalDate date) {
        StoredDay stored = digests.find(digests.pool(), date).await().atMost(DEADLINE)
                .orElseThrow(() -> new NotFoundProblem("no digest for " + date));
        var r = stored.result();
        var mail = renderer.render(r, Optional.empty(), Map.of());
        var report = sender.report(date, stored.status());
        return new DigestResponse(date, stored.status(), stored.generatedAt(), r.window().start(), r.window().end(),
                r.articles(), r.sources(), r.scored(), r.model(), r.historyDays(),
                r.signals().stream().map(SignalResponse::from).toList(), mail.subject(), mail.html(), mail.text(),
                new DigestResponse.Deliveries(report.sent(), report.failed(), report.gaveUp(), report.pending()));
    }
}
