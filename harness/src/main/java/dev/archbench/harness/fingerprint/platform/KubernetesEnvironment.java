package dev.archbench.harness.fingerprint.platform;

import dev.archbench.record.Platform;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pure reader of a Kubernetes pod's identity: {@code KUBERNETES_SERVICE_HOST} (set in every pod) says
 * this is one; the pod, namespace and node come from the variables a pod spec usually maps from the
 * downward API ({@code POD_NAME} from {@code metadata.name}, {@code POD_NAMESPACE} from
 * {@code metadata.namespace}, {@code NODE_NAME} from {@code spec.nodeName}), the pod name else from
 * {@code HOSTNAME} (a pod's host name is its name). Names are validated as DNS labels and subdomains.
 */
final class KubernetesEnvironment {
  static final String SERVICE_HOST = "KUBERNETES_SERVICE_HOST";
  static final String POD_NAME = "POD_NAME";
  static final String POD_NAMESPACE = "POD_NAMESPACE";
  static final String NODE_NAME = "NODE_NAME";
  static final String HOSTNAME = "HOSTNAME";

  private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private KubernetesEnvironment() {}

  static boolean detected(Map<String, String> env) {
    String host = env.get(SERVICE_HOST);
    return host != null && !host.isBlank();
  }

  /** The pod, or empty outside Kubernetes; {@code cpuRequest} from the cgroup, or null. */
  static Optional<Platform.KubernetesPod> read(Map<String, String> env, Double cpuRequest) {
    if (!detected(env)) {
      return Optional.empty();
    }
    String name = LambdaEnvironment.valid(env.get(POD_NAME), SUBDOMAIN);
    if (name == null) {
      name = LambdaEnvironment.valid(env.get(HOSTNAME), SUBDOMAIN);
    }
    return Optional.of(new Platform.KubernetesPod(name, LambdaEnvironment.valid(env.get(POD_NAMESPACE), LABEL),
        LambdaEnvironment.valid(env.get(NODE_NAME), SUBDOMAIN), cpuRequest));
  }
}
