import { createRoot } from 'react-dom/client';
import '@xiaodian/elements/reserve.css';
import '@xiaodian/elements/define';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(<App gateway={location.origin} />);
