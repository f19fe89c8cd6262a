/// <reference path="../pb_data/types.d.ts" />
// The collections of DESIGN.md §5. API rules are deny-by-default: null means
// superusers only; residents may only create their own submissions, and staff
// rules check the role. Later migrations extend these collections.

const DISTRICTS = [
	'antwerpen',
	'berchem',
	'berendrecht-zandvliet-lillo',
	'borgerhout',
	'deurne',
	'ekeren',
	'hoboken',
	'merksem',
	'wilrijk'
];
const CHANNELS = ['web', 'app', 'kiosk'];
const STAFF = "@request.auth.collectionName = 'users'";
const EDITOR =
	"@request.auth.collectionName = 'users' && (@request.auth.role = 'editor' || @request.auth.role = 'admin')";
const HANDLER =
	"@request.auth.collectionName = 'users' && (@request.auth.role = 'handler' || @request.auth.role = 'admin')";
const ADMIN = "@request.auth.collectionName = 'users' && @request.auth.role = 'admin'";

migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		users.fields.add(
			new SelectField({
				name: 'role',
				required: true,
				maxSelect: 1,
				values: ['handler', 'editor', 'admin']
			})
		);
		users.fields.add(
			new SelectField({ name: 'districts', maxSelect: DISTRICTS.length, values: DISTRICTS })
		);
		// Staff accounts are made by an admin or the CLI, never by sign-up.
		users.createRule = null;
		users.listRule = `id = @request.auth.id || (${ADMIN})`;
		users.viewRule = `id = @request.auth.id || (${STAFF})`;
		users.updateRule = `id = @request.auth.id || (${ADMIN})`;
		users.deleteRule = ADMIN;
		app.save(users);

		const kiosks = new Collection({
			type: 'base',
			name: 'kiosks',
			listRule: ADMIN,
			viewRule: ADMIN,
			createRule: null,
			updateRule: null,
			deleteRule: ADMIN,
			fields: [
				{ type: 'text', name: 'name', required: true, max: 100 },
				{ type: 'text', name: 'location', max: 200 },
				{ type: 'text', name: 'tokenHash', hidden: true, max: 200 },
				{ type: 'text', name: 'pinHash', hidden: true, max: 200 },
				{ type: 'json', name: 'settings', maxSize: 10000 },
				{ type: 'number', name: 'failedPins', min: 0, onlyInt: true },
				{ type: 'date', name: 'lockedUntil' },
				{ type: 'date', name: 'lastSeen' },
				{ type: 'autodate', name: 'created', onCreate: true },
				{ type: 'autodate', name: 'updated', onCreate: true, onUpdate: true }
			],
			indexes: ['CREATE UNIQUE INDEX idx_kiosks_name ON kiosks (name)']
		});
		app.save(kiosks);

		const categories = new Collection({
			type: 'base',
			name: 'categories',
			listRule: '',
			viewRule: '',
			createRule: ADMIN,
			updateRule: ADMIN,
			deleteRule: ADMIN,
			fields: [
				{ type: 'text', name: 'code', required: true, max: 50, pattern: '^[a-z0-9-]+$' },
				{ type: 'json', name: 'name', required: true, maxSize: 2000 },
				{ type: 'json', name: 'group', required: true, maxSize: 2000 },
				{ type: 'json', name: 'description', maxSize: 5000 },
				{ type: 'text', name: 'icon', max: 50 },
				{ type: 'json', name: 'extraQuestions', maxSize: 20000 },
				{ type: 'json', name: 'noteTemplates', maxSize: 20000 },
				{ type: 'text', name: 'department', max: 200 },
				{ type: 'number', name: 'sortOrder', onlyInt: true },
				{ type: 'bool', name: 'active' },
				{ type: 'autodate', name: 'created', onCreate: true },
				{ type: 'autodate', name: 'updated', onCreate: true, onUpdate: true }
			],
			indexes: ['CREATE UNIQUE INDEX idx_categories_code ON categories (code)']
		});
		app.save(categories);

		const decisions = new Collection({
			type: 'base',
			name: 'decisions',
			// Residents never see drafts or withdrawn decisions.
			listRule: `status = 'published' || (${STAFF})`,
			viewRule: `status = 'published' || (${STAFF})`,
			createRule: EDITOR,
			updateRule: EDITOR,
			deleteRule: ADMIN,
			fields: [
				{ type: 'text', name: 'slug', required: true, max: 120, pattern: '^[a-z0-9-]+$' },
				{ type: 'text', name: 'title', required: true, max: 500 },
				{ type: 'text', name: 'shortTitle', max: 200 },
				{ type: 'text', name: 'description', max: 5000 },
				{ type: 'text', name: 'content', max: 200000 },
				{ type: 'text', name: 'motivation', max: 100000 },
				{ type: 'text', name: 'summary', max: 5000 },
				{
					type: 'select',
					name: 'body',
					required: true,
					maxSelect: 1,
					values: ['gemeenteraad', 'college', 'districtsraad', 'districtscollege']
				},
				{ type: 'select', name: 'district', maxSelect: 1, values: DISTRICTS },
				{ type: 'date', name: 'sessionDate' },
				{ type: 'date', name: 'publicationDate' },
				{ type: 'date', name: 'inForceFrom' },
				{ type: 'date', name: 'inForceUntil' },
				{ type: 'json', name: 'articles', maxSize: 500000 },
				{ type: 'json', name: 'themes', maxSize: 2000 },
				{ type: 'geoPoint', name: 'location' },
				{ type: 'relation', name: 'relatedCategories', collectionId: categories.id, maxSelect: 20 },
				{
					type: 'select',
					name: 'status',
					required: true,
					maxSelect: 1,
					values: ['draft', 'published', 'withdrawn']
				},
				{ type: 'text', name: 'language', max: 8 },
				{ type: 'autodate', name: 'created', onCreate: true },
				{ type: 'autodate', name: 'updated', onCreate: true, onUpdate: true }
			],
			indexes: ['CREATE UNIQUE INDEX idx_decisions_slug ON decisions (slug)']
		});
		app.save(decisions);

		const surveys = new Collection({
			type: 'base',
			name: 'surveys',
			listRule: `status != 'draft' || (${STAFF})`,
			viewRule: `status != 'draft' || (${STAFF})`,
			createRule: EDITOR,
			updateRule: EDITOR,
			deleteRule: ADMIN,
			fields: [
				{ type: 'text', name: 'slug', required: true, max: 120, pattern: '^[a-z0-9-]+$' },
				{ type: 'json', name: 'title', required: true, maxSize: 5000 },
				{ type: 'json', name: 'intro', maxSize: 20000 },
				{ type: 'json', name: 'definition', required: true, maxSize: 2000000 },
				{ type: 'number', name: 'version', min: 1, onlyInt: true },
				{ type: 'text', name: 'contentHash', max: 128 },
				{
					type: 'select',
					name: 'status',
					required: true,
					maxSelect: 1,
					values: ['draft', 'open', 'closed']
				},
				{ type: 'date', name: 'opens' },
				{ type: 'date', name: 'closes' },
				{ type: 'select', name: 'district', maxSelect: 1, values: DISTRICTS },
				{ type: 'number', name: 'estimatedMinutes', min: 0, onlyInt: true },
				{ type: 'bool', name: 'resultsPublic' },
				{ type: 'relation', name: 'decision', collectionId: decisions.id, maxSelect: 1 },
				{ type: 'autodate', name: 'created', onCreate: true },
				{ type: 'autodate', name: 'updated', onCreate: true, onUpdate: true }
			],
			indexes: ['CREATE UNIQUE INDEX idx_surveys_slug ON surveys (slug)']
		});
		app.save(surveys);

		// Earlier versions of a survey's definition: responses stay tied to the
		// version they answered.
		const surveyVersions = new Collection({
			type: 'base',
			name: 'survey_versions',
			listRule: STAFF,
			viewRule: STAFF,
			createRule: null,
			updateRule: null,
			deleteRule: null,
			fields: [
				{
					type: 'relation',
					name: 'survey',
					required: true,
					collectionId: surveys.id,
					maxSelect: 1,
					cascadeDelete: true
				},
				{ type: 'number', name: 'version', required: true, min: 1, onlyInt: true },
				{ type: 'json', name: 'definition', required: true, maxSize: 2000000 },
				{ type: 'text', name: 'contentHash', max: 128 },
				{ type: 'autodate', name: 'created', onCreate: true }
			],
			indexes: ['CREATE UNIQUE INDEX idx_survey_versions ON survey_versions (survey, version)']
		});
		app.save(surveyVersions);

		decisions.fields.add(
			new RelationField({ name: 'relatedSurveys', collectionId: surveys.id, maxSelect: 20 })
		);
		app.save(decisions);

		const responses = new Collection({
			type: 'base',
			name: 'responses',
			// Residents create; nobody but staff reads. No name, no IP, no account.
			listRule: STAFF,
			viewRule: STAFF,
			createRule: '',
			updateRule: null,
			deleteRule: null,
			fields: [
				{
					type: 'relation',
					name: 'survey',
					required: true,
					collectionId: surveys.id,
					maxSelect: 1
				},
				{ type: 'number', name: 'surveyVersion', min: 1, onlyInt: true },
				{ type: 'json', name: 'answers', required: true, maxSize: 200000 },
				{ type: 'select', name: 'channel', required: true, maxSelect: 1, values: CHANNELS },
				{ type: 'bool', name: 'assisted' },
				{ type: 'relation', name: 'kiosk', collectionId: kiosks.id, maxSelect: 1 },
				{ type: 'text', name: 'language', max: 8, pattern: '^[a-z]{2}(-[A-Z]{2})?$' },
				{
					type: 'text',
					name: 'clientId',
					required: true,
					pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
				},
				{ type: 'autodate', name: 'created', onCreate: true }
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_responses_client ON responses (clientId)',
				'CREATE INDEX idx_responses_survey ON responses (survey)'
			]
		});
		app.save(responses);

		const meldingen = new Collection({
			type: 'base',
			name: 'meldingen',
			// A resident reads a melding only by its code, through a route that
			// returns public fields (pb_hooks); the collection itself is staff-only.
			listRule: STAFF,
			viewRule: STAFF,
			createRule: '',
			updateRule: HANDLER,
			deleteRule: null,
			fields: [
				{
					type: 'text',
					name: 'code',
					required: true,
					min: 8,
					max: 8,
					pattern: '^[2-9A-HJ-NP-Z]{8}$'
				},
				{
					type: 'relation',
					name: 'category',
					required: true,
					collectionId: categories.id,
					maxSelect: 1
				},
				{ type: 'text', name: 'description', max: 2000 },
				{ type: 'json', name: 'extra', maxSize: 10000 },
				{ type: 'geoPoint', name: 'location' },
				{ type: 'text', name: 'address', max: 300 },
				{
					type: 'file',
					name: 'photos',
					maxSelect: 3,
					maxSize: 5 * 1024 * 1024,
					mimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
					protected: true
				},
				{
					type: 'select',
					name: 'status',
					required: true,
					maxSelect: 1,
					values: [
						'new',
						'accepted',
						'planned',
						'in_progress',
						'fixed',
						'not_fixed',
						'not_ours',
						'duplicate',
						'reopened'
					]
				},
				{
					type: 'select',
					name: 'publicStatus',
					maxSelect: 1,
					values: ['received', 'in_progress', 'done', 'closed']
				},
				{ type: 'email', name: 'email', hidden: false },
				{ type: 'select', name: 'channel', required: true, maxSelect: 1, values: CHANNELS },
				{ type: 'bool', name: 'assisted' },
				{ type: 'relation', name: 'kiosk', collectionId: kiosks.id, maxSelect: 1 },
				{ type: 'select', name: 'district', maxSelect: 1, values: DISTRICTS },
				{ type: 'text', name: 'language', max: 8 },
				{
					type: 'text',
					name: 'clientId',
					required: true,
					pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
				},
				{ type: 'autodate', name: 'created', onCreate: true },
				{ type: 'autodate', name: 'updated', onCreate: true, onUpdate: true }
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_meldingen_code ON meldingen (code)',
				'CREATE UNIQUE INDEX idx_meldingen_client ON meldingen (clientId)',
				'CREATE INDEX idx_meldingen_status ON meldingen (status, district)'
			]
		});
		app.save(meldingen);
		meldingen.fields.add(
			new RelationField({ name: 'duplicateOf', collectionId: meldingen.id, maxSelect: 1 })
		);
		app.save(meldingen);

		const updates = new Collection({
			type: 'base',
			name: 'melding_updates',
			listRule: STAFF,
			viewRule: STAFF,
			createRule: HANDLER,
			updateRule: null,
			deleteRule: null,
			fields: [
				{
					type: 'relation',
					name: 'melding',
					required: true,
					collectionId: meldingen.id,
					maxSelect: 1,
					cascadeDelete: true
				},
				{ type: 'text', name: 'status', max: 30 },
				{ type: 'text', name: 'publicNote', max: 2000 },
				{ type: 'text', name: 'internalNote', max: 2000 },
				{ type: 'relation', name: 'author', collectionId: users.id, maxSelect: 1 },
				{ type: 'autodate', name: 'created', onCreate: true }
			],
			indexes: ['CREATE INDEX idx_melding_updates_melding ON melding_updates (melding)']
		});
		app.save(updates);

		const journeyEvents = new Collection({
			type: 'base',
			name: 'journey_events',
			// Write-only for browsers: no IP, no user agent, no free text (§7).
			listRule: STAFF,
			viewRule: STAFF,
			createRule: '',
			updateRule: null,
			deleteRule: null,
			fields: [
				{
					type: 'text',
					name: 'journeyId',
					required: true,
					pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
				},
				{ type: 'text', name: 'process', required: true, max: 80, pattern: '^[a-z0-9:_-]+$' },
				{ type: 'text', name: 'step', required: true, max: 60, pattern: '^[a-z0-9:_-]+$' },
				{
					type: 'select',
					name: 'type',
					required: true,
					maxSelect: 1,
					values: ['start', 'step', 'error', 'complete']
				},
				{ type: 'date', name: 'at', required: true },
				{ type: 'select', name: 'channel', required: true, maxSelect: 1, values: CHANNELS },
				{ type: 'bool', name: 'assisted' },
				{ type: 'relation', name: 'kiosk', collectionId: kiosks.id, maxSelect: 1 },
				{ type: 'text', name: 'language', max: 8, pattern: '^[a-z]{2}(-[A-Z]{2})?$' },
				{ type: 'text', name: 'detail', max: 64, pattern: '^[a-z0-9:_.-]*$' }
			],
			indexes: ['CREATE INDEX idx_journey_events_process ON journey_events (process, at)']
		});
		app.save(journeyEvents);
	},
	(app) => {
		for (const name of [
			'journey_events',
			'melding_updates',
			'meldingen',
			'responses',
			'survey_versions',
			'surveys',
			'decisions',
			'categories',
			'kiosks'
		]) {
			app.delete(app.findCollectionByNameOrId(name));
		}
		const users = app.findCollectionByNameOrId('users');
		users.fields.removeByName('role');
		users.fields.removeByName('districts');
		app.save(users);
	}
);
