import { Controller, Delete, Get, Header, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { decodeJwt } from 'jose';
import { Public, Roles } from '@polku/auth';
import { CODEC_COOKIE_PATH, CODEC_SESSION_COOKIE } from './codec-session-cookie';
import { CODEC_SESSION_PAGE, CODEC_SESSION_SCRIPT } from './codec-session-page';

/**
 * A codec session for a browser whose Temporal UI has no sign-in of its own: the admin's token,
 * verified here by the guard, goes into an HttpOnly cookie the UI's requests to /codec carry.
 * Opening one takes the bearer header itself, never the cookie, so no other site can do it.
 */
@Controller('codec')
export class CodecSessionController {
  @Get('session')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    return CODEC_SESSION_PAGE;
  }

  @Get('session.js')
  @Public()
  @Header('content-type', 'text/javascript; charset=utf-8')
  script(): string {
    return CODEC_SESSION_SCRIPT;
  }

  @Post('session')
  @Roles(['admin'])
  @HttpCode(HttpStatus.NO_CONTENT)
  open(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    // The guard has verified the header's token: signature, issuer, audience, expiry, role.
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    const expiresAt = (decodeJwt(token).exp ?? 0) * 1_000;
    response.cookie(CODEC_SESSION_COOKIE, token, { ...cookieOptions(request), maxAge: Math.max(0, expiresAt - Date.now()) });
  }

  @Delete('session')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  close(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    response.clearCookie(CODEC_SESSION_COOKIE, cookieOptions(request));
  }
}

function cookieOptions(request: Request) {
  return { httpOnly: true, sameSite: 'strict', path: CODEC_COOKIE_PATH, secure: request.secure } as const;
}
