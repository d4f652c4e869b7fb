package com.tradethehype.ingest.service;

import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.config.IngestConfig;
import com.tradethehype.ingest.service.FetchValidators.Validators;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads feeds politely (a User-Agent that names us, conditional GETs) and defensively (one deadline for the
 * whole exchange, a size limit enforced while reading).
 */
@ApplicationScoped
public class FeedFetcher {

    private static final String ACCEPT =
            "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5";

    /** A downloaded feed; {@code body} is null when the server answered 304 Not Modified. */
    public record Fetched(byte[] body, Validators validators) {

        public boolean notModified() {
            return body == null;
        }
    }

    private final FetchValidators validators;
    private final String userAgent;
    private final Duration timeout;
    private final long maxBytes;
    // HTTP/1.1 only: the h2c upgrade HTTP/2 attempts on plain http confuses some feed hosts, and gains us nothing
    private final HttpClient http;

    public FeedFetcher(IngestConfig config, FetchValidators validators) {
        this.validators = validators;
        this.userAgent = config.userAgent();
        this.timeout = config.fetchTimeout();
        this.maxBytes = config.maxBytes().asLongValue();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** GETs the feed, conditionally when we hold validators for it; throws {@link FeedFetchException}. */
    public Fetched fetch(Source source) {
        HttpRequest.Builder request = HttpRequest.newBuilder(source.url()).GET().timeout(timeout)
                .header("User-Agent", userAgent).header("Accept", ACCEPT);
        Validators known = validators.of(source.name()).orElse(new Validators(null, null));
        if (known.etag() != null) {
            request.header("If-None-Match", known.etag());
        }
        if (known.lastModified() != null) {
            request.header("If-Modified-Since", known.lastModified());
        }
        HttpResponse<byte[]> response = await(source, http.sendAsync(request.build(), this::bodySubscriber));
        int status = response.statusCode();
        if (status == 304) {
            return new Fetched(null, known);
        }
        if (status < 200 || status > 299) {
            throw new FeedFetchException("HTTP " + status + " from " + source.url(), null);
        }
        var headers = response.headers();
        return new Fetched(response.body(),
                new Validators(headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null)));
    }

    /**
     * Keeps the validators of a fetch for the next conditional GET. Callers do this only once every item of the
     * feed is safely handled: otherwise a 304 would hide items whose publishing failed.
     */
    public void remember(Source source, Fetched fetched) {
        validators.remember(source.name(), fetched.validators());
    }

    private HttpResponse.BodySubscriber<byte[]> bodySubscriber(HttpResponse.ResponseInfo info) {
        if (info.statusCode() < 200 || info.statusCode() > 299) {
            return BodySubscribers.replacing(null);
        }
        return new BoundedBodySubscriber(maxBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    private HttpResponse<byte[]> await(Source source, CompletableFuture<HttpResponse<byte[]>> call) {
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new FeedFetchException("no complete answer from " + source.url() + " within " + timeout, e);
        } catch (ExecutionException e) {
            throw new FeedFetchException(describe(e.getCause()) + " (" + source.url() + ")", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedFetchException("interrupted while fetching " + source.url(), e);
        }
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
        return message == null || message.isBlank() ? "I/O error" : message;
    }
}
