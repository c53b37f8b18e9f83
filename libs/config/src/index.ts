export {
  ConfigError,
  KAFKA_PRINCIPALS,
  kafkaFor,
  loadConfig,
  type KafkaCredentials,
  type KafkaPrincipal,
  type AuthSettings,
  type IdentitySettings,
  type KafkaSettings,
  type PolkuConfig,
} from './config';
