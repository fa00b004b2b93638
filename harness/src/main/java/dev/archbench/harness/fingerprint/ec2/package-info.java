/** EC2 placement: DMI (offline) and the instance metadata service (IMDSv2), validated answers only. */
package dev.archbench.harness.fingerprint.ec2;
