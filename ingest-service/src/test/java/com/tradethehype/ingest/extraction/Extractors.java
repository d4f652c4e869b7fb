package com.tradethehype.ingest.extraction;

import com.fasterxml.jackson.databind.ObjectMapper;

/** One extractor for all plain unit tests: building it reads the whole universe. */
final class Extractors {

    private static UniverseTickerExtractor shared;

    private Extractors() {
    }

    static synchronized UniverseTickerExtractor shared() {
        if (shared == null) {
            shared = new UniverseTickerExtractor(new ObjectMapper());
        }
        return shared;
    }
}
