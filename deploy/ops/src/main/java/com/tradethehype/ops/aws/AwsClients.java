package com.tradethehype.ops.aws;

import com.tradethehype.ops.config.OpsSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The SDK clients of one run, built lazily with the settings' region, endpoint, credentials and retries. */
public final class AwsClients implements AutoCloseable {

    private final OpsSettings settings;
    private final AwsCredentialsProvider credentials;
    private final Duration retryBaseDelay;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(60)).build();
    private final List<AutoCloseable> open = new ArrayList<>();
    private EcsClient ecs;
    private EventBridgeClient events;
    private SfnClient sfn;
    private SqsClient sqs;
    private CloudWatchLogsClient logs;
    private ApplicationAutoScalingClient autoScaling;
    private CloudFormationClient cloudFormation;

    public AwsClients(OpsSettings settings, AwsCredentialsProvider credentials, Duration retryBaseDelay) {
        this.settings = settings;
        this.credentials = credentials;
        this.retryBaseDelay = retryBaseDelay;
    }

    public EcsClient ecs() {
        if (ecs == null) {
            ecs = keep(configure(EcsClient.builder()).httpClient(http).build());
        }
        return ecs;
    }

    public EventBridgeClient events() {
        if (events == null) {
            events = keep(configure(EventBridgeClient.builder()).httpClient(http).build());
        }
        return events;
    }

    public SfnClient sfn() {
        if (sfn == null) {
            sfn = keep(configure(SfnClient.builder()).httpClient(http).build());
        }
        return sfn;
    }

    public SqsClient sqs() {
        if (sqs == null) {
            sqs = keep(configure(SqsClient.builder()).httpClient(http).build());
        }
        return sqs;
    }

    public CloudWatchLogsClient logs() {
        if (logs == null) {
            logs = keep(configure(CloudWatchLogsClient.builder()).httpClient(http).build());
        }
        return logs;
    }

    public ApplicationAutoScalingClient autoScaling() {
        if (autoScaling == null) {
            autoScaling = keep(configure(ApplicationAutoScalingClient.builder()).httpClient(http).build());
        }
        return autoScaling;
    }

    public CloudFormationClient cloudFormation() {
        if (cloudFormation == null) {
            cloudFormation = keep(configure(CloudFormationClient.builder()).httpClient(http).build());
        }
        return cloudFormation;
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(retryBaseDelay, Duration.ofSeconds(20));
        builder.region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(settings.maxAttempts())
                                .backoffStrategy(backoff)
                                .throttlingBackoffStrategy(backoff)
                                .build())
                        .build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder;
    }

    private <C extends AutoCloseable> C keep(C client) {
        open.add(client);
        return client;
    }

    @Override
    public void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a client releases nothing the process still needs
            }
        }
        http.close();
    }
}
