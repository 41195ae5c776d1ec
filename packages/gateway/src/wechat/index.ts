export {
  createWeChatBackend,
  liveCredentialsNeeded,
  type WeChatBackend,
  type WeChatBackendOptions,
} from './backend.js';
export { WeChatApi, type CredentialsStatus, type FetchLike, type WeChatApiOptions } from './api.js';
export { errcodeMeanings, errorFromErrcode } from './errors.js';
export { TokenSource, memoryTokenStore, type StoredToken, type TokenStore } from './token.js';
export { redisTokenStore } from './redis-token-store.js';
