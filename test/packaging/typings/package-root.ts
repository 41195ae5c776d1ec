// What an app gets from importing the package root for its values (compiled alone).
import { logoPositions, type LogoPosition } from '@xiaodian/elements';

const store = document.createElement('xd-store');
store.gateway = 'https://gateway.example';
const card = document.createElement('xd-product-card');
const position: LogoPosition = logoPositions[1];
card.logoPosition = position;
card.addEventListener('xd-click', (event) => event.detail.intent);
store.addEventListener('xd-open', (event) => event.preventDefault());
// @ts-expect-error `variant` is its union, not any string.
card.variant = 'huge';
