import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'pocketbase/pb_data/',
			'reports/',
			'test-results/'
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
		// PocketBase's JS hooks and migrations run in goja with its own globals.
		files: ['pocketbase/pb_hooks/**/*.js', 'pocketbase/pb_migrations/**/*.js'],
		languageOptions: {
			globals: {
				$app: 'readonly',
				$os: 'readonly',
				$security: 'readonly',
				$apis: 'readonly',
				$http: 'readonly',
				$mails: 'readonly',
				$filesystem: 'readonly',
				$template: 'readonly',
				$dbx: 'readonly',
				__hooks: 'readonly',
				migrate: 'readonly',
				onBootstrap: 'readonly',
				routerAdd: 'readonly',
				routerUse: 'readonly',
				cronAdd: 'readonly',
				Collection: 'readonly',
				SelectField: 'readonly',
				RelationField: 'readonly',
				Record: 'readonly',
				MailerMessage: 'readonly',
				BadRequestError: 'readonly',
				NotFoundError: 'readonly',
				ForbiddenError: 'readonly',
				TooManyRequestsError: 'readonly',
				ApiError: 'readonly',
				DynamicModel: 'readonly',
				onRecordCreateRequest: 'readonly',
				onRecordUpdateRequest: 'readonly',
				onRecordValidate: 'readonly',
				onRecordCreate: 'readonly',
				onRecordUpdate: 'readonly',
				onRecordAfterCreateSuccess: 'readonly',
				onRecordAfterUpdateSuccess: 'readonly',
				onRecordsListRequest: 'readonly',
				onRecordViewRequest: 'readonly',
				onRecordEnrich: 'readonly',
				require: 'readonly',
				module: 'writable'
			}
		}
	},
	{
		rules: {
			// The `svelte/no-navigation-without-resolve` rule wants resolve() for internal links; we use it.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	}
);
