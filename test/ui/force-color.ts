import chalk from 'chalk';

// Imported first by component tests. ava loads chalk before any test file and its workers have no
// TTY, so chalk's level is 0: no colors at all, and a "no escape codes under NO_COLOR" assertion
// could never fail. ink shares this chalk instance.
chalk.level = 1;
