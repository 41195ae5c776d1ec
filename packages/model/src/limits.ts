/** Refs per `GET /v1/products` request; more is a 400, so clients split above it. */
export const maxRefsPerRequest = 50;
