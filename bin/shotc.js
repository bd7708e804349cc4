#!/usr/bin/env node
import { runCli } from '../dist/shotc.js';

await runCli(process.argv.slice(2));
