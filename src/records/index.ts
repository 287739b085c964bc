// Record functions: the one way business records (work orders, CRM orders, tickets, training,
// people, departments, leave) enter Kaopu, shared by the inbound API, scheduled connectors and
// the demo. Features reach them as `kit.records`.

export { KEY_FIELD, LEAVE_TYPES, RECORD_SCHEMAS, RECORD_TYPES, type RecordInput, sourceName } from './schemas.js';
export {
  createRecords,
  type FieldError,
  type RecordOutcome,
  type Records,
  type RecordsDeps,
  type RecordType,
} from './upsert.js';
