#!/usr/bin/env node
// The `orgos` command. The CLI is TypeScript run through tsx (a runtime dependency), so there is no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main();
