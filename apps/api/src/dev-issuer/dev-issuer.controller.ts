import { Body, Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { DevTokenRequestSchema } from '@polku/contracts';
import type { z } from 'zod';
import { Public } from '@polku/auth';
import { ZodPipe } from '../http/zod.pipe';
import { AppConfig } from '../infrastructure/connections';
import { DevIssuerKeys } from './dev-issuer.keys';
import { LoopbackOnlyGuard } from './loopback-only.guard';

/** What an OIDC provider serves, enough for local sign-in: discovery, keys and a token. */
@Public()
@UseGuards(LoopbackOnlyGuard)
@Controller('dev-issuer')
export class DevIssuerController {
  constructor(
    private readonly keys: DevIssuerKeys,
    private readonly config: AppConfig,
  ) {}

  @Post('token')
  @HttpCode(HttpStatus.OK)
  async token(@Body(new ZodPipe(DevTokenRequestSchema)) body: z.infer<typeof DevTokenRequestSchema>) {
    const accessToken = await this.keys.sign(body);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.values.auth.tokenTtlSeconds };
  }

  @Get('jwks')
  jwks() {
    return this.keys.jwks();
  }

  @Get('.well-known/openid-configuration')
  discovery() {
    const { issuer, jwksUrl } = this.config.values.auth;
    return { issuer, jwks_uri: jwksUrl, token_endpoint: `${issuer}/token`, id_token_signing_alg_values_supported: ['ES256'] };
  }
}
