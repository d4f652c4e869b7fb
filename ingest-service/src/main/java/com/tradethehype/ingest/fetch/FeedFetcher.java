package com.tradethehype.ingest.fetch;

import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.Validators;
import com.tradethehype.ingest.config.IngestConfig;
import com.tradethehype.ingest.source.FetchValidators;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads feeds politely (a User-Agent that names us, conditional GETs, per-host spacing, backing off when the
 * server says it is busy) and defensively (a deadline per attempt, a size limit enforced while reading, redirects
 * followed here so that every hop's address passes the {@link AddressGuard}).
 */
@ApplicationScoped
public class FeedFetcher {

    private static final String ACCEPT_XML =
            "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String ACCEPT_JSON = "application/json, text/json;q=0.9, */*;q=0.5";

    /** A downloaded feed; {@code body} is null when the server answered 304 Not Modified. */
    public record Fetched(byte[] body, Validators validators, String contentType) {

        public boolean notModified() {
            return body == null;
        }
    }

    private final FetchValidators validators;
    private final HostRateLimiter limiter;
    private final AddressGuard guard;
    private final int maxRedirects;
    private final String userAgent;
    private final Duration timeout;
    private final long maxBytes;
    private final IngestConfig.Retry retry;
    // HTTP/1.1 only: the h2c upgrade HTTP/2 attempts on plain http confuses some feed hosts, and gains us nothing
    private final HttpClient http;

    public FeedFetcher(IngestConfig config, FetchValidators validators, HostRateLimiter limiter, AddressGuard guard) {
        this.validators = validators;
        this.limiter = limiter;
        this.guard = guard;
        this.maxRedirects = config.network().maxRedirects();
        this.userAgent = config.userAgent();
        this.timeout = config.fetchTimeout();
        this.maxBytes = config.maxBytes().asLongValue();
        this.retry = config.retry();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build(); // followed here, each hop's address checked
    }

    /**
     * GETs the feed, conditionally when we hold validators for it, retrying 5xx, 429 and broken connections with
     * backoff; throws {@link FeedFetchException} once the attempts are used up or on any other failure.
     */
    public Fetched fetch(Source source) {
        Validators known = validators.of(source.name()).orElse(new Validators(null, null));
        HttpRequest request = request(source, known);
        int attempts = Math.max(1, retry.maxAttempts());
        for (int attempt = 1; ; attempt++) {
            Attempt outcome = attempt(source, request);
            if (outcome.response != null) {
                int status = outcome.response.statusCode();
                if (status == 304) {
                    return new Fetched(null, known, null);
                }
                if (status >= 200 && status <= 299) {
                    var headers = outcome.response.headers();
                    return new Fetched(outcome.response.body(), new Validators(headers.firstValue("ETag").orElse(null),
                            headers.firstValue("Last-Modified").orElse(null)),
                            headers.firstValue("Content-Type").orElse(null));
                }
            }
            boolean retryable = outcome.response == null ? outcome.retryable
                    : outcome.response.statusCode() == 429 || outcome.response.statusCode() >= 500;
            String problem = outcome.response == null ? outcome.error.getMessage()
                    : "HTTP " + outcome.response.statusCode() + " from " + source.url();
            if (!retryable || attempt >= attempts) {
                String tries = attempt > 1 ? " (after " + attempt + " attempts)" : "";
                throw new FeedFetchException(problem + tries, outcome.error);
            }
            Duration wait = Backoff.delay(attempt, retry.initialBackoff(), retry.maxBackoff(),
                    outcome.response == null ? null : outcome.response.headers().firstValue("Retry-After").orElse(null),
                    ThreadLocalRandom.current().nextDouble());
            Log.warnf("Source %s: %s; attempt %d of %d in %d ms", source.name(), problem, attempt + 1, attempts,
                    wait.toMillis());
            sleep(source, wait);
        }
    }

    /**
     * Keeps the validators of a fetch for the next conditional GET. Callers do this only once every item of the
     * feed is safely handled: otherwise a 304 would hide items whose publishing failed.
     */
    public void remember(Source source, Fetched fetched) {
        validators.remember(source.name(), fetched.validators());
    }

    private HttpRequest request(Source source, Validators known) {
        HttpRequest.Builder request = HttpRequest.newBuilder(source.url()).GET().timeout(timeout)
                .header("User-Agent", userAgent).header("Accept", source.isJson() ? ACCEPT_JSON : ACCEPT_XML);
        if (known.etag() != null) {
            request.header("If-None-Match", known.etag());
        }
        if (known.lastModified() != null) {
            request.header("If-Modified-Since", known.lastModified());
        }
        return request.build();
    }

    /** One request: a response, or the error and whether trying again may help. */
    private record Attempt(HttpResponse<byte[]> response, FeedFetchException error, boolean retryable) {
    }

    private Attempt attempt(Source source, HttpRequest first) {
        sleepForSlot(source);
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = first;
        for (int hop = 0; ; hop++) {
            FeedFetchException refused = refusal(source, request.uri(), hop > 0);
            if (refused != null) {
                return new Attempt(null, refused, refused.getCause() != null);
            }
            Attempt answer = send(source, request, Math.max(1, deadline - System.nanoTime()));
            int status = answer.response == null ? 0 : answer.response.statusCode();
            var location = answer.response == null ? null : answer.response.headers().firstValue("Location").orElse(null);
            if (!REDIRECTS.contains(status) || location == null) {
                return answer;
            }
            if (hop >= maxRedirects) {
                return new Attempt(null, new FeedFetchException("more than " + maxRedirects + " redirects from "
                        + source.url(), null), false);
            }
            URI next;
            try {
                next = request.uri().resolve(location.trim());
            } catch (IllegalArgumentException e) {
                return new Attempt(null, new FeedFetchException("redirect to an invalid URL from " + source.url(), e),
                        false);
            }
            String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || next.getHost() == null) {
                Log.warnf("Source %s: refused redirect from %s to %s (not http(s))", source.name(), request.uri(), next);
                return new Attempt(null, new FeedFetchException("refused: redirect to a URL that is not http(s)", null),
                        false);
            }
            request = HttpRequest.newBuilder(request, (name, value) -> true).uri(next).build();
        }
    }

    /**
     * Null when {@code url} may be fetched; else the failure to report, a clean reason without the address (which
     * only the log gets). A host that does not resolve is a retryable failure (its cause is set), a refusal is not.
     */
    private FeedFetchException refusal(Source source, URI url, boolean redirect) {
        try {
            var refusal = guard.check(url);
            if (refusal.isEmpty()) {
                return null;
            }
            Log.warnf("Source %s: refused to fetch %s%s: %s", source.name(), url, redirect ? " (a redirect)" : "",
                    refusal.get().detail());
            return new FeedFetchException(redirect ? "refused: redirect to a non-public address"
                    : "refused: " + url.getHost() + " is not a public address", null);
        } catch (UnknownHostException e) {
            return new FeedFetchException("cannot resolve " + url.getHost(), e);
        }
    }

    private Attempt send(Source source, HttpRequest request, long nanosLeft) {
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request, this::bodySubscriber);
        try {
            return new Attempt(call.get(nanosLeft, TimeUnit.NANOSECONDS), null, false);
        } catch (TimeoutException e) {
            call.cancel(true);
            // not retried: a host that is slow now is slow in a second, and the cycle has other sources to read
            return new Attempt(null, new FeedFetchException("no complete answer from " + source.url() + " within "
                    + timeout, e), false);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            boolean retryable = !(cause instanceof BoundedBodySubscriber.TooLargeException)
                    && !(cause instanceof HttpTimeoutException);
            return new Attempt(null, new FeedFetchException(describe(cause) + " (" + source.url() + ")", cause), retryable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedFetchException("interrupted while fetching " + source.url(), e);
        }
    }

    private void sleepForSlot(Source source) {
        try {
            limiter.acquire(source.url().getHost());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedFetchException("interrupted while waiting to fetch " + source.url(), e);
        }
    }

    private static void sleep(Source source, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedFetchException("interrupted while backing off from " + source.url(), e);
        }
    }

    private HttpResponse.BodySubscriber<byte[]> bodySubscriber(HttpResponse.ResponseInfo info) {
        if (info.statusCode() < 200 || info.statusCode() > 299) {
            return BodySubscribers.replacing(null);
        }
        return new BoundedBodySubscriber(maxBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    /** A message for people: the JDK client's exceptions often carry no message at all. */
    private static String describe(Throwable error) {
        if (error instanceof ConnectException) {
            return "cannot connect";
        }
        if (error instanceof HttpTimeoutException) {
            return "timed out";
        }
        String message = error.getMessage();
        return message == null || message.isBlank() ? "I/O error (" + error.getClass().getSimpleName() + ")" : message;
    }
}
