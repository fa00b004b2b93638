/** What the process runs on: a Lambda function, an ECS task, a Kubernetes pod, an EC2 instance or a host. */
package dev.archbench.harness.fingerprint.platform;
