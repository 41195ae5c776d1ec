import type { CacheState } from '../cache/response-cache.js';

/** Request duration buckets in seconds, from a cached hit to a slow upstream. */
const durationBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

/**
 * The gateway's counters in Prometheus text format (`GET /metrics`). Written by hand rather than with
 * prom-client because the app also runs on edge runtimes, where prom-client's Node-only imports fail;
 * the format is small and stable.
 */
export class GatewayMetrics {
  private readonly requests = new Map<string, number>();
  private readonly durations = new Map<string, Histogram>();
  private readonly cache: Record<CacheState, number> = { fresh: 0, stale: 0, miss: 0 };
  private rateLimited = 0;
  private streamEvents = 0;
  openStreams = 0;

  constructor(private readonly startedAt: number) {}

  recordRequest(method: string, route: string, status: number, seconds: number): void {
    const key = `method="${method}",route="${escapeLabel(route)}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const routeKey = `route="${escapeLabel(route)}"`;
    let histogram = this.durations.get(routeKey);
    if (!histogram) {
      histogram = { counts: durationBuckets.map(() => 0), sum: 0, count: 0 };
      this.durations.set(routeKey, histogram);
    }
    durationBuckets.forEach((bound, i) => {
      if (seconds <= bound) histogram.counts[i] = (histogram.counts[i] ?? 0) + 1;
    });
    histogram.sum += seconds;
    histogram.count += 1;
  }

  recordCache(state: CacheState): void {
    this.cache[state] += 1;
  }

  recordRateLimited(): void {
    this.rateLimited += 1;
  }

  recordStreamEvent(): void {
    this.streamEvents += 1;
  }

  render(now: number): string {
    const lines: string[] = [];
    const family = (name: string, type: string, help: string) =>
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);

    family('xiaodian_http_requests_total', 'counter', 'HTTP requests answered, by method, route and status.');
    for (const [labels, value] of this.requests) lines.push(`xiaodian_http_requests_total{${labels}} ${value}`);

    family('xiaodian_http_request_duration_seconds', 'histogram', 'Time to answer (to the first byte for streams).');
    for (const [labels, histogram] of this.durations) {
      durationBuckets.forEach((bound, i) =>
        lines.push(`xiaodian_http_request_duration_seconds_bucket{${labels},le="${bound}"} ${histogram.counts[i]}`),
      );
      lines.push(`xiaodian_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${histogram.count}`);
      lines.push(`xiaodian_http_request_duration_seconds_sum{${labels}} ${histogram.sum}`);
      lines.push(`xiaodian_http_request_duration_seconds_count{${labels}} ${histogram.count}`);
    }

    family('xiaodian_cache_lookups_total', 'counter', 'Response cache lookups, by result.');
    for (const state of ['fresh', 'stale', 'miss'] as const) {
      lines.push(`xiaodian_cache_lookups_total{result="${state}"} ${this.cache[state]}`);
    }
    family('xiaodian_rate_limited_total', 'counter', 'Requests refused with 429 by the per-client limit.');
    lines.push(`xiaodian_rate_limited_total ${this.rateLimited}`);
    family('xiaodian_live_streams_open', 'gauge', 'Live event streams open now.');
    lines.push(`xiaodian_live_streams_open ${this.openStreams}`);
    family('xiaodian_live_events_sent_total', 'counter', 'Live events written to streams.');
    lines.push(`xiaodian_live_events_sent_total ${this.streamEvents}`);
    family('xiaodian_uptime_seconds', 'gauge', 'Seconds since the gateway started.');
    lines.push(`xiaodian_uptime_seconds ${Math.max(0, (now - this.startedAt) / 1000)}`);
    return `${lines.join('\n')}\n`;
  }
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
