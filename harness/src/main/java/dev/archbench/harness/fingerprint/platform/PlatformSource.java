package dev.archbench.harness.fingerprint.platform;

import dev.archbench.harness.fingerprint.ContainerSource;
import dev.archbench.harness.fingerprint.HostFiles;
import dev.archbench.record.Host;
import dev.archbench.record.Platform;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * What the process runs on, decided once, in this order: a Lambda function (its runtime's
 * variables), an ECS task (the task metadata endpoint v4, asked only when
 * {@value EcsMetadataClient#ENDPOINT_ENV} is set), a Kubernetes pod ({@code KUBERNETES_SERVICE_HOST}),
 * an EC2 instance (DMI or IMDS said so in {@code host.cloud}), else a host. An ECS task whose endpoint
 * does not answer is not claimed; the next rule decides.
 */
public final class PlatformSource {
  /** Opens a task metadata client for an endpoint; tests count calls to prove when none happens. */
  public interface EcsConnector extends Function<URI, EcsMetadataClient> {}

  public static final EcsConnector DEFAULT_CONNECTOR = uri -> new EcsMetadataClient(uri, Duration.ofSeconds(2));

  private PlatformSource() {}

  public static Platform read(HostFiles files, Map<String, String> env, Host.Cloud cloud, EcsConnector ecs) {
    Optional<Platform.LambdaFunction> lambda = LambdaEnvironment.read(env);
    if (lambda.isPresent()) {
      return new Platform(Platform.Kind.LAMBDA_FUNCTION, LambdaEnvironment.region(env), null, null, lambda.get());
    }
    Optional<URI> endpoint = EcsMetadataClient.endpointFor(env);
    if (endpoint.isPresent()) {
      EcsMetadataClient client = ecs.apply(endpoint.get());
      Optional<Platform.EcsTask> task = client.task()
          .flatMap(t -> EcsTaskMetadata.parse(t, client.container().orElse(null)));
      if (task.isPresent()) {
        return new Platform(Platform.Kind.ECS_TASK, region(task.get()), task.get(), null, null);
      }
    }
    if (KubernetesEnvironment.detected(env)) {
      OptionalDouble request = ContainerSource.cpuRequest(files);
      return new Platform(Platform.Kind.KUBERNETES_POD, null, null,
          KubernetesEnvironment.read(env, request.isPresent() ? request.getAsDouble() : null).orElseThrow(), null);
    }
    return cloud != null && cloud.provider() != null ? Platform.EC2_INSTANCE : Platform.HOST;
  }

  /** The task ARN's region, else the zone's. */
  private static String region(Platform.EcsTask task) {
    String fromArn = EcsTaskMetadata.region(task.taskArn());
    if (fromArn != null || task.availabilityZone() == null) {
      return fromArn;
    }
    return task.availabilityZone().replaceAll("[a-z]+$", "");
  }
}
