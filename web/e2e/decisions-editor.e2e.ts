// Decisions (issue 5), the editor's place, "jouw mening telde mee: zo" and the fixed
// address after publication, each walked from Pieter's editor to what a resident reads,
// against the real build and a real PocketBase.
import { devices, expect, test, type Page } from '@playwright/test';
import PocketBase from 'pocketbase';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';
import { pieterLogsIn, superuser, tabTo } from './decisions-helpers.ts';

const SHOTS = process.env.STADSSTEM_SCREENSHOTS ?? 'test-results/decisions-screens';

test('Pieter places a decision on the map by keyboard or by coordinates and says how opinions counted; residents see both', async ({
	page,
	browser,
	baseURL
}) => {
	const pb = new PocketBase(baseURL);
	const surveys = await pb.collection('surveys').getFullList({ sort: 'slug' });
	const withResults = surveys.find((survey) => survey.resultsPublic);
	const withoutResults = surveys.find((survey) => !survey.resultsPublic);
	expect(withResults && withoutResults).toBeTruthy();
	const suffix = Date.now().toString(36);
	const shortTitle = `Knip Lakborslei ${suffix}`;
	const note =
		'De meeste bewoners wilden minder sluipverkeer. Daarom komt er een knip. ' +
		'Veel mensen vroegen ook een veilige oversteek aan de school: die komt er in 2027.';

	await pieterLogsIn(page);
	await page.goto('/medewerkers/beslissingen/nieuw');
	await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe beslissing' })).toBeVisible();
	await page.getByLabel('Titel (officieel)').fill(`Knip in de Lakborslei ${suffix}`);
	await page.getByLabel('Korte titel').fill(shortTitle);
	await page.getByLabel(/Samenvatting in gewone taal/).fill('Auto’s rijden niet meer door.');
	await page.getByLabel('Wie besliste').selectOption('districtsraad');
	await page.getByLabel('District', { exact: true }).selectOption('deurne');

	// The map by keyboard: arrow keys place and move the pin; the place is said in words.
	const map = page.getByRole('application', {
		name: 'Kaart van Antwerpen om de plek van de beslissing te kiezen'
	});
	const chosen = page.getByTestId('location-chosen');
	const lat = page.getByLabel(/Breedtegraad/);
	const lon = page.getByLabel(/Lengtegraad/);
	await expect(chosen).toHaveText('Nog geen plek gekozen.');
	await tabTo(page, map);
	await page.keyboard.press('ArrowRight');
	await expect(chosen).toContainText('Je koos een plek');
	await expect(chosen).toHaveAttribute('aria-live', 'polite');
	const first = Number(await lat.inputValue());
	expect(first).toBeGreaterThan(51);
	await page.keyboard.press('ArrowUp');
	await expect.poll(async () => Number(await lat.inputValue())).toBeGreaterThan(first);
	await expectNoAxeViolations(page, 'editor with a place on the map');

	// Coordinates that are not a place are refused, linked to the field.
	await lat.fill('hier');
	await page.getByRole('button', { name: 'Bewaren' }).click();
	const message =
		'Vul een breedtegraad en een lengtegraad in Antwerpen in, bijvoorbeeld 51,2194 en 4,4025. Of wis de plek.';
	await page.getByRole('link', { name: message }).click();
	await expect(lat).toBeFocused();
	await expect(lat).toHaveAttribute('aria-invalid', 'true');
	expect(
		(await pb.collection('decisions').getList(1, 1, { filter: `shortTitle = '${shortTitle}'` }))
			.totalItems
	).toBe(0);

	// The text alternative: typed coordinates, with a decimal comma as people write them here.
	await lat.fill('');
	await page.keyboard.type('51,2305');
	await tabTo(page, lon);
	await page.keyboard.press('Control+A');
	await page.keyboard.type('4,4721');
	await expect(chosen).toContainText('Je koos een plek in Deurne.');

	await page.getByText(withResults!.title.nl, { exact: true }).click();
	await page.getByText(withoutResults!.title.nl, { exact: true }).click();
	const noteField = page.getByLabel('Jouw mening telde mee: zo gebruikten we ze');
	await expect(noteField).toHaveAccessibleDescription(/wat nam de stad over uit de bevraging/);
	await noteField.fill(note);
	await page.getByLabel(/^Motivering/).fill('Er rijden te veel auto’s door de wijk.');
	await page.getByLabel(/^Tekst van de beslissing/).fill('Het college keurt de knip goed.');
	await page.getByRole('button', { name: 'Publiceren' }).click();
	await expect(page.getByTestId('editor-status')).toHaveText('Gepubliceerd');

	// Saved as typed, and readable by a resident (no account) like every other field.
	const stored = await new PocketBase(baseURL)
		.collection('decisions')
		.getFirstListItem(`shortTitle = '${shortTitle}'`);
	expect(stored.location).toEqual({ lat: 51.2305, lon: 4.4721 });
	expect(stored.participationNote).toBe(note);

	// Once published, the address is fixed, and the editor says why.
	const slug = page.getByLabel('Adres op de website');
	await expect(slug).toHaveAttribute('readonly', '');
	await expect(slug).toHaveAccessibleDescription(/ligt vast sinds de publicatie/);
	await expectNoAxeViolations(page, 'editor of a published decision');

	// A resident: a phone of their own, not signed in.
	const residentContext = await browser.newContext({ ...devices['Pixel 7'], locale: 'nl-BE' });
	const resident = await residentContext.newPage();
	await resident.goto(`${baseURL}/beslissingen/${stored.slug}`);
	const place = resident.getByTestId('decision-place');
	await expect(place).toContainText('In Deurne.');
	const osm = place.getByRole('link', { name: 'Bekijk de plek op OpenStreetMap' });
	await expect(osm).toHaveAttribute('href', /mlat=51\.2305&mlon=4\.4721/);
	await expect(
		resident.getByRole('img', { name: 'Kaart met de plek van deze beslissing. In Deurne.' })
	).toBeVisible();

	const participation = resident.getByRole('region', { name: 'Jouw mening telde mee' });
	await expect(
		participation.getByRole('heading', { name: 'Zo gebruikten we jullie mening' })
	).toBeVisible();
	await expect(participation.getByTestId('participation-note')).toHaveText(note);
	await expect(
		participation.getByRole('link', { name: `Bekijk de resultaten van ${withResults!.title.nl}` })
	).toHaveAttribute('href', `/bevraging/${withResults!.slug}/resultaten`);
	// Results that are not public get no link.
	await expect(participation.getByRole('link', { name: withoutResults!.title.nl })).toHaveCount(1);
	await expect(participation.getByRole('link', { name: /Bekijk de resultaten/ })).toHaveCount(1);
	await expectNoAxeViolations(resident, 'detail with place and participation note');
	await resident.screenshot({ path: `${SHOTS}/place-and-note.png`, fullPage: true });

	await participation
		.getByRole('link', { name: `Bekijk de resultaten van ${withResults!.title.nl}` })
		.click();
	await expect(resident).toHaveURL(new RegExp(`/bevraging/${withResults!.slug}/resultaten$`));
	await residentContext.close();

	await (await superuser(baseURL)).collection('decisions').delete(stored.id);
});

