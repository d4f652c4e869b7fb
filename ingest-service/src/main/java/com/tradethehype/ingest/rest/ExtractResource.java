package com.tradethehype.ingest.rest;

import com.tradethehype.ingest.Extraction;
import com.tradethehype.ingest.TickerMention;
import com.tradethehype.ingest.extraction.Listing;
import com.tradethehype.ingest.extraction.UniverseTickerExtractor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shows why a text is tagged: the same extractor the polls use, with its evidence, for users and the dashboard. */
@Path("/extract")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExtractResource {

    private final UniverseTickerExtractor extractor;

    public ExtractResource(UniverseTickerExtractor extractor) {
        this.extractor = extractor;
    }

    /** 200 with the tickers and dropped crypto; 400 problem+json for a missing, blank or over-long text. */
    @POST
    public ExtractResponse extract(@Valid @NotNull ExtractRequest request) {
        Extraction extraction = extractor.extract(request.text(), List.of());
        Map<String, List<ExtractResponse.Evidence>> evidence = new LinkedHashMap<>();
        for (TickerMention m : extraction.mentions()) {
            evidence.computeIfAbsent(m.symbol(), s -> new ArrayList<>())
                    .add(new ExtractResponse.Evidence(m.evidence().name(), m.text(), m.start()));
        }
        List<ExtractResponse.Ticker> tickers = new ArrayList<>();
        evidence.forEach((symbol, pieces) -> {
            Listing listing = extractor.universe().listing(symbol);
            tickers.add(new ExtractResponse.Ticker(symbol, listing == null ? null : listing.name(),
                    listing == null ? null : listing.exchange(), listing != null && listing.etf(), pieces));
        });
        return new ExtractResponse(tickers, extraction.crypto(), !tickers.isEmpty());
    }
}
