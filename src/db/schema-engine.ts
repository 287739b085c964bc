// Loads Prisma's schema engine as WebAssembly. The native engine binary cannot be downloaded on
// machines without internet, and Node cannot import the package entry (it imports a `.wasm`
// directly), so we instantiate the module ourselves (FACTS.md, "Prisma 7 without its engine").
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type Bg = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
export type SchemaEngine = Awaited<ReturnType<Bg['SchemaEngine']['new']>>;

let loaded: Promise<Bg> | undefined;

async function load(): Promise<Bg> {
  const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  // The .wasm path is not exported; find it beside the resolved JS glue. (createRequire rather
  // than import.meta.resolve, which Vite's module runner does not support.)
  const bgPath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmPath = join(dirname(bgPath), 'schema_engine_bg.wasm');
  const bytes = await readFile(wasmPath);
  const { instance } = await WebAssembly.instantiate(bytes, {
    './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bg;
}

export async function createSchemaEngine(
  datamodels: [string, string][],
  adapterFactory: object,
  onLog: (message: string) => void,
): Promise<SchemaEngine> {
  loaded ??= load();
  const bg = await loaded;
  return bg.SchemaEngine.new({ datamodels }, onLog, adapterFactory);
}
