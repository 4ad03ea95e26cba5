#!/usr/bin/env node
// React and ink pick their build when first loaded: production unless asked otherwise (about half the render cost).
process.env['NODE_ENV'] ??= 'production';
await import('./cli.js');
