// Registers every element. The store goes first so cards parsed inside it find their provider on upgrade.
import './store/define.js';
import './product-card/define.js';
import './shop-entry/define.js';
import './live-widget/define.js';
