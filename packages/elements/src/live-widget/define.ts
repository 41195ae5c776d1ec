import { defineElement } from '../internal/define.js';
import { XdLiveWidget } from './live-widget.js';

defineElement('xd-live-widget', XdLiveWidget);

declare global {
  interface HTMLElementTagNameMap {
    'xd-live-widget': XdLiveWidget;
  }
}
