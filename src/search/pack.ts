// A small binary container for derived structures: a JSON header plus named
// typed arrays, 8-byte aligned so they can be viewed without copying.

type NumericArray = Uint32Array | Int32Array | Float32Array | Float64Array | Uint16Array | Uint8Array;

const constructors = { Uint32Array, Int32Array, Float32Array, Float64Array, Uint16Array, Uint8Array } as const;
type ArrayKind = keyof typeof constructors;

const MAGIC = 0x424d5031; // "BMP1"

export function pack(header: unknown, arrays: Record<string, NumericArray>): Uint8Array {
  const layout: { name: string; kind: ArrayKind; offset: number; length: number }[] = [];
  let offset = 0;
  for (const [name, array] of Object.entries(arrays)) {
    layout.push({ name, kind: array.constructor.name as ArrayKind, offset, length: array.length });
    offset += Math.ceil(array.byteLength / 8) * 8;
  }
  const json = new TextEncoder().encode(JSON.stringify({ header, layout }));
  const jsonPadded = Math.ceil((json.length + 8) / 8) * 8;
  const out = new Uint8Array(jsonPadded + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC);
  view.setUint32(4, json.length);
  out.set(json, 8);
  for (const entry of layout) {
    const array = arrays[entry.name]!;
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), jsonPadded + entry.offset);
  }
  return out;
}

export function unpack<H>(bytes: Uint8Array): { header: H; arrays: Record<string, NumericArray> } {
  // Typed-array views need 8-byte alignment: a store buffer at an odd offset is copied once, an aligned one used as is.
  const own = bytes.byteOffset % 8 === 0 ? bytes : Uint8Array.from(bytes);
  const view = new DataView(own.buffer, own.byteOffset, own.byteLength);
  if (bytes.byteLength < 8 || view.getUint32(0) !== MAGIC) throw new Error('not a packed search structure (re-run ingest)');
  const jsonLength = view.getUint32(4);
  const { header, layout } = JSON.parse(new TextDecoder().decode(own.subarray(8, 8 + jsonLength))) as {
    header: H;
    layout: { name: string; kind: ArrayKind; offset: number; length: number }[];
  };
  const base = Math.ceil((jsonLength + 8) / 8) * 8;
  const arrays: Record<string, NumericArray> = {};
  for (const entry of layout) {
    arrays[entry.name] = new constructors[entry.kind](own.buffer as ArrayBuffer, own.byteOffset + base + entry.offset, entry.length);
  }
  return { header, arrays };
}