test('a decision without place or note shows neither; the related melding kinds link to the melding form', async ({
	page,
	baseURL
}) => {
	const decision = await new PocketBase(baseURL)
		.collection('decisions')
		.getFirstListItem("slug = 'subsidiereglement-geveltuinen'", { expand: 'relatedCategories' });
	await page.goto(`/beslissingen/${decision.slug}`);
	await expect(page.getByTestId('decision-summary')).toHaveText(decision.summary);
	await expect(page.getByTestId('decision-place')).toHaveCount(0);
	await expect(page.getByTestId('participation-note')).toHaveCount(0);

	const categories = decision.expand?.relatedCategories ?? [];
	expect(categories.length).toBeGreaterThan(0);
	const section = page.getByRole('region', { name: 'Iets melden over dit onderwerp' });
	for (const category of categories) {
		await expect(section.getByRole('link', { name: category.name.nl })).toHaveAttribute(
			'href',
			`/melden?categorie=${category.code}`
		);
	}
	await tabTo(page, section.getByRole('link', { name: categories[0].name.nl }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`/melden\\?categorie=${categories[0].code}$`));
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// The form starts with that kind chosen; the resident can still choose another.
	await expect(page.getByRole('radio', { name: categories[0].name.nl })).toBeChecked();
	await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
});

