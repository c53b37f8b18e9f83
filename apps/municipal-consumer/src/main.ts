import { bootstrapAudienceConsumer } from '@polku/consumer';
import { MunicipalConsumerModule } from './municipal-consumer.module';

void bootstrapAudienceConsumer(MunicipalConsumerModule);
