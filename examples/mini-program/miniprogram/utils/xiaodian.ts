// One client for the whole mini program, over `wx.request` (add the gateway's domain to the request
// allowlist) with answers kept in `wx` storage, so a page opened again renders at once.
import { createClient, wxStorageStore, wxTransport } from '@xiaodian/client';

export const client = createClient({
  gateway: 'https://your-gateway.example',
  transport: wxTransport(wx),
  cache: { store: wxStorageStore(wx) },
});
