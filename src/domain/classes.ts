/**
 * The Parse classes this app stores, each name written once: the app's calls, the schema
 * (server/schema.ts), Cloud Code and the SQL that reads them all take it from here.
 */
export const CLASS = {
  /** A visitor's opinion (the seed's class). */
  opinions: 'opinions',
  /** The staff dashboard's live signal, heard through LiveQuery. */
  dashboardSignals: 'dashboardSignals',
  /** Every submission id ever stored, so that a late retry of a deleted opinion stays deleted. */
  deliveredSubmissions: 'deliveredSubmissions',
  /** The venue's settings: one row, read and written through Cloud functions only. */
  venueSettings: 'venueSettings',
  /** Staff's internal notes on an opinion. */
  opinionNotes: 'opinionNotes',
  /** The alerts sent, each after the one before: at most one per window. */
  alertMarkers: 'alertMarkers',
} as const;

/**
 * The Cloud functions every write to `opinions` goes through (server/cloud/opinions.ts): the
 * class itself takes no client writes, and has no save triggers that would slow each create
 * (docs/decisions/0037-*.md).
 */
export const OPINION_FUNCTION = {
  /** A visitor's opinion (anyone). */
  submit: 'submitOpinion',
  /** Staff mark opinions reviewed, or add one tag to each. */
  triage: 'triageOpinions',
  /** Staff set one opinion's tags. */
  setTags: 'setOpinionTags',
} as const;

/** Opinions one triage call, or one /batch of deletes, takes at most (the server's `batchRequestLimit` too). */
export const OPINIONS_PER_CALL = 100;
