package com.tradethehype.sentiment.bench;

import com.tradethehype.devstack.Sqs;

/** ElasticMQ with the project's queues on a given port, for bench/serving_bench.py; runs until killed. */
public final class BenchSqs {

    private BenchSqs() {
    }

    public static void main(String[] args) throws Exception {
        try (Sqs sqs = Sqs.start(Integer.parseInt(args[0]))) {
            System.out.println("bench sqs ready on " + sqs.endpoint());
            System.out.flush();
            Thread.currentThread().join();
        }
    }
}
