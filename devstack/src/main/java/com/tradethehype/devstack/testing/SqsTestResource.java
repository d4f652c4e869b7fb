package com.tradethehype.devstack.testing;

import com.tradethehype.devstack.Sqs;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** ElasticMQ on a free port with all project queues for a Quarkus test run; sets {@code tth.sqs.endpoint}. */
public class SqsTestResource implements QuarkusTestResourceLifecycleManager {

    private Sqs sqs;

    @Override
    public Map<String, String> start() {
        sqs = Sqs.start(0);
        return Map.of("tth.sqs.endpoint", sqs.endpoint());
    }

    @Override
    public void stop() {
        if (sqs != null) {
            sqs.close();
        }
    }
}
