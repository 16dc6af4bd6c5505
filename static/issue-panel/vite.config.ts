import { customUiConfig } from '../shared/build/vite-config.ts';

// main.tsx sends the first round trips, then imports React and the panel (src/app.tsx).
export default customUiConfig(import.meta.url, { firstRender: ['src/app.tsx'] });
