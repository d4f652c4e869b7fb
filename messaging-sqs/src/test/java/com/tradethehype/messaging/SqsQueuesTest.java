package com.tradethehype.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What an SQS failure says in a health check's reason. */
class SqsQueuesTest {

    @Test
    void aMultiParagraphSdkErrorIsCutToItsFirstLine() {
        String sdk = "Unable to execute HTTP request: Acquire operation took longer than the configured maximum time."
                + "\nConsider taking any of the following actions to mitigate the issue: increase max connections."
                + "\nIf the above mechanisms are not able to fix the issue, try smoothing out your requests.";
        assertEquals("Unable to execute HTTP request: Acquire operation took longer than the configured maximum time.",
                SqsQueues.firstLine(sdk));
    }

    @Test
    void aOneLineErrorIsKeptAndAMissingOneSaysSo() {
        assertEquals("Connection refused", SqsQueues.firstLine("Connection refused"));
        assertEquals("no detail", SqsQueues.firstLine(null));
    }
}
