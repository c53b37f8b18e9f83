import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { AudienceConsumerModule, type AudienceConsumerOptions } from '@polku/consumer';
import { Topics } from '@polku/contracts';
import { WellbeingReadController } from './wellbeing-read.controller';
import { projectWellbeing } from './wellbeing.projection';

/** The wellbeing-county system: the wellbeing topic into the `wellbeing` schema. */
export const WELLBEING_CONSUMER: AudienceConsumerOptions = {
  audience: 'wellbeing',
  topic: Topics.wellbeing,
  appDir: join(__dirname, '..'),
  handle: projectWellbeing,
};

@Module({
  imports: [AudienceConsumerModule.forAudience(WELLBEING_CONSUMER)],
  controllers: [WellbeingReadController],
})
export class WellbeingConsumerModule {}
