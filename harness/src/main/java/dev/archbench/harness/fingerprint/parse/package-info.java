/** Pure parsers of the host's files (procfs, sysfs, cgroup, os-release): text in, a typed value out. */
package dev.archbench.harness.fingerprint.parse;
