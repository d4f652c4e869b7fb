package com.tradethehype.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradethehype.gateway.client.Downstream;
import com.tradethehype.gateway.security.Roles;
import com.tradethehype.gateway.service.DashboardData;
import com.tradethehype.web.InvalidRequestException;
import com.tradethehype.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/** The dashboard's read views: signals, one ticker, digests. Validated here, served from a short cache. */
@Path("/api")
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    private static final Set<String> KINDS = Set.of("HYPE_SPIKE", "BULLISH", "BEARISH");
    private static final String DIGEST = "digest-service";

    private final DashboardData data;

    public DashboardResource(DashboardData data) {
        this.data = data;
    }

    /** A day's signals (default: digest-service's latest day), optionally one kind, strongest first. */
    @GET
    @Path("/signals")
    public JsonNode signals(@QueryParam("date") String date, @QueryParam("kind") String kind,
                            @QueryParam("limit") @DefaultValue("50") String limit) {
        String day = date == null || date.isBlank() ? "" : date(date);
        String k = kind == null || kind.isBlank() ? "" : kind.trim().toUpperCase(Locale.ROOT);
        if (!k.isEmpty() && !KINDS.contains(k)) {
            throw new InvalidRequestException("kind must be one of HYPE_SPIKE, BULLISH, BEARISH, was '" + kind + "'");
        }
        int n = QueryParams.intInRange("limit", limit, 1, 200);
        return Downstream.call(DIGEST, () -> data.signals(day, k, n));
    }

    /** A ticker's daily mentions and mean score, its signals and its recent scored headlines. */
    @GET
    @Path("/tickers/{symbol}")
    public JsonNode ticker(@PathParam("symbol") String symbol, @QueryParam("days") @DefaultValue("30") String days) {
        String s = Symbols.upper("symbol", symbol);
        int n = QueryParams.intInRange("days", days, 1, 365);
        return Downstream.call(DIGEST, () -> data.ticker(s, n));
    }

    @GET
    @Path("/digests/latest")
    public JsonNode latestDigest() {
        return Downstream.call(DIGEST, () -> data.digest("latest"));
    }

    @GET
    @Path("/digests/{date}")
    public JsonNode digest(@PathParam("date") String date) {
        String day = date(date);
        return Downstream.call(DIGEST, () -> data.digest(day));
    }

    private static String date(String text) {
        try {
            return LocalDate.parse(text.trim()).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("date must be YYYY-MM-DD, was '" + text + "'");
        }
    }
}
