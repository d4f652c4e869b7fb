package com.tradethehype.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradethehype.gateway.client.DigestClient;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * digest-service's read views, cached briefly (see {@code quarkus.cache.caffeine.*}): signals change once a day and
 * a dashboard left open refreshes every minute, so one downstream call serves every open page. Errors are not cached.
 */
@ApplicationScoped
public class DashboardData {

    private final DigestClient digest;

    public DashboardData(@RestClient DigestClient digest) {
        this.digest = digest;
    }

    /** {@code date}/{@code kind} empty for "latest day" / "every kind" (a cache key has no nulls). */
    @CacheResult(cacheName = "signals")
    public JsonNode signals(String date, String kind, int limit) {
        return digest.signals(date.isEmpty() ? null : date, kind.isEmpty() ? null : kind, limit);
    }

    @CacheResult(cacheName = "tickers")
    public JsonNode ticker(String symbol, int days) {
        return digest.ticker(symbol, days);
    }

    @CacheResult(cacheName = "digests")
    public JsonNode digest(String dateOrLatest) {
        return digest.digest(dateOrLatest);
    }
}
