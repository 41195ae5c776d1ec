/**
 * How the client reaches a gateway: one request in, one response out. Transports turn their runtime's
 * failures into `XiaodianError`s (`offline`, `aborted`); statuses and bodies are read by the HTTP backend.
 */
export interface TransportRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** JSON text for POST. */
  body?: string;
  signal: AbortSignal;
}

export interface TransportResponse {
  status: number;
  /** Case-insensitive header lookup. */
  header(name: string): string | undefined;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json(): Promise<unknown>;
}

export interface Transport {
  request(request: TransportRequest): Promise<TransportResponse>;
  /**
   * Streams the response body as text chunks (for Server-Sent Events). Absent where the runtime cannot
   * stream; live subscriptions then fall back to polling.
   */
  stream?(request: TransportRequest): Promise<{ response: TransportResponse; chunks: AsyncIterable<string> }>;
}
