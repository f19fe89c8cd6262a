/// <reference path="../../pb_data/types.d.ts" />
// Reading the JSON body of a custom route strictly (issue 11): a field of the
// wrong type is refused with a 400 that names it, never turned into text
// (false as a theme, {} as an email). Absent and null count as not given.

function refuseType(field, expected) {
	throw new BadRequestError(`"${field}" must be ${expected}.`, {
		[field]: new ValidationError('invalid_type', `"${field}" must be ${expected}.`)
	});
}

/** The request body as an object; anything else (an array, a string, null) is refused. */
function object(e) {
	const body = e.requestInfo().body;
	if (body === null || body === undefined) return {};
	if (typeof body !== 'object' || Array.isArray(body)) {
		throw new BadRequestError('Send a JSON object.', {});
	}
	return body;
}

/** A text field: '' when absent or null, the text when it is one, else a 400. */
function text(body, field) {
	const value = body[field];
	if (value === undefined || value === null) return '';
	if (typeof value !== 'string') refuseType(field, 'text');
	return value;
}

/** A yes/no field: false when absent or null, the boolean when it is one, else a 400. */
function bool(body, field) {
	const value = body[field];
	if (value === undefined || value === null) return false;
	if (typeof value !== 'boolean') refuseType(field, 'true or false');
	return value;
}

module.exports = { object, text, bool, refuseType };
