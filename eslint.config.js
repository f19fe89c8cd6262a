import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { pocketbaseGlobals } from './pocketbase/eslint-globals.js';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'pocketbase/pb_hooks/lib/generated/',
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'pocketbase/pb_data/',
			'reports/',
			'test-results/',
			// AssemblyScript, checked by its own compiler (cli/journeys/input/wasm/plain-csv-module.ts).
			'**/*.as.ts'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// PocketBase's JS hooks and migrations run in goja with its own globals,
		// CommonJS require() and a triple-slash reference to the generated types.
		files: ['pocketbase/pb_hooks/**/*.js', 'pocketbase/pb_migrations/**/*.js'],
		languageOptions: { sourceType: 'commonjs', globals: pocketbaseGlobals },
		rules: {
			'@typescript-eslint/triple-slash-reference': 'off',
			'@typescript-eslint/no-require-imports': 'off',
			// Crashes on CommonJS files (eslint-plugin-svelte 3.24); it is meant for .svelte files.
			'svelte/no-inner-declarations': 'off'
		}
	},
	{
		// Build-time constant replaced by Vite (see vite.config.ts).
		languageOptions: { globals: { __STADSSTEM_VARIANT__: 'readonly' } }
	},
	{
		rules: {
			// A leading underscore marks a deliberately unused name; a caught error may go unused.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }
			]
		}
	}
);
