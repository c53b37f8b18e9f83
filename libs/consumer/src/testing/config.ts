import { loadConfig } from '@polku/config';

export const config = loadConfig();
