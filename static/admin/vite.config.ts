import { customUiConfig } from '../shared/build/vite-config.ts';

export default customUiConfig(import.meta.url);
