import { Controller, Get, Header } from '@nestjs/common';
import { staffApiDocument } from '@polku/contracts';
import { Public } from '@polku/auth';
import { AppConfig } from '../infrastructure/connections';

// Swagger UI's files come from the swagger-ui-dist package, mounted at /docs/assets by main.ts.
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Polku staff API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div><script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script></body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/docs/openapi.json', dom_id: '#docs', persistAuthorization: true });`;

/** The OpenAPI document, generated from the schemas the API validates with, and a page to read it. */
@Public()
@Controller('docs')
export class DocsController {
  private readonly document: object;

  constructor(config: AppConfig) {
    const { host, port } = config.values.api;
    this.document = staffApiDocument(`http://${host}:${port}`);
  }

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    return PAGE;
  }

  @Get('init.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  init(): string {
    return INIT;
  }

  @Get('openapi.json')
  openapi(): object {
    return this.document;
  }
}
