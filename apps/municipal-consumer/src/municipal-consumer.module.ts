import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { AudienceConsumerModule, type AudienceConsumerOptions } from '@polku/consumer';
import { Topics } from '@polku/contracts';
import { MunicipalReadController } from './municipal-read.controller';
import { projectPath } from './paths.projection';

/** The employment-area system: the municipal topic into the `municipal` schema. */
export const MUNICIPAL_CONSUMER: AudienceConsumerOptions = {
  audience: 'municipal',
  topic: Topics.municipal,
  appDir: join(__dirname, '..'),
  handle: projectPath,
};

@Module({
  imports: [AudienceConsumerModule.forAudience(MUNICIPAL_CONSUMER)],
  controllers: [MunicipalReadController],
})
export class MunicipalConsumerModule {}