/**
 * A draft that Pieter opens in the editor, after which someone else publishes it: his
 * page still shows a draft, so only the server can say what is no longer allowed.
 */
async function publishedWhilePieterEdits(page: Page, baseURL: string | undefined) {
	const su = await superuser(baseURL);
	const suffix = Date.now().toString(36);
	const draft = await su.collection('decisions').create({
		slug: `gelijktijdig-${suffix}`,
		title: `Gelijktijdig bewerkt ${suffix}`,
		summary: 'Een beslissing die twee mensen tegelijk openen.',
		content: 'Het college beslist.',
		motivation: 'Twee mensen werken eraan.',
		body: 'college',
		status: 'draft',
		language: 'nl'
	});
	await pieterLogsIn(page);
	await page.goto(`/medewerkers/beslissingen/${draft.id}`);
	await expect(page.getByTestId('editor-status')).toHaveText('Ontwerp');
	await expect(page.getByLabel('Adres op de website')).not.toHaveAttribute('readonly', '');
	await su.collection('decisions').update(draft.id, { status: 'published' });
	return { su, draft, suffix };
}

test('published meanwhile: the server refuses a new address, and the editor says so at the field', async ({
	page,
	baseURL
}) => {
	const { su, draft, suffix } = await publishedWhilePieterEdits(page, baseURL);
	try {
		const slug = page.getByLabel('Adres op de website');
		await slug.fill(`ander-adres-${suffix}`);
		await page.getByRole('button', { name: 'Publiceren' }).click();
		await page
			.getByRole('link', {
				name: 'Het adres van een gepubliceerde beslissing kan niet meer veranderen.'
			})
			.click();
		await expect(slug).toBeFocused();
		// The address residents have is back, fixed, and the editor shows the real state.
		await expect(slug).toHaveValue(draft.slug);
		await expect(slug).toHaveAttribute('readonly', '');
		await expect(page.getByTestId('editor-status')).toHaveText('Gepubliceerd');
		await expectNoAxeViolations(page, 'editor, address refused by the server');
		expect((await su.collection('decisions').getOne(draft.id)).slug).toBe(draft.slug);
	} finally {
		await su.collection('decisions').delete(draft.id);
	}
});

test('published meanwhile: the server asks why it changes, and the change note field appears with that error', async ({
	page,
	baseURL
}) => {
	const { su, draft } = await publishedWhilePieterEdits(page, baseURL);
	try {
		const summary = 'Een beslissing die twee mensen tegelijk openen. Nu met meer uitleg.';
		await page.getByLabel(/Samenvatting in gewone taal/).fill(summary);
		await page.getByRole('button', { name: 'Publiceren' }).click();
		await page
			.getByRole('link', {
				name: 'Leg kort uit waarom je de gepubliceerde beslissing verandert.'
			})
			.click();
		const note = page.getByLabel('Waarom wijzig je deze gepubliceerde beslissing?');
		await expect(note).toBeFocused();
		await expect(note).toHaveAttribute('aria-invalid', 'true');
		expect((await su.collection('decisions').getOne(draft.id)).summary).toBe(draft.summary);

		await page.keyboard.type('Meer uitleg voor bewoners.');
		await page.getByRole('button', { name: 'Bewaren' }).click();
		await expect(page.getByTestId('editor-history')).toContainText('samenvatting');
		expect((await su.collection('decisions').getOne(draft.id)).summary).toBe(summary);
	} finally {
		await su.collection('decisions').delete(draft.id);
	}
});
