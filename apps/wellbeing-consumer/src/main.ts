import { bootstrapAudienceConsumer } from '@polku/consumer';
import { WellbeingConsumerModule } from './wellbeing-consumer.module';

void bootstrapAudienceConsumer(WellbeingConsumerModule);
