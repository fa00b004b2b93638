package dev.archbench.workloads.inference.model;

import java.nio.file.Path;

/** A model file on disk and the SHA-256 of its bytes (recorded with every result). */
public record ModelFile(Path path, String sha256) {}
