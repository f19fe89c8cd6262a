/// <reference path="../pb_data/types.d.ts" />
// Staff may edit their own account, but never their own role or districts:
// otherwise a handler could make themselves admin (issue 11, access tests).

const ADMIN = "@request.auth.collectionName = 'users' && @request.auth.role = 'admin'";
const SELF_ONLY =
	'id = @request.auth.id && @request.body.role:isset = false && @request.body.districts:isset = false';

migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		users.updateRule = `(${SELF_ONLY}) || (${ADMIN})`;
		app.save(users);
	},
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		users.updateRule = `id = @request.auth.id || (${ADMIN})`;
		app.save(users);
	}
);
