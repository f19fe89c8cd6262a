/** What a command needs from the input: columns, time zone and the extra attributes to keep. */
import type { Zone } from '../analysis/timestamps.ts';
import type { ColumnFlags } from './columns.ts';

export interface AttributeRequest {
	name: string;
	/** A missing required attribute is an error; a missing optional one is simply empty. */
	required: boolean;
}

export interface ReadRequest {
	columns: ColumnFlags;
	zone: Zone;
	/** Kept once per case (the `case:` column or the first event's value), e.g. for --by. */
	caseAttributes: AttributeRequest[];
	/** Kept per event, e.g. channel, type, detail. */
	eventAttributes: AttributeRequest[];
	/** CSV only: force a delimiter instead of detecting it. */
	delimiter?: string;
}
