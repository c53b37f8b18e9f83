export { ConfigError, loadConfig, type PolkuConfig } from './config';
