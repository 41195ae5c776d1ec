export { createGatewayApp, type GatewayAppOptions } from './app.js';
export { startGateway, type RunningGateway, type StartGatewayOptions } from './serve.js';
