package org.sanyi.localstack;

import java.util.List;

/** What every command gets: where things live, which ports are used, which services exist. */
public record StackContext(StackLayout layout, StackSettings settings, List<ServiceDefinition> services) {}
