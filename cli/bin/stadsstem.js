#!/usr/bin/env node
// Node 20 cannot run TypeScript itself; tsx compiles the CLI's modules on load.
import { register } from 'tsx/esm/api';

register();
await import('../main.ts');
