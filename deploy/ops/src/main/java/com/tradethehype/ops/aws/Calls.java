package com.tradethehype.ops.aws;

import com.tradethehype.ops.OpsException;
import com.tradethehype.ops.config.OpsSettings;
import java.io.PrintWriter;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Every AWS call goes through here: in --dry-run it is printed and not made (the answer is a placeholder that
 * names where the real value would come from); otherwise it is made and its failure becomes one clear line.
 */
public final class Calls {

    private static final Set<String> THROTTLING = Set.of("ThrottlingException", "Throttling", "TooManyRequestsException",
            "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException", "ProvisionedThroughputExceededException");

    private final OpsSettings settings;
    private final PrintWriter out;

    public Calls(OpsSettings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    public boolean dryRun() {
        return settings.dryRun();
    }

    /** Makes (or in dry-run prints) one call; api is "service:Operation" as in IAM. */
    public <T> T call(String api, SdkRequest request, Supplier<T> live, Supplier<T> placeholder) {
        if (settings.dryRun()) {
            out.println("[dry-run] " + api + " " + request);
            out.flush();
            return placeholder.get();
        }
        try {
            return live.get();
        } catch (AwsServiceException e) {
            throw translate(api, e);
        } catch (SdkClientException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Unable to load credentials") || message.contains("credentials")) {
                throw new OpsException(OpsException.CONFIG, "no AWS credentials for " + api + ": set AWS_PROFILE or "
                        + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run `aws configure` (" + firstLine(message) + ")");
            }
            throw new OpsException(OpsException.AWS, api + ": cannot reach AWS in " + settings.region() + ": " + firstLine(message));
        }
    }

    private OpsException translate(String api, AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        String detail = e.awsErrorDetails() == null ? String.valueOf(e.getMessage()) : e.awsErrorDetails().errorMessage();
        if ("ClusterNotFoundException".equals(code)) {
            return new OpsException(OpsException.AWS, "cluster '" + settings.stack() + "' not found in " + settings.region()
                    + ": create the stack first (deploy/README.md) or pass --stack NAME");
        }
        if ("ServiceNotFoundException".equals(code)) {
            return new OpsException(OpsException.AWS, api + ": a service is missing from cluster '" + settings.stack()
                    + "' (" + detail + "); is the stack up to date?");
        }
        if (THROTTLING.contains(code) || e.isThrottlingException()) {
            return new OpsException(OpsException.AWS, api + ": AWS is throttling requests (" + code + ": " + detail
                    + ") after " + settings.maxAttempts() + " attempts; try again in a minute");
        }
        if ("ResourceNotFoundException".equals(code) || "QueueDoesNotExist".equals(code)
                || "AWS.SimpleQueueService.NonExistentQueue".equals(code) || "StateMachineDoesNotExist".equals(code)) {
            return new OpsException(OpsException.AWS, api + ": not found in stack '" + settings.stack() + "' ("
                    + settings.region() + "): " + detail);
        }
        return new OpsException(OpsException.AWS, api + " failed: " + code + ": " + detail);
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
