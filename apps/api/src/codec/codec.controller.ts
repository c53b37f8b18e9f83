import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { AesGcmPayloadCodec, PayloadCodecError } from '@polku/temporal';
import { Roles } from '@polku/auth';
import { ApiError } from '../http/api-error';
import { ZodPipe } from '../http/zod.pipe';
import { type CodecRequest, CodecRequestSchema, runCodec } from './codec-request';

/**
 * The codec endpoint the Temporal UI and CLI call to show encrypted payloads
 * (docs/payload-encryption.md): whoever may call it reads every path's free text in every
 * area, so only admins may.
 */
@Controller('codec')
@Roles(['admin'])
export class CodecController {
  constructor(private readonly codec: AesGcmPayloadCodec) {}

  @Post('decode')
  @HttpCode(HttpStatus.OK)
  decode(@Body(new ZodPipe(CodecRequestSchema)) request: CodecRequest) {
    return this.run('decode', request);
  }

  @Post('encode')
  @HttpCode(HttpStatus.OK)
  encode(@Body(new ZodPipe(CodecRequestSchema)) request: CodecRequest) {
    return this.run('encode', request);
  }

  private async run(direction: 'encode' | 'decode', request: CodecRequest) {
    try {
      return await runCodec(this.codec, direction, request);
    } catch (error) {
      // Key ids and the setting to fix only: the codec's messages never quote payload data.
      if (error instanceof PayloadCodecError) throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, { code: error.code, message: error.message });
      throw error;
    }
  }
}
