import { Controller, Get } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';

/** A route that does nothing: the raw baseline `npm run bench:api` measures the API against. */
@Public()
@Controller('hello')
export class HelloController {
  @Get()
  hello(): { hello: string } {
    return { hello: 'world' };
  }
}
