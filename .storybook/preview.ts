import type { Preview } from '@storybook/web-components-vite';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    // WeChat is a 375 px world: stories open at a phone width.
    viewport: { options: { wechat: { name: 'WeChat (375 px)', styles: { width: '375px', height: '812px' } } } },
  },
  initialGlobals: { viewport: { value: 'wechat', isRotated: false } },
};

export default preview;
