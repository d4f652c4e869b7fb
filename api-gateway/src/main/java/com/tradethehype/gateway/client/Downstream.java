package com.tradethehype.gateway.client;

import jakarta.ws.rs.ProcessingException;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** Calls an internal service and names it when it is unreachable, so the 503 says which one is down. */
public final class Downstream {

    private Downstream() {
    }

    public static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (ProcessingException | TimeoutException | CircuitBreakerOpenException e) {
            throw new ServiceUnavailableException(service, e);
        }
    }

    public static void run(String service, Runnable call) {
        call(service, () -> {
            call.run();
            return null;
        });
    }
}
