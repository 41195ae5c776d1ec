import type { ShopEntryMessages } from './shop-entry.messages.js';

export const enUS: ShopEntryMessages = {
  loading: 'Loading shop',
  enter: 'Visit',
  closed: 'Closed',
  closedMark: '✕',
  loadFailed: 'Could not load this shop',
  notFound: 'Shop not found',
  offline: 'You are offline',
  unavailable: 'Shop unavailable',
  retry: 'Retry',
  retryLabel: 'Retry loading the shop',
  scores: { description: 'Description', service: 'Service', logistics: 'Shipping' },
  onSale: (count) => `${count} on sale`,
  sold: (count) => `${count} sold`,
  accounts: (official, channels) => `${official} official accounts · ${channels} channels`,
  certification: {
    official_flagship: 'Official flagship',
    flagship: 'Flagship',
    exclusive: 'Exclusive',
    specialty: 'Specialty',
    authorized: 'Authorised',
  },
};
