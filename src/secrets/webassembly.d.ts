// The part of the WebAssembly JavaScript API the prefilter uses: Node 20 has it, @types/node 20 does not declare it
// (it lives in TypeScript's DOM library, which a Node program should not load).
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Memory {
    readonly buffer: ArrayBuffer;
    grow(pages: number): number;
  }
  class Instance {
    constructor(module: Module);
    readonly exports: Record<string, unknown>;
  }
}
