package dev.archbench.reports;

import dev.archbench.record.RunRecord;

/** A record and the name of the file it came from (for messages and the site's raw copies). */
public record LoadedRecord(String file, RunRecord record) {}
