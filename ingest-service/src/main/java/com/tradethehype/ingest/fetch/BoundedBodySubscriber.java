package com.tradethehype.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body but gives up, and stops reading from the socket, as soon as it would exceed a limit:
 * a feed host must not be able to make us buffer an unbounded body.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    /** The body is, or was declared to be, larger than the limit. */
    static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("body larger than the limit of " + limit + " bytes (ingest.max-bytes)");
        }
    }

    private final long limit;
    private final long declaredLength;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    /** @param declaredLength the Content-Length header, or -1 when absent */
    BoundedBodySubscriber(long limit, long declaredLength) {
        this.limit = limit;
        this.declaredLength = declaredLength;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declaredLength > limit) {
            fail();
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer item : items) {
            if (body.isDone()) {
                return;
            }
            if ((long) buffer.size() + item.remaining() > limit) {
                fail();
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            buffer.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        body.complete(buffer.toByteArray());
    }

    private void fail() {
        subscription.cancel();
        body.completeExceptionally(new TooLargeException(limit));
    }
}
