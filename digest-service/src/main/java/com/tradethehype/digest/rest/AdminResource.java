package com.tradethehype.digest.rest;

import com.tradethehype.auth.AdminOnly;
import com.tradethehype.contracts.Queues;
import com.tradethehype.messaging.DeadLetters;
import com.tradethehype.messaging.SqsQueues;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Operations on the pipeline's queues from inside the network (used by {@code ./tth redrive}): move the
 * dead-lettered messages of both pipeline queues back after the cause was fixed. Consumers are idempotent, so a
 * message that was in fact processed before is harmless. Needs an admin credential ({@link AdminOnly}).
 */
@Path("/admin")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AdminResource {

    private final SqsQueues queues;

    public AdminResource(SqsQueues queues) {
        this.queues = queues;
    }

    /** Messages moved back per queue. */
    @POST
    @Path("/redrive")
    public Map<String, Integer> redrive() {
        DeadLetters deadLetters = new DeadLetters(queues);
        Map<String, Integer> moved = new LinkedHashMap<>();
        for (String queue : new String[] {Queues.ARTICLES_INGESTED, Queues.ARTICLES_SCORED}) {
            moved.put(queue, deadLetters.redrive(Queues.deadLetterOf(queue), queue));
        }
        return moved;
    }
}
