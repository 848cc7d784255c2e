// Vectors as stored: Float32 little-endian bytes, whatever the machine's own order.
import { RuntimeFailure } from '../errors.js';

export function vectorToBytes(vector: Float32Array): Buffer {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((x, i) => bytes.writeFloatLE(x, i * 4));
  return bytes;
}

/** `dims` is the row's own record of the length: a mismatch means a damaged row, not a short vector. */
export function bytesToVector(bytes: Uint8Array, dims: number, docId: string): Float32Array {
  if (bytes.byteLength !== dims * 4) {
    throw new RuntimeFailure(`the stored vector of ${docId} is damaged: ${bytes.byteLength} bytes for ${dims} dimensions`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vector = new Float32Array(dims);
  for (let i = 0; i < dims; i++) vector[i] = view.getFloat32(i * 4, true);
  return vector;
}
