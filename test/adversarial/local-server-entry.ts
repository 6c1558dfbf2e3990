// The local server as `npm start` runs it, minus the web build: the crash test starts this in a child process it can
// kill -9 (bin/start.js would build dist/web first, which other tests read).
import { main } from '../../functions/local/server';

await main(process.env);
