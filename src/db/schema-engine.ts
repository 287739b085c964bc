// Loads Prisma's schema engine as WebAssembly. The native engine binary cannot be downloaded on
// machines without internet, and Node cannot import the package entry (it imports a `.wasm`
// directly), so we instantiate the module ourselves (FACTS.md, "Prisma 7 without its engine").
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

type Bg = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
export type SchemaEngine = Awaited<ReturnType<Bg['SchemaEngine']['new']>>;

let loaded: Promise<Bg> | undefined;

async function load(): Promise<Bg> {
  const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const bgUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmPath = fileURLToPath(new URL('./schema_engine_bg.wasm', bgUrl));
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
