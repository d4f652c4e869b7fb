package com.tradethehype.digest.rest;

import com.tradethehype.digest.config.DigestConfig;
import com.tradethehype.digest.repository.DigestRepository;
import com.tradethehype.digest.repository.TickerQueries;
import com.tradethehype.web.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;

/** One ticker over the last {@code days} days (calendar days in the digest's time zone, today included). */
@Path("/tickers")
@Produces(MediaType.APPLICATION_JSON)
public class TickerResource {

    private final TickerQueries tickers;
    private final DigestRepository digests;
    private final DigestConfig config;

    public TickerResource(TickerQueries tickers, DigestRepository digests, DigestConfig config) {
        this.tickers = tickers;
        this.digests = digests;
        this.config = config;
    }

    @GET
    @Path("/{symbol}")
    public Uni<TickerResponse> ticker(@PathParam("symbol") String symbol,
                                      @QueryParam("days") @DefaultValue("30") String days) {
        String ticker = Params.symbol(symbol);
        int n = QueryParams.intInRange("days", days, 1, 365);
        LocalDate to = LocalDate.now(config.zone());
        LocalDate from = to.minusDays(n - 1L);
        return tickers.known(ticker).chain(known -> {
            if (!known) {
                throw new NotFoundProblem("no article about " + ticker + " has been stored");
            }
            return tickers.daily(ticker, from, to, config.zone()).chain(points -> digests.history(ticker, from)
                    .chain(history -> tickers.headlines(ticker, 20).map(headlines -> new TickerResponse(ticker, points,
                            history.stream().map(h -> new TickerResponse.SignalHistory(h.date(),
                                    h.signal().kind().name(), h.signal().confidence(), h.signal().explanation()))
                                    .toList(), headlines))));
        });
    }
}
