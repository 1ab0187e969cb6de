/** Staff's notes on an opinion (server/cloud/notes.ts sets their author and who may change them). */
import { CLASS } from '../domain/classes';
import type { Note } from '../domain/notes';
import { getParse, READ_TIMEOUT_MS, type ParseSdk } from './client';
import { toAppError, withTimeout } from './errors';
import type { ParseObject } from './opinion-detail';

/** Notes counted per round trip for the export. */
const COUNT_BATCH = 1000;

function idOf(pointer: unknown): string {
  return typeof pointer === 'object' && pointer !== null && 'objectId' in pointer && typeof pointer.objectId === 'string'
    ? pointer.objectId
    : '';
}

function dateOf(value: unknown): Date {
  return typeof value === 'string' && value ? new Date(value) : new Date(0);
}

function toNote(object: ParseObject): Note {
  const json: Record<string, unknown> = object.toJSON();
  return {
    id: typeof json.objectId === 'string' ? json.objectId : '',
    opinionId: idOf(json.opinion),
    text: typeof json.text === 'string' ? json.text : '',
    authorId: idOf(json.author),
    authorName: typeof json.authorName === 'string' ? json.authorName : '',
    createdAt: dateOf(json.createdAt),
    updatedAt: dateOf(json.updatedAt),
  };
}

function opinionPointer(Parse: ParseSdk, opinionId: string): ParseObject {
  return Parse.Object.extend(CLASS.opinions).createWithoutData(opinionId) as ParseObject;
}

function noteReference(Parse: ParseSdk, id: string): ParseObject {
  return Parse.Object.extend(CLASS.opinionNotes).createWithoutData(id) as ParseObject;
}

async function attempt<T>(run: (Parse: ParseSdk) => Promise<T>): Promise<T> {
  try {
    return await withTimeout(
      getParse().then((Parse) => run(Parse)),
      READ_TIMEOUT_MS,
    );
  } catch (error) {
    throw toAppError(error);
  }
}

/** An opinion's notes, oldest first. */
export function listNotes(opinionId: string): Promise<Note[]> {
  return attempt(async (Parse) => {
    const notes = await new Parse.Query(CLASS.opinionNotes)
      .equalTo('opinion', opinionPointer(Parse, opinionId))
      .ascending('createdAt')
      .limit(1000)
      .find();
    return notes.map(toNote);
  });
}

export function addNote(opinionId: string, text: string): Promise<Note> {
  return attempt(async (Parse) => {
    const note = new Parse.Object(CLASS.opinionNotes);
    return toNote(await note.save({ opinion: opinionPointer(Parse, opinionId), text }));
  });
}

/** Refused (`forbidden`) unless the caller wrote the note. */
export function editNote(id: string, text: string): Promise<Note> {
  return attempt(async (Parse) => toNote(await noteReference(Parse, id).save({ text })));
}

/** Refused (`forbidden`) unless the caller wrote the note. */
export function deleteNote(id: string): Promise<void> {
  return attempt(async (Parse) => {
    await noteReference(Parse, id).destroy();
  });
}

/** How many notes each of these opinions has (those without any are left out). */
export function countNotes(opinionIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
  return attempt(async (Parse) => {
    const counts = new Map<string, number>();
    for (let start = 0; start < opinionIds.length; start += COUNT_BATCH) {
      const pointers = opinionIds.slice(start, start + COUNT_BATCH).map((id) => opinionPointer(Parse, id));
      await new Parse.Query(CLASS.opinionNotes)
        .containedIn('opinion', pointers)
        .select('opinion')
        .eachBatch(
          (notes) => {
            for (const note of notes) {
              const opinionId = toNote(note).opinionId;
              counts.set(opinionId, (counts.get(opinionId) ?? 0) + 1);
            }
          },
          { batchSize: COUNT_BATCH },
        );
    }
    return counts;
  });
}
