import { createApp } from 'vue';
import '@xiaodian/elements/reserve.css';
import '@xiaodian/elements/define';
import App from './App.vue';

createApp(App, { gateway: location.origin }).mount('#app');
