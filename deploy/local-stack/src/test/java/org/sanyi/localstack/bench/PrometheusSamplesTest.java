package org.sanyi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusSamplesTest {

    static final String BEFORE =
            """
            # HELP http_server_requests_seconds
            # TYPE http_server_requests_seconds summary
            http_server_requests_seconds_count{method="POST",outcome="SUCCESS",status="201",uri="/v1/referrals"} 100
            http_server_requests_seconds_sum{method="POST",outcome="SUCCESS",status="201",uri="/v1/referrals"} 1.0
            http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/q/metrics"} 3
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 10
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 0.05
            sanyi_outbox_commit_to_publish_seconds_count 100
            sanyi_outbox_commit_to_publish_seconds_sum 1.5
            """;

    static final String AFTER =
            """
            http_server_requests_seconds_count{method="POST",outcome="SUCCESS",status="201",uri="/v1/referrals"} 1100
            http_server_requests_seconds_sum{method="POST",outcome="SUCCESS",status="201",uri="/v1/referrals"} 6.0
            http_server_requests_seconds_count{method="POST",outcome="CLIENT_ERROR",status="422",uri="/v1/referrals"} 0
            http_server_requests_seconds_sum{method="POST",outcome="CLIENT_ERROR",status="422",uri="/v1/referrals"} 0
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 30
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 0.15
            jvm_gc_pause_seconds_count{action="end of major GC",cause="Allocation Failure",gc="MarkSweepCompact"} 1
            jvm_gc_pause_seconds_sum{action="end of major GC",cause="Allocation Failure",gc="MarkSweepCompact"} 0.1
            jvm_memory_used_bytes{area="heap",id="eden space"} 5.24288E7
            jvm_memory_used_bytes{area="heap",id="tenured gen"} 5.24288E7
            jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.9E7
            jvm_memory_max_bytes{area="heap",id="eden space"} 1.34217728E8
            jvm_memory_max_bytes{area="heap",id="tenured gen"} 1.34217728E8
            sanyi_outbox_commit_to_publish_seconds{quantile="0.5"} 0.004
            sanyi_outbox_commit_to_publish_seconds{quantile="0.99"} 0.031
            sanyi_outbox_commit_to_publish_seconds_count 1100
            sanyi_outbox_commit_to_publish_seconds_sum 11.5
            sanyi_outbox_commit_to_publish_seconds_max 0.052
            process_cpu_usage NaN
            """;

    @Test
    void sumsSamplesWhoseLabelsMatch() {
        PrometheusSamples after = PrometheusSamples.parse(AFTER);

        assertThat(after.sum("http_server_requests_seconds_count", ServiceFigures.CREATES))
                .hasValue(1100);
        assertThat(after.sum("jvm_memory_used_bytes", Map.of("area", "heap"))).hasValue(104857600);
        assertThat(after.sum("sanyi_outbox_commit_to_publish_seconds", Map.of("quantile", "0.99")))
                .hasValue(0.031);
        assertThat(after.sum("no_such_metric")).isEmpty();
        assertThat(after.sum("process_cpu_usage")).as("NaN is no figure").isEmpty();
    }

    @Test
    void increasesAreTakenBetweenScrapes() {
        PrometheusSamples before = PrometheusSamples.parse(BEFORE);
        PrometheusSamples after = PrometheusSamples.parse(AFTER);

        assertThat(after.increaseSince(before, "http_server_requests_seconds_count", ServiceFigures.CREATES))
                .hasValue(1000);
        assertThat(after.increaseSince(before, "jvm_gc_pause_seconds_count", Map.of()))
                .hasValue(21);
    }

    @Test
    void describesTheServicesShareOfAPhase() {
        List<String> lines =
                ServiceFigures.describe(PrometheusSamples.parse(BEFORE), PrometheusSamples.parse(AFTER), 10);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("server time of POST /v1/referrals: mean 5.00 ms over 1000 requests");
        assertThat(lines.get(1))
                .isEqualTo(
                        "GC: 21 pauses, 200.0 ms in total (2.0% of the phase); heap 100 of 256 MiB in use at the end");
        assertThat(lines.get(2))
                .isEqualTo(
                        "outbox commit-to-publish (relay's timer): mean 10.0 ms over 1000 events; recent p50 4.00 ms,"
                                + " p99 31.0 ms, max 52.0 ms");
        assertThat(ServiceFigures.describe(PrometheusSamples.empty(), PrometheusSamples.empty(), 10))
                .isEmpty();
    }

    @Test
    void warnsWhenSomethingElseShapedThePhase() {
        PrometheusSamples before = PrometheusSamples.parse(BEFORE + "process_start_time_seconds 1.7E9\n");
        PrometheusSamples after = PrometheusSamples.parse(AFTER + "process_start_time_seconds 1.7E9\n");

        assertThat(ServiceFigures.interference(before, after, 1000, 0.1)).isEmpty();
        assertThat(ServiceFigures.interference(before, after, 900, 0.1))
                .singleElement()
                .asString()
                .contains("answered 1000 creates, this bench sent 900");
        assertThat(ServiceFigures.interference(before, after, 1000, 0.6))
                .singleElement()
                .asString()
                .contains("outside the stack used 0.60 cores");
        PrometheusSamples restarted = PrometheusSamples.parse(AFTER + "process_start_time_seconds 1.8E9\n");
        assertThat(ServiceFigures.interference(before, restarted, 1000, 0))
                .singleElement()
                .asString()
                .contains("restarted");
    }
}
