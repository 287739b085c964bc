export type { FileService } from './file-service.js';
export { createFileService } from './file-service.js';
export { publishChart, publishReport, publishWorkbook } from './publish.js';
export { fileRoutes } from './routes.js';
export type { Cell, Table } from './table.js';
