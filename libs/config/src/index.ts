export {
  ConfigError,
  KAFKA_PRINCIPALS,
  kafkaFor,
  loadConfig,
  type KafkaCredentials,
  type KafkaPrincipal,
  type KafkaSettings,
  type PolkuConfig,
} from './config';
