import { Controller, Get } from '@nestjs/common';
import { Public } from '@polku/auth';

/**
 * A route that does nothing and reads nothing: processes that start an API of their own (the
 * benchmarks, the dev-issuer tests) wait for it to answer before they use the API.
 */
@Public()
@Controller('hello')
export class HelloController {
  @Get()
  hello(): { hello: string } {
    return { hello: 'world' };
  }
}
