package org.sanyi.directory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** Settings of the directory service. */
@ConfigMapping(prefix = "sanyi.directory")
public interface DirectoryConfig {

    /** Time zone in which "today" is decided when a query names no date: effective dates are local dates. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Largest page a list query may ask for. */
    @WithDefault("200")
    int maxPageSize();

    /** Page size when a list query names none. */
    @WithDefault("50")
    int defaultPageSize();

    /**
     * Publish, at start-up, the snapshots of aggregates that SQL migrations changed (the seed region among them).
     * Turn off only for a read-only instance.
     */
    @WithDefault("true")
    boolean publishPendingAtStartup();
}
